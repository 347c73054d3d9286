/**
 * Deadline reminders of open incidents: one alert shortly before a deadline
 * (书面报告, 核报) and one when it has passed. An instance claims a reminder by
 * inserting its (incident, deadline kind, stage) row. The unique key lets only
 * one instance succeed, so a reminder fires once however many instances run.
 */
import { countdown } from '../../domain/incidents/index.js';
import { formatInstant } from '../../domain/time.js';
import type { AppContext } from '../context.js';
import { toDbInstant } from '../db/sql-values.js';
import type { ScheduledJob } from '../schedulers.js';
import { readSetting } from '../settings.js';
import { publishIncidentEvent } from './incident-events.js';
import { deadlinesOf, missingElementsOf } from './incident-model.js';

export interface IncidentReminderSettings {
  /** Minutes before a deadline at which the first reminder goes out. */
  warningLeadMinutes: number;
}

export const INCIDENT_REMINDER_SETTINGS_KEY = 'incidents.reminders';
export const defaultReminderSettings: IncidentReminderSettings = { warningLeadMinutes: 15 };

/** Sends the reminders that are due now; returns how many this instance sent. */
export async function sendIncidentReminders(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const settings = await readSetting(ctx.db.kysely, INCIDENT_REMINDER_SETTINGS_KEY, defaultReminderSettings);
  const open = await ctx.db.kysely
    .selectFrom('incidents')
    .innerJoin('units', 'units.id', 'incidents.unit_id')
    .selectAll('incidents')
    .select('units.name as unit_name')
    .where('incidents.status', '!=', 'archived')
    .where((eb) => eb.or([eb('incidents.written_report_at', 'is', null), eb('incidents.verified_at', 'is', null), eb('incidents.next_follow_up_due', 'is not', null)]))
    .execute();

  let sent = 0;
  for (const incident of open) {
    for (const deadline of deadlinesOf(incident)) {
      if (deadline.doneAt) continue;
      const state = countdown(new Date(deadline.due), now, { warningLeadMinutes: settings.warningLeadMinutes }).state;
      if (state === 'ok') continue;

      const claimed = await ctx.db.kysely.transaction().execute(async (trx) => {
        const result = await trx
          .insertInto('incident_reminders')
          .values({ incident_id: incident.id, deadline_kind: deadline.reminderKey, stage: state, fired_at: toDbInstant(now) })
          .onConflict((oc) => oc.columns(['incident_id', 'deadline_kind', 'stage']).doNothing())
          .executeTakeFirst();
        return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
      });
      if (!claimed) continue;

      const due = formatInstant(new Date(deadline.due), ctx.config.timeZone).slice(11, 16);
      const missing = deadline.kind === 'written_report' ? missingElementsOf(incident) : [];
      const missingText = missing.length > 0 ? `，尚缺要素：${missing.join('、')}` : '';
      const title = state === 'due_soon'
        ? `${incident.unit_name}「${incident.title}」${deadline.label}将于${due}到期${missingText}`
        : `${incident.unit_name}「${incident.title}」${deadline.label}已超时（时限${due}）${missingText}`;
      await publishIncidentEvent(ctx, {
        type: state === 'due_soon' ? 'incident.deadline_soon' : 'incident.deadline_passed',
        title,
        unitId: incident.unit_id,
        urgent: true,
        data: { incidentId: incident.id, deadlineKind: deadline.kind, due: deadline.due, missingElements: missing },
      });
      ctx.log.info({ incidentId: incident.id, deadlineKind: deadline.kind, stage: state }, 'incident reminder sent');
      sent += 1;
    }
  }
  return sent;
}

export const incidentReminderJob: ScheduledJob = {
  name: 'incident-reminders',
  intervalMs: 30_000,
  run: async (ctx) => {
    await sendIncidentReminders(ctx);
  },
};
