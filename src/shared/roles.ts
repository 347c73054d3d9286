/**
 * Roles of sign-in accounts and duty roles of people, shared by the server
 * and the web app so a label and a check can never disagree.
 */
export const roles = [
  'sys_admin',
  'security_admin',
  'audit_admin',
  'bureau_leader',
  'duty_commander',
  'shift_leader',
  'duty_officer',
  'seat_staff',
  'unit_liaison',
  'hall_display',
] as const;

export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  sys_admin: '系统管理员',
  security_admin: '安全管理员',
  audit_admin: '审计管理员',
  bureau_leader: '局领导',
  duty_commander: '值班指挥长',
  shift_leader: '值班长',
  duty_officer: '值班员',
  seat_staff: '席位人员',
  unit_liaison: '单位信息员',
  hall_display: '指挥大厅显示屏',
};

/** Roles of the command center's duty staff, who see every unit's data. */
export const centerRoles: readonly Role[] = ['bureau_leader', 'duty_commander', 'shift_leader', 'duty_officer', 'seat_staff'];

/** Roles that may see phone numbers in the directory and on people records. */
export const phoneReaderRoles: readonly Role[] = ['bureau_leader', 'duty_commander', 'shift_leader', 'duty_officer', 'sys_admin'];

/** 值班角色: which duty a person may hold in the rotation. */
export const dutyRoles = ['commander', 'shift_leader', 'officer', 'seat_standby'] as const;
export type DutyRole = (typeof dutyRoles)[number];

export const dutyRoleLabels: Record<DutyRole, string> = {
  commander: '值班指挥长',
  shift_leader: '值班长',
  officer: '值班员',
  seat_standby: '席位备勤',
};

export const unitKinds = ['department', 'district', 'affiliated', 'command_center'] as const;
export type UnitKind = (typeof unitKinds)[number];

export const unitKindLabels: Record<UnitKind, string> = {
  department: '局机关部门',
  district: '区司法局',
  affiliated: '局属单位',
  command_center: '局指挥中心',
};
