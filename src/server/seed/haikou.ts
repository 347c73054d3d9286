/**
 * The Haikou bureau's organization, shipped as the default and demo data.
 * Units are configuration: another city edits them on the organization page.
 * The people are invented, with invented phone numbers.
 */
import type { DutyRole, Role, UnitKind } from '../../shared/roles.js';

export interface SeedUnit {
  key: string;
  name: string;
  shortName: string;
  kind: UnitKind;
  dutyRoomName: string;
  dutyRoomPhone: string;
}

export const haikouUnits: SeedUnit[] = [
  { key: 'center', name: '海口市司法局指挥中心', shortName: '指挥中心', kind: 'command_center', dutyRoomName: '指挥中心大厅', dutyRoomPhone: '0898-66100000' },
  { key: 'leaders', name: '局领导', shortName: '局领导', kind: 'department', dutyRoomName: '局领导办公室', dutyRoomPhone: '0898-66100001' },
  { key: 'office', name: '办公室', shortName: '办公室', kind: 'department', dutyRoomName: '办公室值班室', dutyRoomPhone: '0898-66100010' },
  { key: 'personnel', name: '人事警务科', shortName: '人事警务科', kind: 'department', dutyRoomName: '人事警务科', dutyRoomPhone: '0898-66100011' },
  { key: 'rule-of-law', name: '法治调研科', shortName: '法治调研科', kind: 'department', dutyRoomName: '法治调研科', dutyRoomPhone: '0898-66100012' },
  { key: 'legislation', name: '立法科', shortName: '立法科', kind: 'department', dutyRoomName: '立法科', dutyRoomPhone: '0898-66100013' },
  { key: 'enforcement', name: '行政执法协调监督科', shortName: '执法监督科', kind: 'department', dutyRoomName: '执法监督科', dutyRoomPhone: '0898-66100014' },
  { key: 'review', name: '行政复议与应诉科', shortName: '复议应诉科', kind: 'department', dutyRoomName: '复议应诉科', dutyRoomPhone: '0898-66100015' },
  { key: 'correction', name: '社区矫正科', shortName: '社区矫正科', kind: 'department', dutyRoomName: '社区矫正指挥室', dutyRoomPhone: '0898-66100016' },
  { key: 'legal-service', name: '公共法律服务科', shortName: '公共法律服务科', kind: 'department', dutyRoomName: '公共法律服务科', dutyRoomPhone: '0898-66100017' },
  { key: 'lawyers', name: '律师工作科', shortName: '律师工作科', kind: 'department', dutyRoomName: '律师工作科', dutyRoomPhone: '0898-66100018' },
  { key: 'legal-education', name: '普法与依法治理科', shortName: '普法科', kind: 'department', dutyRoomName: '普法科', dutyRoomPhone: '0898-66100019' },
  { key: 'supervision', name: '法治督察科', shortName: '法治督察科', kind: 'department', dutyRoomName: '法治督察科', dutyRoomPhone: '0898-66100020' },
  { key: 'finance', name: '计划财务装备科', shortName: '计财装备科', kind: 'department', dutyRoomName: '计财装备科', dutyRoomPhone: '0898-66100021' },
  { key: 'xiuying', name: '秀英区司法局', shortName: '秀英区', kind: 'district', dutyRoomName: '秀英区司法局指挥室', dutyRoomPhone: '0898-68600001' },
  { key: 'longhua', name: '龙华区司法局', shortName: '龙华区', kind: 'district', dutyRoomName: '龙华区司法局指挥室', dutyRoomPhone: '0898-68600002' },
  { key: 'qiongshan', name: '琼山区司法局', shortName: '琼山区', kind: 'district', dutyRoomName: '琼山区司法局指挥室', dutyRoomPhone: '0898-68600003' },
  { key: 'meilan', name: '美兰区司法局', shortName: '美兰区', kind: 'district', dutyRoomName: '美兰区司法局指挥室', dutyRoomPhone: '0898-68600004' },
  { key: 'luoniushan', name: '海口市罗牛山强制隔离戒毒所', shortName: '戒毒所', kind: 'affiliated', dutyRoomName: '戒毒所指挥室', dutyRoomPhone: '0898-68700001' },
  { key: 'legal-aid', name: '海口市法律援助中心', shortName: '法律援助中心', kind: 'affiliated', dutyRoomName: '法律援助中心值班室', dutyRoomPhone: '0898-68700002' },
  { key: 'minors', name: '海口市未成年人法制教育中心', shortName: '未成年人中心', kind: 'affiliated', dutyRoomName: '未成年人中心值班室', dutyRoomPhone: '0898-68700003' },
];

export interface SeedPerson {
  key: string;
  name: string;
  unit: string;
  position: string;
  isPolice: boolean;
  dutyRoles: DutyRole[];
}

function person(key: string, name: string, unit: string, position: string, dutyRoles: DutyRole[], isPolice = false): SeedPerson {
  return { key, name, unit, position, isPolice, dutyRoles };
}

/** Invented people: 5 bureau leaders, 12 department heads, 24 officers, seat standby and liaisons. */
export const haikouPeople: SeedPerson[] = [
  person('commander-1', '林国栋', 'leaders', '局长', ['commander']),
  person('commander-2', '陈海峰', 'leaders', '副局长', ['commander']),
  person('commander-3', '王秀兰', 'leaders', '副局长', ['commander']),
  person('commander-4', '符明亮', 'leaders', '副局长', ['commander']),
  person('commander-5', '吴建华', 'leaders', '政治部主任', ['commander']),

  person('leader-1', '黄志强', 'office', '办公室主任', ['shift_leader']),
  person('leader-2', '李春梅', 'personnel', '人事警务科科长', ['shift_leader'], true),
  person('leader-3', '张宏伟', 'rule-of-law', '法治调研科科长', ['shift_leader']),
  person('leader-4', '周丽娟', 'legislation', '立法科科长', ['shift_leader']),
  person('leader-5', '郑文博', 'enforcement', '执法监督科科长', ['shift_leader']),
  person('leader-6', '冯晓东', 'review', '复议应诉科科长', ['shift_leader']),
  person('leader-7', '邢志远', 'correction', '社区矫正科科长', ['shift_leader']),
  person('leader-8', '云海燕', 'legal-service', '公共法律服务科科长', ['shift_leader']),
  person('leader-9', '蔡俊杰', 'lawyers', '律师工作科科长', ['shift_leader']),
  person('leader-10', '潘晓红', 'legal-education', '普法科科长', ['shift_leader']),
  person('leader-11', '羊振华', 'supervision', '法治督察科科长', ['shift_leader'], true),
  person('leader-12', '梁淑芬', 'finance', '计财装备科科长', ['shift_leader']),

  person('officer-1', '王晓明', 'office', '一级科员', ['officer', 'seat_standby']),
  person('officer-2', '李婷', 'office', '二级主任科员', ['officer']),
  person('officer-3', '陈志刚', 'personnel', '一级科员', ['officer'], true),
  person('officer-4', '吴丽萍', 'personnel', '二级科员', ['officer'], true),
  person('officer-5', '赵文静', 'rule-of-law', '一级科员', ['officer']),
  person('officer-6', '刘海涛', 'rule-of-law', '二级科员', ['officer']),
  person('officer-7', '孙玉婷', 'legislation', '一级科员', ['officer']),
  person('officer-8', '周建国', 'legislation', '二级科员', ['officer']),
  person('officer-9', '钟海鹏', 'enforcement', '一级科员', ['officer']),
  person('officer-10', '何佳慧', 'enforcement', '二级科员', ['officer']),
  person('officer-11', '许志鹏', 'review', '一级科员', ['officer']),
  person('officer-12', '韩雪', 'review', '二级科员', ['officer']),
  person('officer-13', '邓伟', 'correction', '一级科员', ['officer', 'seat_standby']),
  person('officer-14', '王雅琴', 'correction', '二级科员', ['officer']),
  person('officer-15', '符晓峰', 'legal-service', '一级科员', ['officer', 'seat_standby']),
  person('officer-16', '陈美玲', 'legal-service', '二级科员', ['officer']),
  person('officer-17', '黄俊', 'lawyers', '一级科员', ['officer']),
  person('officer-18', '林小燕', 'lawyers', '二级科员', ['officer']),
  person('officer-19', '吴志勇', 'legal-education', '一级科员', ['officer']),
  person('officer-20', '杨晓丽', 'legal-education', '二级科员', ['officer']),
  person('officer-21', '曾庆龙', 'supervision', '一级科员', ['officer', 'seat_standby'], true),
  person('officer-22', '谢雨欣', 'supervision', '二级科员', ['officer'], true),
  person('officer-23', '庞家豪', 'finance', '一级科员', ['officer']),
  person('officer-24', '卢静怡', 'finance', '二级科员', ['officer']),

  person('seat-drug', '麦振宇', 'luoniushan', '管理科副科长', ['seat_standby'], true),
  person('seat-minors', '羊美华', 'minors', '教育科科员', ['seat_standby']),
  person('seat-opinion', '吉晓宁', 'office', '网信专员', ['seat_standby']),

  person('liaison-center', '徐静', 'center', '指挥中心信息员', []),
  person('liaison-xiuying', '陈小红', 'xiuying', '信息员', []),
  person('liaison-longhua', '王家明', 'longhua', '信息员', []),
  person('liaison-qiongshan', '李晓娟', 'qiongshan', '信息员', []),
  person('liaison-meilan', '吴海龙', 'meilan', '信息员', []),
  person('liaison-luoniushan', '符丽珍', 'luoniushan', '信息员', [], true),
  person('liaison-legal-aid', '郑美玉', 'legal-aid', '信息员', []),
  person('liaison-minors', '蒙晓琳', 'minors', '信息员', []),
];

export interface SeedAccount {
  username: string;
  person?: string;
  name: string;
  unit: string;
  roles: Role[];
}

/** Demo accounts; the first eight are the ones the documentation promises. */
export const haikouAccounts: SeedAccount[] = [
  { username: 'admin', name: '系统管理员', unit: 'office', roles: ['sys_admin'] },
  { username: 'security', name: '安全管理员', unit: 'office', roles: ['security_admin'] },
  { username: 'auditor', name: '审计管理员', unit: 'office', roles: ['audit_admin'] },
  { username: 'commander', person: 'commander-2', name: '陈海峰', unit: 'leaders', roles: ['duty_commander', 'bureau_leader'] },
  { username: 'leader', person: 'leader-1', name: '黄志强', unit: 'office', roles: ['shift_leader'] },
  { username: 'officer', person: 'officer-1', name: '王晓明', unit: 'office', roles: ['duty_officer'] },
  { username: 'xiuying', person: 'liaison-xiuying', name: '陈小红', unit: 'xiuying', roles: ['unit_liaison'] },
  { username: 'longhua', person: 'liaison-longhua', name: '王家明', unit: 'longhua', roles: ['unit_liaison'] },
  { username: 'qiongshan', person: 'liaison-qiongshan', name: '李晓娟', unit: 'qiongshan', roles: ['unit_liaison'] },
  { username: 'meilan', person: 'liaison-meilan', name: '吴海龙', unit: 'meilan', roles: ['unit_liaison'] },
  { username: 'jiedu', person: 'liaison-luoniushan', name: '符丽珍', unit: 'luoniushan', roles: ['unit_liaison'] },
  { username: 'fayuan', person: 'liaison-legal-aid', name: '郑美玉', unit: 'legal-aid', roles: ['unit_liaison'] },
  { username: 'weichengnian', person: 'liaison-minors', name: '蒙晓琳', unit: 'minors', roles: ['unit_liaison'] },
  { username: 'juzhang', person: 'commander-1', name: '林国栋', unit: 'leaders', roles: ['bureau_leader', 'duty_commander'] },
  { username: 'seat', person: 'officer-13', name: '邓伟', unit: 'correction', roles: ['seat_staff'] },
  { username: 'hall', name: '指挥大厅显示屏', unit: 'center', roles: ['hall_display'] },
];

/** Invented mobile number, stable per index: 139 0898 xxxx. */
export function demoMobile(index: number): string {
  return `1390898${String(1000 + index).padStart(4, '0')}`;
}
