import { addDays } from '../../domain/time.js';
import { remindOverdueInstructions } from '../instructions/instructions.service.js';
import type { ScheduledJob } from '../schedulers.js';
import { recordMissingReports, todayOf } from './daily-reports.service.js';

/**
 * Every five minutes: records units that missed yesterday's or today's
 * deadline (漏报) and reminds units whose feedback on a leader's instruction
 * is overdue. Both steps are safe on several instances at once.
 */
export const reportsJob: ScheduledJob = {
  name: 'daily-reports-and-instructions',
  intervalMs: 5 * 60_000,
  async run(ctx) {
    const today = todayOf(ctx);
    for (const date of [addDays(today, -1), today]) {
      const recorded = await recordMissingReports(ctx, date);
      if (recorded > 0) ctx.log.info({ date, recorded }, 'missing daily reports recorded');
    }
    const reminded = await remindOverdueInstructions(ctx);
    if (reminded > 0) ctx.log.info({ reminded }, 'overdue instruction reminders sent');
  },
};
