import { addDays, isClockTime, isIsoDate, weekday, zonedInstant, type IsoDate } from '../time.js';

/**
 * Daily report status of a unit (每日报送状态): 已报送 with items, 零报告
 * (nothing to report), 未报送 and 迟报.
 */
export type DailyReportStatus = 'reported' | 'zero' | 'missing' | 'late';

/** Content of a submission: items of key information, or a zero report (无事报平安). */
export type SubmissionKind = 'items' | 'zero';

export interface DailyReportUnit {
  unitId: string;
  unitName: string;
}

export interface DailyReportSubmission {
  unitId: string;
  kind: SubmissionKind;
  submittedAt: Date;
}

/** Local `HH:mm` deadlines of the daily report. */
export interface DailyReportDeadlines {
  /** Units report to the center, 15:00 by default. */
  unitDeadline: string;
  /** The duty officer finishes collecting, 15:30 by default. */
  collectionDeadline: string;
  /** The center reports to the provincial center, 16:00 by default. */
  provinceDeadline: string;
}

export const DEFAULT_DAILY_REPORT_DEADLINES: DailyReportDeadlines = {
  unitDeadline: '15:00',
  collectionDeadline: '15:30',
  provinceDeadline: '16:00',
};

export interface UnitReportStatus {
  unitId: string;
  unitName: string;
  status: DailyReportStatus;
  /** Earliest submission of the day, or null when missing. */
  submittedAt: Date | null;
  /** True once `now` is past the unit deadline; with `missing` it means the report was missed. */
  overdue: boolean;
}

export interface DailyReportSummary {
  total: number;
  /** Units with any submission, late ones included: reported + zero + late. */
  submitted: number;
  missing: number;
  late: number;
}

export interface DailyReportStatusResult {
  date: IsoDate;
  /** Unit deadline as an instant. */
  deadline: Date;
  collectionDeadline: Date;
  provinceDeadline: Date;
  /** True when `now` is strictly after the unit deadline. */
  overdue: boolean;
  units: UnitReportStatus[];
  summary: DailyReportSummary;
}

export interface DailyReportStatusInput {
  /** Report date: the calendar date on which the deadlines fall. */
  date: IsoDate;
  units: readonly DailyReportUnit[];
  /** Submissions for `date`; submissions of units not in `units` are ignored. */
  submissions: readonly DailyReportSubmission[];
  deadlines?: Partial<DailyReportDeadlines>;
  timeZone: string;
  now: Date;
}

/**
 * Computes each unit's daily report status.
 *
 * The unit's earliest submission decides timeliness: strictly after the
 * deadline is `late` (exactly at the deadline is on time). An on-time unit
 * is `reported` if any submission of the day has items, also items that
 * arrive after a zero report and after the deadline (new information), else `zero`. A unit
 * without a submission is `missing` both before and after the deadline, and
 * `overdue` distinguishes "not yet" from "missed".
 */
export function dailyReportStatus(input: DailyReportStatusInput): DailyReportStatusResult {
  const deadlines = resolveDeadlines(input.deadlines);
  if (!isIsoDate(input.date)) {
    throw new RangeError(`报送日期“${input.date}”无效，请使用 YYYY-MM-DD 格式。`);
  }

  const deadline = zonedInstant(input.date, deadlines.unitDeadline, input.timeZone);
  const overdue = input.now.getTime() > deadline.getTime();
  const byUnit = groupByUnit(input.submissions);

  const units = input.units.map((unit): UnitReportStatus => {
    const submissions = byUnit.get(unit.unitId) ?? [];
    const status = unitStatus(submissions, deadline);
    const first = submissions[0];
    return {
      unitId: unit.unitId,
      unitName: unit.unitName,
      status,
      submittedAt: first ? first.submittedAt : null,
      overdue,
    };
  });

  const count = (status: DailyReportStatus): number => units.filter((unit) => unit.status === status).length;
  const missing = count('missing');
  return {
    date: input.date,
    deadline,
    collectionDeadline: zonedInstant(input.date, deadlines.collectionDeadline, input.timeZone),
    provinceDeadline: zonedInstant(input.date, deadlines.provinceDeadline, input.timeZone),
    overdue,
    units,
    summary: { total: units.length, submitted: units.length - missing, missing, late: count('late') },
  };
}

function unitStatus(sortedSubmissions: readonly DailyReportSubmission[], deadline: Date): DailyReportStatus {
  const first = sortedSubmissions[0];
  if (!first) return 'missing';
  if (first.submittedAt.getTime() > deadline.getTime()) return 'late';
  return sortedSubmissions.some((submission) => submission.kind === 'items') ? 'reported' : 'zero';
}

function groupByUnit(submissions: readonly DailyReportSubmission[]): Map<string, DailyReportSubmission[]> {
  const byUnit = new Map<string, DailyReportSubmission[]>();
  for (const submission of submissions) {
    if (Number.isNaN(submission.submittedAt.getTime())) {
      throw new RangeError(`单位 ${submission.unitId} 的报送时间无效，请检查报送记录。`);
    }
    const list = byUnit.get(submission.unitId) ?? [];
    list.push(submission);
    byUnit.set(submission.unitId, list);
  }
  for (const list of byUnit.values()) {
    list.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  }
  return byUnit;
}

function resolveDeadlines(overrides: Partial<DailyReportDeadlines> = {}): DailyReportDeadlines {
  const deadlines = { ...DEFAULT_DAILY_REPORT_DEADLINES, ...overrides };
  const labels: Record<keyof DailyReportDeadlines, string> = {
    unitDeadline: '单位报送截止时间',
    collectionDeadline: '汇总截止时间',
    provinceDeadline: '报省厅截止时间',
  };
  for (const key of Object.keys(labels) as Array<keyof DailyReportDeadlines>) {
    if (!isClockTime(deadlines[key])) {
      throw new RangeError(`${labels[key]}“${deadlines[key]}”无效，请使用 HH:mm 格式（如 15:00）。`);
    }
  }
  // Zero-padded HH:mm strings compare in time order.
  if (deadlines.unitDeadline > deadlines.collectionDeadline || deadlines.collectionDeadline > deadlines.provinceDeadline) {
    throw new RangeError(
      `报送截止时间顺序无效（${deadlines.unitDeadline}、${deadlines.collectionDeadline}、${deadlines.provinceDeadline}），请保证单位报送不晚于汇总、汇总不晚于报省厅。`,
    );
  }
  return deadlines;
}

/** Message shown when a unit tries a zero report on a day it has something to report. */
export const ZERO_REPORT_NOT_ALLOWED_MESSAGE =
  '本单位当日已有突发案事件或已报送要情信息，不能报送零报告，请按要求报送具体情况。';

/**
 * Returns whether a unit may file a zero report (无事报平安) for a day: only
 * when it has nothing to report, that is, no incident on that day and no
 * items already submitted ("有事报情况、无事报平安").
 */
export function canFileZeroReport(hasIncidentThatDay: boolean, hasItemsThatDay = false): boolean {
  return !hasIncidentThatDay && !hasItemsThatDay;
}

/** Settings of the rectification deadline (限期整改). */
export interface RectificationConfig {
  /** Working days allowed after the report date, 3 by default. */
  workingDays?: number;
  /** Local time on the last day by which the rectification is due, `23:59:59` by default. */
  dueTime?: string;
  /**
   * Returns whether a date is a working day, Monday to Friday by default.
   * Pass the duty calendar's rule so that holidays and make-up workdays count.
   */
  isWorkingDay?: (date: IsoDate) => boolean;
}

/**
 * Returns when a unit recorded as late or missing on `reportDate` must have
 * rectified (通报批评、限期整改). The rules set no period, so the default is
 * the end of the third working day after the report date.
 */
export function rectificationDeadline(
  reportDate: IsoDate,
  timeZone: string,
  config: RectificationConfig = {},
): { dueDate: IsoDate; dueAt: Date } {
  if (!isIsoDate(reportDate)) {
    throw new RangeError(`报送日期“${reportDate}”无效，请使用 YYYY-MM-DD 格式。`);
  }
  const workingDays = config.workingDays ?? 3;
  if (!Number.isInteger(workingDays) || workingDays < 1) {
    throw new RangeError(`整改期限“${workingDays}”无效，请填写不小于 1 的整数工作日。`);
  }
  const dueTime = config.dueTime ?? '23:59:59';
  if (!isClockTime(dueTime)) {
    throw new RangeError(`整改截止时间“${dueTime}”无效，请使用 HH:mm 格式。`);
  }
  const isWorkingDay = config.isWorkingDay ?? ((date: IsoDate) => weekday(date) >= 1 && weekday(date) <= 5);

  let dueDate = reportDate;
  let counted = 0;
  let daysWithoutWorkingDay = 0;
  while (counted < workingDays) {
    dueDate = addDays(dueDate, 1);
    if (isWorkingDay(dueDate)) {
      counted += 1;
      daysWithoutWorkingDay = 0;
    } else if (++daysWithoutWorkingDay > 366) {
      // A year without a working day means the calendar function is wrong.
      throw new RangeError('工作日历在一年内没有工作日，请检查值班日历设置。');
    }
  }
  return { dueDate, dueAt: zonedInstant(dueDate, dueTime, timeZone) };
}

/** Days before the duty date for which a unit may still file a late report (补报). */
export const REPORT_DATE_BACKFILL_DAYS = 31;

/**
 * Returns the report dates a submission may name: from REPORT_DATE_BACKFILL_DAYS
 * before the center's duty date up to the calendar date of `today`.
 */
export function reportDateWindow(dutyDate: IsoDate, today: IsoDate): { earliest: IsoDate; latest: IsoDate } {
  return { earliest: addDays(dutyDate, -REPORT_DATE_BACKFILL_DAYS), latest: today };
}
