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
import { DesktopOutlined, SolutionOutlined } from '@ant-design/icons';
import { BookOutlined, FileDoneOutlined, FileTextOutlined, PhoneOutlined } from '@ant-design/icons';
import { AlertOutlined, FundProjectionScreenOutlined } from '@ant-design/icons';
import { CalendarOutlined, HomeOutlined, ScheduleOutlined, SwapOutlined } from '@ant-design/icons';

import { BarChartOutlined, DashboardOutlined, EnvironmentOutlined, EyeOutlined, IssuesCloseOutlined, MoonOutlined, VideoCameraOutlined } from '@ant-design/icons';
/** Every account role except the hall display, which opens only the hall screen. */
export const staffRoles: readonly Role[] = roles.filter((role) => role !== 'hall_display');

/** Everyone who works with duty data: not the security or audit administrator, who by 三员分立 see only their own areas. */
const dutyWorkRoles: readonly Role[] = staffRoles.filter((role) => role !== 'security_admin' && role !== 'audit_admin');

export const modules: ModuleEntry[] = [
  { path: '/home', label: '今日值班', icon: <HomeOutlined />, roles: dutyWorkRoles, group: 'duty', page: () => import('./pages/home/HomePage') },
  { path: '/roster', label: '值班表', icon: <ScheduleOutlined />, roles: dutyWorkRoles, group: 'duty', page: () => import('./pages/roster/RosterPage') },
  { path: '/roster/requests', label: '换班替班与请假', icon: <SwapOutlined />, roles: dutyWorkRoles, group: 'duty', page: () => import('./pages/roster/DutyRequestsPage') },
  { path: '/calendar', label: '值班日历', icon: <CalendarOutlined />, roles: dutyWorkRoles, group: 'duty', page: () => import('./pages/calendar/CalendarAdminPage') },
  { path: '/incidents', label: '突发案事件', icon: <AlertOutlined />, roles: [...centerRoles, 'unit_liaison', 'sys_admin'], group: 'command', page: () => import('./pages/incidents/IncidentsPage') },
  { path: '/incidents/:id', label: '突发案事件详情', roles: [...centerRoles, 'unit_liaison', 'sys_admin'], group: 'command', hideInMenu: true, page: () => import('./pages/incidents/IncidentDetailPage') },
  { path: '/hall', label: '指挥大厅', icon: <FundProjectionScreenOutlined />, roles: [...centerRoles, 'sys_admin'], group: 'command', fullScreen: true, display: true, page: () => import('./pages/hall/HallPage') },
  { path: '/documents', label: '收文登记', icon: <FileTextOutlined />, roles: [...centerRoles, 'unit_liaison', 'sys_admin'], group: 'duty', page: () => import('./pages/documents/DocumentsPage') },
  { path: '/documents/pending', label: '待签收文电', icon: <FileDoneOutlined />, roles: [...centerRoles, 'unit_liaison'], group: 'duty', page: () => import('./pages/documents/PendingSignaturesPage') },
  { path: '/documents/:id', label: '文电详情', roles: [...centerRoles, 'unit_liaison', 'sys_admin'], group: 'duty', hideInMenu: true, page: () => import('./pages/documents/DocumentDetailPage') },
  { path: '/phone-records', label: '电话记录', icon: <PhoneOutlined />, roles: centerRoles, group: 'duty', page: () => import('./pages/documents/PhoneRecordsPage') },
  { path: '/patrols', label: '视频巡查', icon: <EyeOutlined />, roles: centerRoles, group: 'command', page: () => import('./pages/patrols/PatrolsPage') },
  { path: '/night-checks', label: '夜查', icon: <MoonOutlined />, roles: centerRoles, group: 'command', page: () => import('./pages/night-checks/NightChecksPage') },
  { path: '/patrols/problems', label: '巡查问题整改', icon: <IssuesCloseOutlined />, roles: [...centerRoles, 'unit_liaison'], group: 'command', page: () => import('./pages/patrols/ProblemsPage') },
  { path: '/roll-calls', label: '视频点名', icon: <VideoCameraOutlined />, roles: [...centerRoles, 'unit_liaison'], group: 'command', page: () => import('./pages/roll-calls/RollCallsPage') },
  { path: '/platform-checks', label: '监管平台运行', icon: <DashboardOutlined />, roles: centerRoles, group: 'command', page: () => import('./pages/patrols/PlatformChecksPage') },
  { path: '/patrols/analysis', label: '巡查月度分析', icon: <BarChartOutlined />, roles: centerRoles, group: 'command', page: () => import('./pages/patrols/PatrolAnalysisPage') },
  { path: '/patrols/sites', label: '巡查点位', icon: <EnvironmentOutlined />, roles: ['sys_admin', ...centerRoles], group: 'command', page: () => import('./pages/patrols/PatrolSitesPage') },
  { path: '/directory', label: '通讯录', icon: <BookOutlined />, roles: dutyWorkRoles, group: 'organization', page: () => import('./pages/directory/DirectoryPage') },
  { path: '/units', label: '组织机构', icon: <ApartmentOutlined />, roles: ['sys_admin', ...centerRoles], group: 'organization', page: () => import('./pages/org/UnitsPage') },
  { path: '/people', label: '人员管理', icon: <TeamOutlined />, roles: ['sys_admin', ...centerRoles], group: 'organization', page: () => import('./pages/people/PeoplePage') },
  { path: '/users', label: '账号管理', icon: <IdcardOutlined />, roles: ['sys_admin', 'security_admin'], group: 'system', page: () => import('./pages/users/UsersPage') },
  { path: '/security', label: '安全策略', icon: <SafetyCertificateOutlined />, roles: ['security_admin'], group: 'system', page: () => import('./pages/security/SecurityPolicyPage') },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, roles: ['audit_admin'], group: 'system', page: () => import('./pages/audit/AuditPage') },
  { path: '/my-duty', label: '我的值班', icon: <ScheduleOutlined />, roles: ['duty_commander', 'shift_leader', 'duty_officer'], group: 'duty', page: () => import('./pages/my-duty/MyDutyPage') },
  { path: '/handover', label: '交接班', icon: <SwapOutlined />, roles: [...centerRoles, 'sys_admin'], group: 'duty', page: () => import('./pages/handover/HandoverPage') },
  { path: '/duty-log', label: '值班日志', icon: <FileTextOutlined />, roles: [...centerRoles, 'sys_admin'], group: 'duty', page: () => import('./pages/duty-log/DutyLogPage') },
  { path: '/duty-report', label: '值班报告', icon: <FileDoneOutlined />, roles: [...centerRoles, 'sys_admin'], group: 'duty', page: () => import('./pages/duty-report/DutyReportPage') },
  { path: '/duty-report/print', label: '值班报告打印', roles: [...centerRoles, 'sys_admin'], group: 'duty', hideInMenu: true, fullScreen: true, page: () => import('./pages/duty-report/DutyReportPrintPage') },
  { path: '/duty-signin', label: '签到签退', icon: <IdcardOutlined />, roles: centerRoles, group: 'duty', page: () => import('./pages/duty-signin/DutySigninPage') },
  { path: '/profile', label: '个人中心', icon: <UserOutlined />, roles: staffRoles, group: 'personal', page: () => import('./pages/profile/ProfilePage') },
  { path: '/submissions', label: '月度人员报送', icon: <SolutionOutlined />, roles: [...centerRoles, 'unit_liaison', 'sys_admin'], group: 'duty', page: () => import('./pages/submissions/SubmissionsPage') },
  { path: '/seats', label: '联合坐席', icon: <DesktopOutlined />, roles: [...centerRoles, 'unit_liaison', 'sys_admin'], group: 'command', page: () => import('./pages/seats/SeatsPage') },
  { path: '/roster/print', label: '值班表打印', roles: dutyWorkRoles, group: 'duty', hideInMenu: true, fullScreen: true, page: () => import('./pages/roster-outputs/RosterPrintPage') },
  { path: '/profile/calendar-feed', label: '我的值班订阅', icon: <CalendarOutlined />, roles: centerRoles, group: 'personal', page: () => import('./pages/roster-outputs/CalendarFeedPage') },
  { path: '/daily-report', label: '今日报送', icon: <FileTextOutlined />, roles: ['unit_liaison'], group: 'information', page: () => import('./pages/reports/DailyReportPage') },
  { path: '/daily-reports/status', label: '零报告情况', icon: <DashboardOutlined />, roles: [...centerRoles, 'sys_admin'], group: 'information', page: () => import('./pages/reports/StatusBoardPage') },
  { path: '/report-items', label: '要情信息审核', icon: <FileDoneOutlined />, roles: ['duty_commander', 'shift_leader', 'duty_officer'], group: 'information', page: () => import('./pages/reports/ReviewQueuePage') },
  { path: '/bulletins', label: '《司法要情》', icon: <BookOutlined />, roles: [...centerRoles, 'sys_admin'], group: 'information', page: () => import('./pages/bulletins/BulletinsPage') },
  { path: '/bulletins/:id/print', label: '《司法要情》打印', roles: [...centerRoles, 'sys_admin'], group: 'information', hideInMenu: true, fullScreen: true, page: () => import('./pages/bulletins/BulletinPrintPage') },
  { path: '/instructions', label: '领导批示', icon: <AuditOutlined />, roles: [...centerRoles, 'sys_admin', 'unit_liaison'], group: 'information', page: () => import('./pages/instructions/InstructionsPage') },
  { path: '/report-stats', label: '采用情况统计', icon: <BarChartOutlined />, roles: [...centerRoles, 'sys_admin'], group: 'information', page: () => import('./pages/reports/MonthlyStatsPage') },
];
