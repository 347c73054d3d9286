import { addDays, dutyDateOf, zonedInstant, zonedParts } from '../time.js';

/**
 * Incident grade (事件等级): 一般, 较大, 重大, 特别重大.
 */
export type IncidentGrade = 'general' | 'larger' | 'major' | 'especially_major';

export const INCIDENT_GRADES: readonly IncidentGrade[] = [
  'general',
  'larger',
  'major',
  'especially_major',
];

export const INCIDENT_GRADE_LABELS: Record<IncidentGrade, string> = {
  general: '一般',
  larger: '较大',
  major: '重大',
  especially_major: '特别重大',
};

/** Channel of the first report to the center (报送方式). */
export type ReportChannel = 'phone' | 'written' | 'system';

const MINUTE_MS = 60_000;

/**
 * Minutes from discovery to the report deadline. The information rules give
 * 2 hours after occurrence or discovery, 1 hour for especially major items.
 */
export function reportWindowMinutes(grade: IncidentGrade): number {
  return grade === 'especially_major' ? 60 : 120;
}

/** Returns the instant by which the center must have the report (报送时限). */
export function reportDeadline(discoveredAt: Date, grade: IncidentGrade): Date {
  assertValidInstant(discoveredAt, '发现时间');
  assertGrade(grade);
  return new Date(discoveredAt.getTime() + reportWindowMinutes(grade) * MINUTE_MS);
}

/** Timeliness of a report (是否迟报). */
export interface ReportAssessment {
  deadline: Date;
  /** True when the report arrived after the deadline (迟报). */
  late: boolean;
  /** Whole minutes past the deadline, rounded up; 0 when on time. */
  delayMinutes: number;
}

/**
 * Assesses whether a report was late. A report received exactly at the
 * deadline is on time; one second later it is late by 1 minute, because a
 * started minute counts.
 */
export function assessReport(input: {
  discoveredAt: Date;
  receivedAt: Date;
  grade: IncidentGrade;
}): ReportAssessment {
  assertValidInstant(input.receivedAt, '接报时间');
  const deadline = reportDeadline(input.discoveredAt, input.grade);
  const overMs = input.receivedAt.getTime() - deadline.getTime();
  const late = overMs > 0;
  return { deadline, late, delayMinutes: late ? Math.ceil(overMs / MINUTE_MS) : 0 };
}

/** Returns whether a first report by this channel must be followed by a written report (书面补报). */
export function needsWrittenSupplement(channel: ReportChannel): boolean {
  return channel === 'phone';
}

/** Settings of the written supplement to a phone report (书面补报). */
export interface WrittenSupplementConfig {
  /**
   * Minutes after the phone report by which the written report is due. When
   * absent, the grade's own report window applies (120, or 60 for especially
   * major incidents).
   */
  minutesAfterPhoneReport?: number;
}

/**
 * Returns when the written report that follows a phone report is due.
 *
 * The rules allow an urgent item to be reported by phone first and in writing
 * afterwards, without a separate time limit. This gives the written report
 * the same window again, counted from the phone report, and never ends
 * before the original report deadline: due = max(report deadline, phone
 * report + window).
 */
export function writtenSupplementDeadline(
  input: { discoveredAt: Date; phoneReportedAt: Date; grade: IncidentGrade },
  config: WrittenSupplementConfig = {},
): Date {
  assertValidInstant(input.phoneReportedAt, '电话报告时间');
  const deadline = reportDeadline(input.discoveredAt, input.grade);
  const minutes = config.minutesAfterPhoneReport ?? reportWindowMinutes(input.grade);
  if (!Number.isFinite(minutes) || minutes <= 0) {
    throw new RangeError(`书面补报时限“${minutes}”无效，请填写大于 0 的分钟数。`);
  }
  const fromPhone = input.phoneReportedAt.getTime() + minutes * MINUTE_MS;
  return new Date(Math.max(deadline.getTime(), fromPhone));
}

/** Settings of the same-day verification report (核报). */
export interface VerificationConfig {
  /**
   * `duty_day` (default): due at the handover that ends the duty day in
   * which the report deadline falls. `calendar_day`: due at midnight that
   * ends the calendar day of the report deadline.
   */
  dayBoundary?: 'duty_day' | 'calendar_day';
  /** Handover time `HH:mm`, 08:30 by default. */
  handoverTime?: string;
}

/**
 * Returns when the same-day verification report (核报) is due.
 *
 * The information rules require the handling unit to report back "on the
 * same day". The center counts its day from handover to handover, and the
 * night's incidents go into that duty day's duty report, so by default
 * "the same day" is the duty day. It is the duty day of the report deadline,
 * not of the discovery, so that an incident found at 08:00 (report due
 * 10:00) is not due for verification at 08:30, before its first report.
 * A report deadline at exactly the handover belongs to the new duty day, so
 * verification is then due a full duty day later.
 */
export function verificationDeadline(
  input: { discoveredAt: Date; grade: IncidentGrade },
  timeZone: string,
  config: VerificationConfig = {},
): Date {
  const deadline = reportDeadline(input.discoveredAt, input.grade);
  const handoverTime = config.handoverTime ?? '08:30';

  if ((config.dayBoundary ?? 'duty_day') === 'calendar_day') {
    const date = zonedParts(deadline, timeZone).date;
    return zonedInstant(addDays(date, 1), '00:00', timeZone);
  }
  const dutyDate = dutyDateOf(deadline, timeZone, handoverTime);
  return zonedInstant(addDays(dutyDate, 1), handoverTime, timeZone);
}

/** State of a countdown on screen. */
export type CountdownState = 'ok' | 'due_soon' | 'overdue';

export interface Countdown {
  /** Whole seconds left, rounded down; negative once overdue. */
  remainingSeconds: number;
  state: CountdownState;
}

/**
 * Computes a deadline countdown. `due_soon` starts `warningLeadMinutes`
 * (15 by default) before the deadline and includes the deadline itself,
 * `overdue` starts right after it.
 */
export function countdown(
  deadline: Date,
  now: Date,
  options: { warningLeadMinutes?: number } = {},
): Countdown {
  assertValidInstant(deadline, '截止时间');
  assertValidInstant(now, '当前时间');
  const lead = options.warningLeadMinutes ?? 15;
  if (!Number.isFinite(lead) || lead < 0) {
    throw new RangeError(`提前提醒时间“${lead}”无效，请填写不小于 0 的分钟数。`);
  }

  const remainingMs = deadline.getTime() - now.getTime();
  const remainingSeconds = Math.floor(remainingMs / 1000);
  let state: CountdownState = 'ok';
  if (remainingMs < 0) state = 'overdue';
  else if (remainingMs <= lead * MINUTE_MS) state = 'due_soon';
  return { remainingSeconds, state };
}

/** A problem with the times given for an incident. */
export interface IncidentTimeProblem {
  field: 'occurredAt' | 'discoveredAt' | 'receivedAt';
  message: string;
}

/**
 * Checks the order of an incident's times: occurrence ≤ discovery ≤ receipt
 * at the center, none of them later than `now` plus `toleranceMinutes`
 * (5 by default, for clocks that differ a little).
 */
export function checkIncidentTimes(
  times: { occurredAt: Date; discoveredAt: Date; receivedAt: Date },
  now: Date,
  toleranceMinutes = 5,
): IncidentTimeProblem[] {
  const problems: IncidentTimeProblem[] = [];
  const labels = { occurredAt: '发生时间', discoveredAt: '发现时间', receivedAt: '接报时间' } as const;

  for (const field of ['occurredAt', 'discoveredAt', 'receivedAt'] as const) {
    if (Number.isNaN(times[field].getTime())) {
      problems.push({ field, message: `「${labels[field]}」不是有效的时间，请重新填写。` });
    }
  }
  if (problems.length > 0) return problems;

  if (times.discoveredAt < times.occurredAt) {
    problems.push({
      field: 'discoveredAt',
      message: '「发现时间」早于「发生时间」，请核对后重新填写。',
    });
  }
  if (times.receivedAt < times.discoveredAt) {
    problems.push({
      field: 'receivedAt',
      message: '「接报时间」早于「发现时间」，请核对后重新填写。',
    });
  }
  const latest = now.getTime() + toleranceMinutes * MINUTE_MS;
  for (const field of ['occurredAt', 'discoveredAt', 'receivedAt'] as const) {
    if (times[field].getTime() > latest) {
      problems.push({ field, message: `「${labels[field]}」晚于当前时间，请核对后重新填写。` });
    }
  }
  return problems;
}

function assertValidInstant(value: Date, label: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new RangeError(`「${label}」不是有效的时间，请重新填写。`);
  }
}

function assertGrade(grade: string): asserts grade is IncidentGrade {
  if (!(INCIDENT_GRADES as readonly string[]).includes(grade)) {
    throw new RangeError(
      `事件等级“${grade}”无效，请选择一般、较大、重大或特别重大（general、larger、major、especially_major）。`,
    );
  }
}
