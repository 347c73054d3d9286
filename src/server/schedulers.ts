/**
 * Periodic jobs (reminders, deadline alerts). Each module adds a job here;
 * a job runs every `intervalMs` and must be safe to run on several instances
 * at once (it claims its work in a transaction so a reminder fires once).
 */
import type { AppContext } from './context.js';

export interface ScheduledJob {
  name: string;
  intervalMs: number;
  run(ctx: AppContext): Promise<void>;
}

export const scheduledJobs: ScheduledJob[] = [];

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
