import type { Urgency } from './labels.js';

/** Minutes between reminders (催办) of an unsigned transfer, per urgency. */
export type ReminderIntervals = Record<Urgency, number>;

/** Defaults: 特急 every 30 minutes, 加急 every 2 hours, 平急 every 24 hours. */
export const defaultReminderIntervals: ReminderIntervals = {
  extra_urgent: 30,
  urgent: 120,
  normal: 1440,
};

/** Bounds an interval must keep, in minutes: at least 5 minutes, at most 7 days. */
export const reminderIntervalBounds = { min: 5, max: 7 * 24 * 60 } as const;

/**
 * Returns when the next reminder of an unsigned transfer is due: one interval
 * after the later of the notification and the last reminder.
 */
export function nextReminderDue(urgency: Urgency, notifiedAt: Date, lastRemindedAt: Date | null, intervals: ReminderIntervals): Date {
  const base = lastRemindedAt && lastRemindedAt > notifiedAt ? lastRemindedAt : notifiedAt;
  return new Date(base.getTime() + intervals[urgency] * 60_000);
}

/** Returns whether a transfer's reminder is due at `now`. */
export function isReminderDue(dueAt: Date, now: Date): boolean {
  return dueAt.getTime() <= now.getTime();
}

/** Returns how long a transfer has waited for its signature, in whole minutes (0 for a future notification). */
export function minutesWaiting(notifiedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - notifiedAt.getTime()) / 60_000));
}

/** Returns whether an urgency puts pending signatures on the hall screen's urgent list (特急 and 加急). */
export function isUrgent(urgency: Urgency): boolean {
  return urgency !== 'normal';
}
