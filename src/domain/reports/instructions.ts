import { addDays, datesBetween, isClockTime, zonedInstant, zonedParts, type IsoDate } from '../time.js';

export interface InstructionFeedbackInput {
  /** When the center passed the instruction down to the unit. */
  passedDownAt: Date;
  /** Dates (local) on which the unit gave feedback or a follow-up. */
  feedbackDates: readonly IsoDate[];
  /** When the center closed the instruction; no feedback is due after it. */
  closedAt: Date | null;
  now: Date;
  timeZone: string;
  /** Local time by which each day's feedback is due, `23:59:59` by default. */
  dueTime?: string;
}

export interface InstructionFeedbackStatus {
  /** The earliest day still owing feedback, or null when nothing is owed up to today. */
  dueDate: IsoDate | null;
  dueAt: Date | null;
  /** True when `dueAt` has passed. */
  overdue: boolean;
  /** Past days whose feedback never came, oldest first. */
  missedDates: IsoDate[];
}

/**
 * Computes what feedback a unit owes on a leader's instruction (领导批示):
 * feedback on the day it was passed down and a follow-up (续报) every day
 * after until the center closes it.
 */
export function instructionFeedbackStatus(input: InstructionFeedbackInput): InstructionFeedbackStatus {
  const dueTime = input.dueTime ?? '23:59:59';
  if (!isClockTime(dueTime)) {
    throw new RangeError(`反馈截止时间“${dueTime}”无效，请使用 HH:mm 格式。`);
  }
  const firstDate = zonedParts(input.passedDownAt, input.timeZone).date;
  const end = input.closedAt && input.closedAt.getTime() < input.now.getTime() ? input.closedAt : input.now;
  const lastDate = zonedParts(end, input.timeZone).date;
  if (lastDate < firstDate) return { dueDate: null, dueAt: null, overdue: false, missedDates: [] };

  // A day closed before its due time owes nothing that day.
  const closedToday = input.closedAt !== null && zonedParts(input.closedAt, input.timeZone).date === lastDate;
  const given = new Set(input.feedbackDates);
  const owed = datesBetween(firstDate, closedToday ? addDays(lastDate, -1) : lastDate).filter((date) => !given.has(date));
  const missedDates = owed.filter((date) => zonedInstant(date, dueTime, input.timeZone).getTime() < end.getTime());

  const dueDate = input.closedAt !== null && input.closedAt.getTime() <= input.now.getTime() ? (missedDates[0] ?? null) : (owed[0] ?? null);
  const dueAt = dueDate === null ? null : zonedInstant(dueDate, dueTime, input.timeZone);
  return { dueDate, dueAt, overdue: dueAt !== null && dueAt.getTime() < input.now.getTime(), missedDates };
}

/** Returns when an early-sign item's preliminary verification (初步核查结论) is due: the end of the day it was reported. */
export function earlySignVerificationDue(reportedAt: Date, timeZone: string): Date {
  return zonedInstant(zonedParts(reportedAt, timeZone).date, '23:59:59', timeZone);
}
