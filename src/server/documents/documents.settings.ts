/** The reminder intervals (催办间隔) of unsigned transfers, stored as a center setting. */
import { defaultReminderIntervals, reminderIntervalBounds, urgencies, URGENCY_LABELS, type ReminderIntervals } from '../../domain/documents/index.js';
import { appendAudit } from '../audit/audit-log.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import { invalidField } from '../errors.js';
import { readSetting, writeSetting } from '../settings.js';
import type { Operator } from './documents.service.js';

export const REMINDER_INTERVALS_SETTING = 'documents.reminderIntervals';

export async function readReminderIntervals(db: Executor): Promise<ReminderIntervals> {
  return readSetting(db, REMINDER_INTERVALS_SETTING, defaultReminderIntervals);
}

export async function updateReminderIntervals(ctx: AppContext, operator: Operator, intervals: ReminderIntervals): Promise<ReminderIntervals> {
  for (const urgency of urgencies) {
    const minutes = intervals[urgency];
    if (!Number.isInteger(minutes) || minutes < reminderIntervalBounds.min || minutes > reminderIntervalBounds.max) {
      throw invalidField(`${URGENCY_LABELS[urgency]}催办间隔`, `应为${reminderIntervalBounds.min}到${reminderIntervalBounds.max}之间的整数分钟`);
    }
  }
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await readReminderIntervals(trx);
    await writeSetting(trx, REMINDER_INTERVALS_SETTING, intervals, now, operator.userId);
    await appendAudit(trx, operator.actor, { action: 'setting.update', entityType: 'setting', entityId: REMINDER_INTERVALS_SETTING, summary: '修改文电催办间隔', before, after: intervals }, now);
  });
  // NOTE: transfers already waiting keep the reminder time computed with the old intervals until their next reminder.
  return intervals;
}
