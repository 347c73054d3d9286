/**
 * Pure rules of the monthly staff submission (月度人员报送): the personnel
 * office and each seat's department send next month's duty staff and seat
 * standby staff by a deadline in the month before (Haikou: 17:00 on the 26th).
 * No I/O and no clock reads: `now` and the time zone are arguments.
 */
import { monthBounds, zonedInstant, type IsoDate } from '../../domain/time.js';

/** 已报送 (on time), 逾期报送 (after the deadline), 未报送 (deadline passed), 待报送 (deadline still ahead). */
export const submissionStatuses = ['submitted', 'late', 'missing', 'pending'] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

export const submissionStatusLabels: Record<SubmissionStatus, string> = {
  submitted: '已报送',
  late: '逾期报送',
  missing: '未报送',
  pending: '待报送',
};

export interface SubmissionDeadlineRule {
  /** Day of the month before the target month; a day past that month's end means its last day. */
  deadlineDay: number;
  /** Wall-clock time `HH:mm` in the center's time zone. */
  deadlineTime: string;
}

export const defaultDeadlineRule: SubmissionDeadlineRule = { deadlineDay: 26, deadlineTime: '17:00' };

/** Returns the `YYYY-MM` key of the month before `month`. */
export function previousMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return monthNumber === 1 ? `${year - 1}-12` : `${year}-${String(monthNumber - 1).padStart(2, '0')}`;
}

/** Returns the `YYYY-MM` key of the month after `month`. */
export function nextMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
}

/** Returns the date of the deadline for a target month, e.g. 2026-03-26 for 2026-04. */
export function submissionDeadlineDate(targetMonth: string, rule: SubmissionDeadlineRule): IsoDate {
  const before = previousMonth(targetMonth);
  const lastDay = Number(monthBounds(before).last.slice(8, 10));
  const day = Math.min(Math.max(rule.deadlineDay, 1), lastDay);
  return `${before}-${String(day).padStart(2, '0')}`;
}

/** Returns the deadline instant for a target month. */
export function submissionDeadline(targetMonth: string, rule: SubmissionDeadlineRule, timeZone: string): Date {
  return zonedInstant(submissionDeadlineDate(targetMonth, rule), rule.deadlineTime, timeZone);
}

/**
 * Classifies one unit's submission. A submission at the deadline's exact
 * minute is on time, because "17:00 前" includes 17:00:00. Lateness is judged
 * on the first submission, so correcting it later does not make it late.
 */
export function submissionStatus(firstSubmittedAt: Date | null, deadline: Date, now: Date): SubmissionStatus {
  if (firstSubmittedAt) return firstSubmittedAt.getTime() <= deadline.getTime() ? 'submitted' : 'late';
  return now.getTime() > deadline.getTime() ? 'missing' : 'pending';
}

/**
 * Spreads the submitted standby people of one seat over the dates in turn
 * (first person on the first free date, then the next…), skipping dates that
 * already have someone. Returns the new assignments only.
 */
export function planStandbyRotation(
  dates: readonly IsoDate[],
  personIds: readonly string[],
  takenDates: ReadonlySet<IsoDate>,
): { date: IsoDate; personId: string }[] {
  if (personIds.length === 0) return [];
  const plan: { date: IsoDate; personId: string }[] = [];
  let turn = 0;
  for (const date of dates) {
    if (takenDates.has(date)) continue;
    plan.push({ date, personId: personIds[turn % personIds.length]! });
    turn += 1;
  }
  return plan;
}

/** Roles a unit proposes people for: the three duty roles and seat standby (席位备勤). */
export const submissionRoles = ['commander', 'shift_leader', 'officer', 'seat_standby'] as const;
export type SubmissionRole = (typeof submissionRoles)[number];

/** One line of a submission: the people proposed for a duty role, or for one seat's standby. */
export interface SubmissionEntry {
  role: SubmissionRole;
  /** The seat, for `seat_standby` only. */
  seatId: string | null;
  seatName: string | null;
  people: { personId: string; name: string }[];
}
