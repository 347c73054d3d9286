/**
 * Drafting the duty report (值班报告) from one duty day's records. The
 * server collects the records; this function only words and counts them, so
 * the same input always gives the same draft.
 */
import { zonedParts } from '../time.js';

export interface ReportStaff {
  commander: string | null;
  shiftLeader: string | null;
  officers: string[];
}

export interface DutyReportInput {
  date: string;
  timeZone: string;
  dayTypeLabel: string;
  dutyLevelLabel: string;
  /** Festival or sensitive-period name. */
  dayName: string | null;
  staff: ReportStaff;
  /** Units' daily reports (零报告 included). */
  unitReports: { total: number; submitted: number; late: string[]; missing: string[] };
  /** Important information items reported by units. */
  keyItems: { unitName: string; title: string; at: string | null; urgent: boolean }[];
  incidents: {
    serialNumber: string;
    title: string;
    unitName: string;
    gradeLabel: string;
    statusLabel: string;
    receivedAt: string;
    /** Each deadline of the incident: met when done at or before due. */
    deadlines: { label: string; due: string; doneAt: string | null }[];
    followUps: number;
  }[];
  documents: {
    serial: string;
    title: string;
    senderUnit: string;
    receivedAt: string;
    statusLabel: string;
    /** Units the document was transferred to. */
    transferredTo: string[];
  }[];
  phoneCalls: { at: string; callerUnit: string | null; summary: string }[];
  patrols: { at: string; patroller: string; sites: number; problems: string[] }[];
  nightChecks: { planned: number; done: number; reached: number; problems: { at: string; siteName: string; findings: string }[] };
  rollCalls: { at: string; caller: string; answeredBy: string }[];
  platformChecks: { at: string; platformName: string; statusLabel: string; note: string | null }[];
  instructions: { leaderName: string; text: string }[];
  /** On-site hours not reached, one line each; null while the duty day is still running. */
  shortfalls: string[] | null;
  /** Matters handed over to the next duty day. */
  handoverMatters: string[];
  /** Evaluation instant for deadlines that are not done yet. */
  now: string;
}

export interface DutyReportSection {
  key: string;
  heading: string;
  text: string;
}

export interface DutyReportDraft {
  title: string;
  date: string;
  staffRows: string[][];
  sections: DutyReportSection[];
}

export const DUTY_REPORT_SECTION_KEYS = [
  'staff',
  'unitReports',
  'keyItems',
  'incidents',
  'documents',
  'patrols',
  'rollCalls',
  'handover',
] as const;

function clock(iso: string, timeZone: string): string {
  const parts = zonedParts(new Date(iso), timeZone);
  return parts.time.slice(0, 5);
}

function dayTime(iso: string, timeZone: string): string {
  const parts = zonedParts(new Date(iso), timeZone);
  return `${parts.month}月${parts.day}日${parts.time.slice(0, 5)}`;
}

function lines(items: string[], empty: string): string {
  return items.length > 0 ? items.join('\n') : empty;
}

function deadlineText(deadline: { label: string; due: string; doneAt: string | null }, now: number, timeZone: string): string {
  const due = Date.parse(deadline.due);
  if (deadline.doneAt) {
    const met = Date.parse(deadline.doneAt) <= due;
    return `${deadline.label}${met ? '按时完成' : '超时完成'}（时限${dayTime(deadline.due, timeZone)}，完成${dayTime(deadline.doneAt, timeZone)}）`;
  }
  return now > due
    ? `${deadline.label}已超时未完成（时限${dayTime(deadline.due, timeZone)}）`
    : `${deadline.label}未到时限（时限${dayTime(deadline.due, timeZone)}）`;
}

function shortfallText(shortfalls: string[] | null): string {
  if (shortfalls === null) return '在岗时长待值班日结束后核对。';
  return shortfalls.length > 0 ? `在岗时长不足：${shortfalls.join('；')}。` : '值班人员在岗时长符合要求。';
}

/** Drafts the duty report: the staff table and one editable section per topic. */
export function composeDutyReport(input: DutyReportInput): DutyReportDraft {
  const tz = input.timeZone;
  const now = Date.parse(input.now);
  const staffRows = [
    ['值班指挥长', input.staff.commander ?? '未排班'],
    ['值班长', input.staff.shiftLeader ?? '未排班'],
    ['值班员', input.staff.officers.length > 0 ? input.staff.officers.join('、') : '未排班'],
  ];

  const dayLabel = input.dayName ? `${input.dayTypeLabel}（${input.dayName}）` : input.dayTypeLabel;
  const staffText = [
    `本日为${dayLabel}，执行${input.dutyLevelLabel}。`,
    `值班指挥长：${staffRows[0]![1]}；值班长：${staffRows[1]![1]}；值班员：${staffRows[2]![1]}。`,
    shortfallText(input.shortfalls),
  ].join('\n');

  const reports = input.unitReports;
  const reportLines = [`应报送${reports.total}个单位，已报送${reports.submitted}个单位。`];
  if (reports.late.length > 0) reportLines.push(`迟报单位：${reports.late.join('、')}。`);
  reportLines.push(reports.missing.length > 0 ? `未报送单位：${reports.missing.join('、')}。` : '各单位均已报送。');

  const keyLines = input.keyItems.map((item, index) => {
    const when = item.at ? `${dayTime(item.at, tz)}，` : '';
    return `${index + 1}. ${when}${item.unitName}报送：${item.title}${item.urgent ? '（紧急）' : ''}。`;
  });

  const incidentLines = input.incidents.map((incident, index) => {
    const deadlines = incident.deadlines.map((deadline) => deadlineText(deadline, now, tz));
    return [
      `${index + 1}. ${incident.serialNumber} ${incident.title}（${incident.unitName}，${incident.gradeLabel}），${dayTime(incident.receivedAt, tz)}接报，当前状态：${incident.statusLabel}，续报${incident.followUps}次。`,
      ...(deadlines.length > 0 ? [`时限：${deadlines.join('；')}。`] : []),
    ].join('\n');
  });

  const documentLines = input.documents.map((document, index) => {
    const transfer = document.transferredTo.length > 0 ? `，已转${document.transferredTo.join('、')}` : '';
    return `${index + 1}. ${dayTime(document.receivedAt, tz)}收${document.senderUnit}《${document.title}》（${document.serial}），${document.statusLabel}${transfer}。`;
  });
  const callLines = input.phoneCalls.map((call) => `${clock(call.at, tz)} 接${call.callerUnit ?? '来电'}电话：${call.summary}`);
  const documentText = [
    `共收文电${input.documents.length}件，电话记录${input.phoneCalls.length}条。`,
    ...documentLines,
    ...callLines,
  ].join('\n');

  const checks = input.nightChecks;
  const patrolProblems = input.patrols.flatMap((patrol) => patrol.problems.map((problem) => `${clock(patrol.at, tz)} ${problem}`));
  const patrolText = [
    `视频巡查${input.patrols.length}次，巡查点位${input.patrols.reduce((sum, patrol) => sum + patrol.sites, 0)}个，发现问题${patrolProblems.length}个。`,
    ...patrolProblems.map((problem) => `巡查问题：${problem}。`),
    `夜查应查${checks.planned}个点位，已查${checks.done}个，接通${checks.reached}个，发现问题${checks.problems.length}个。`,
    ...checks.problems.map((problem) => `夜查问题：${clock(problem.at, tz)} ${problem.siteName}，${problem.findings}。`),
    ...input.platformChecks.map((check) => `${clock(check.at, tz)} 检查${check.platformName}：${check.statusLabel}${check.note ? `，${check.note}` : ''}。`),
  ].join('\n');

  const rollCallText = lines(
    input.rollCalls.map((call, index) => `${index + 1}. ${clock(call.at, tz)} ${call.caller}视频点名，${call.answeredBy}应答。`),
    '本日无视频点名。',
  );

  const handoverText = lines(
    [
      ...input.instructions.map((instruction) => `${instruction.leaderName}批示：${instruction.text}`),
      ...input.handoverMatters,
    ],
    '无需移交事项。',
  );

  return {
    title: '值班报告',
    date: input.date,
    staffRows,
    sections: [
      { key: 'staff', heading: '值班概况', text: staffText },
      { key: 'unitReports', heading: '各单位报送情况', text: reportLines.join('\n') },
      { key: 'keyItems', heading: '重要情况信息', text: lines(keyLines, '本日无重要情况信息。') },
      { key: 'incidents', heading: '突发案事件', text: lines(incidentLines, '本日无突发案事件。') },
      { key: 'documents', heading: '文电办理', text: documentText },
      { key: 'patrols', heading: '视频巡查和夜查', text: patrolText },
      { key: 'rollCalls', heading: '视频点名', text: rollCallText },
      { key: 'handover', heading: '移交下一班事项', text: handoverText },
    ],
  };
}
