/**
 * The registry of pages. Each entry builds its route and, unless hidden, its
 * side-menu item; a module adds its page with one entry here.
 */
import {
  ApartmentOutlined,
  AuditOutlined,
  IdcardOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { centerRoles, roles, type Role } from '../shared/roles';
import type { ModuleEntry } from './app/module-types';

/** Every account role except the hall display, which opens only the hall screen. */
export const staffRoles: readonly Role[] = roles.filter((role) => role !== 'hall_display');

export const modules: ModuleEntry[] = [
  { path: '/units', label: '组织机构', icon: <ApartmentOutlined />, roles: ['sys_admin', ...centerRoles], group: 'organization', page: () => import('./pages/org/UnitsPage') },
  { path: '/people', label: '人员管理', icon: <TeamOutlined />, roles: ['sys_admin', ...centerRoles], group: 'organization', page: () => import('./pages/people/PeoplePage') },
  { path: '/users', label: '账号管理', icon: <IdcardOutlined />, roles: ['sys_admin', 'security_admin'], group: 'system', page: () => import('./pages/users/UsersPage') },
  { path: '/security', label: '安全策略', icon: <SafetyCertificateOutlined />, roles: ['security_admin'], group: 'system', page: () => import('./pages/security/SecurityPolicyPage') },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, roles: ['audit_admin'], group: 'system', page: () => import('./pages/audit/AuditPage') },
  { path: '/profile', label: '个人中心', icon: <UserOutlined />, roles: staffRoles, group: 'personal', page: () => import('./pages/profile/ProfilePage') },
];
