/**
 * Periodic jobs (reminders, deadline alerts). Each module adds a job here;
 * a job runs every `intervalMs` and must be safe to run on several instances
 * at once (it claims its work in a transaction so a reminder fires once).
 */
import type { AppContext } from './context.js';
import { reportsJob } from './reports/report-jobs.js';
import { incidentReminderJob } from './incidents/incident-reminders.js';
import { documentReminderJob } from './documents/documents.reminders.js';
import { overdueProblemsJob } from './patrols/problems.job.js';

export interface ScheduledJob {
  name: string;
  intervalMs: number;
  run(ctx: AppContext): Promise<void>;
}

export const scheduledJobs: ScheduledJob[] = [
  reportsJob,
  incidentReminderJob,
  documentReminderJob,
  overdueProblemsJob,
];

export function startSchedulers(ctx: AppContext): () => void {
  const timers = scheduledJobs.map((job) => {
    let running = false;
    return setInterval(() => {
      if (running) return;
      running = true;
      job
        .run(ctx)
        .catch((error: unknown) => ctx.log.error({ err: error, job: job.name }, 'scheduled job failed'))
        .finally(() => {
          running = false;
        });
    }, job.intervalMs);
  });
  return () => timers.forEach((timer) => clearInterval(timer));
}
