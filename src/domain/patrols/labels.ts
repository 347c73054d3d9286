/**
 * Status and kind unions of video patrols, night checks, problems, roll calls
 * and platform checks, shared by the server and the web app with their
 * Chinese labels.
 */

/** Kind of a patrol site (巡查点位类型). */
export const siteKinds = ['command_room', 'rehab_key_area', 'correction_site', 'minors_center', 'gate', 'workshop', 'other'] as const;
export type SiteKind = (typeof siteKinds)[number];
export const SITE_KIND_LABELS: Readonly<Record<SiteKind, string>> = {
  command_room: '指挥室（值班室）',
  rehab_key_area: '戒毒场所重点部位',
  correction_site: '社区矫正场所',
  minors_center: '未成年人法制教育中心',
  gate: '场所大门',
  workshop: '劳动车间',
  other: '其他',
};

/** Check method of a site: video (视频监测) or phone (电话问询). */
export const checkMethods = ['video', 'phone'] as const;
export type CheckMethod = (typeof checkMethods)[number];
export const CHECK_METHOD_LABELS: Readonly<Record<CheckMethod, string>> = { video: '视频', phone: '电话' };

/** Patroller of a video patrol: a duty post or a seat that patrols by video. */
export const patrollerRoles = ['officer', 'shift_leader', 'commander', 'seat_police', 'seat_rehab'] as const;
export type PatrollerRole = (typeof patrollerRoles)[number];
export const PATROLLER_ROLE_LABELS: Readonly<Record<PatrollerRole, string>> = {
  officer: '值班员',
  shift_leader: '值班长',
  commander: '值班指挥长',
  seat_police: '警务督查席位',
  seat_rehab: '戒毒管理席位',
};

/** Kind of a problem found by a patrol or a night check. */
export const problemKinds = ['off_post', 'asleep', 'equipment', 'uniform', 'hazard', 'other'] as const;
export type ProblemKind = (typeof problemKinds)[number];
export const PROBLEM_KIND_LABELS: Readonly<Record<ProblemKind, string>> = {
  off_post: '脱岗',
  asleep: '睡岗',
  equipment: '设备故障',
  uniform: '着装仪容不规范',
  hazard: '安全隐患',
  other: '其他',
};

/**
 * Rectification state (整改状态): `open` waits for the unit's report,
 * `submitted` waits for the center's verification, `returned` was sent back
 * to the unit, `closed` was verified and closed.
 */
export const problemStatuses = ['open', 'submitted', 'returned', 'closed'] as const;
export type ProblemStatus = (typeof problemStatuses)[number];
export const PROBLEM_STATUS_LABELS: Readonly<Record<ProblemStatus, string>> = {
  open: '待整改',
  submitted: '待核验',
  returned: '已退回',
  closed: '已销号',
};

/** Source of a problem: a patrol, a night check or another channel. */
export const problemSources = ['patrol', 'night_check', 'manual'] as const;
export type ProblemSource = (typeof problemSources)[number];
export const PROBLEM_SOURCE_LABELS: Readonly<Record<ProblemSource, string>> = {
  patrol: '视频巡查',
  night_check: '夜查',
  manual: '其他渠道',
};

/** Running state of a supervised platform (监管平台运行情况). */
export const platformStatuses = ['normal', 'abnormal'] as const;
export type PlatformStatus = (typeof platformStatuses)[number];
export const PLATFORM_STATUS_LABELS: Readonly<Record<PlatformStatus, string>> = { normal: '正常', abnormal: '异常' };
