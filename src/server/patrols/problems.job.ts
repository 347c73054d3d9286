import type { ScheduledJob } from '../schedulers.js';
import { remindOverdueProblems } from './problems.service.js';

/** Reminds units of problems past their rectification deadline, once per problem. */
export const overdueProblemsJob: ScheduledJob = {
  name: 'patrol-problems-overdue',
  intervalMs: 5 * 60_000,
  async run(ctx) {
    await remindOverdueProblems(ctx);
  },
};
