import { openPatrolProblems } from '../../patrols/problems.service.js';
import type { HallSectionProvider } from '../sections.js';

const SHOWN = 8;

/** Patrol and night-check problems not yet closed, overdue first. */
export const patrolsSection: HallSectionProvider = {
  key: 'patrols',
  title: '巡查问题整改',
  async load(ctx, db) {
    const open = await openPatrolProblems(ctx, db);
    return {
      total: open.total,
      overdue: open.overdue,
      items: open.problems.slice(0, SHOWN).map((problem) => ({
        id: problem.id,
        unitName: problem.unitName,
        siteName: problem.siteName,
        description: problem.description,
        deadline: problem.deadline,
        overdue: problem.overdue,
        status: problem.status,
      })),
    };
  },
};
