/**
 * Route authorization, declared on every route as `config.access` and
 * enforced by one hook. A route without a declaration is rejected at start,
 * so nothing is reachable by accident.
 */
import type { Role } from '../../shared/roles.js';

export type Access =
  /** No sign-in needed (health, login). */
  | { kind: 'public' }
  /** Any signed-in account, also one that must still change its password. */
  | { kind: 'self' }
  /** Signed-in accounts with one of these roles. `display` also admits the hall screen's session. */
  | { kind: 'roles'; roles: readonly Role[]; display?: boolean };

export const publicAccess: Access = { kind: 'public' };
export const selfAccess: Access = { kind: 'self' };

export function rolesAccess(roles: readonly Role[], options: { display?: boolean } = {}): Access {
  return { kind: 'roles', roles, display: options.display ?? false };
}

/** Every role but the hall display: pages any staff member may open. */
export const staffRoles: readonly Role[] = [
  'sys_admin',
  'security_admin',
  'audit_admin',
  'bureau_leader',
  'duty_commander',
  'shift_leader',
  'duty_officer',
  'seat_staff',
  'unit_liaison',
];

/** The command center's duty staff and leaders. */
export const dutyStaffRoles: readonly Role[] = ['bureau_leader', 'duty_commander', 'shift_leader', 'duty_officer', 'seat_staff'];

/** Duty staff who record and handle (no bureau leaders or seat staff). */
export const dutyHandlerRoles: readonly Role[] = ['duty_commander', 'shift_leader', 'duty_officer'];

export function isAllowed(access: Access, userRoles: readonly Role[], isDisplaySession: boolean): boolean {
  if (access.kind === 'public' || access.kind === 'self') return true;
  if (isDisplaySession) return access.display === true;
  return userRoles.some((role) => access.roles.includes(role));
}
