/**
 * Which accounts the signed-in administrator may create and edit (三员分立),
 * mirroring the server's check: the security administrator manages the
 * administrator accounts, the system administrator every other account, and
 * no administrator changes the roles or status of their own account.
 */
import { roles, type Role } from '../../../shared/roles';
import type { CurrentUser } from '../../api/auth';
import type { UserAccount } from '../../api/users';

/** 系统管理员、安全管理员、审计管理员: one account has at most one of them. */
export const administratorRoles: readonly Role[] = ['sys_admin', 'security_admin', 'audit_admin'];

function isAdministratorRole(role: Role): boolean {
  return administratorRoles.includes(role);
}

/** Roles that `user` may give to an account, in the order of the shared role list. */
export function assignableRoles(user: CurrentUser): Role[] {
  const managesAdministrators = user.roles.includes('security_admin');
  const managesBusiness = user.roles.includes('sys_admin');
  return roles.filter((role) => (isAdministratorRole(role) ? managesAdministrators : managesBusiness));
}

/** Whether `user` may edit, enable or disable `account`. */
export function mayManageAccount(user: CurrentUser, account: UserAccount): boolean {
  if (account.id === user.id) return false;
  const assignable = assignableRoles(user);
  return account.roles.every((role) => assignable.includes(role));
}
