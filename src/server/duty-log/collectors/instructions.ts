import type { DutyLogEntry } from '../../../domain/duty-report/index.js';
import type { DutyLogCollector } from '../collector.js';

/** Leaders' instructions passed down, and feedback from the units. */
export const instructionsCollector: DutyLogCollector = {
  name: 'instructions',
  async collect(_ctx, db, range) {
    const entries: DutyLogEntry[] = [];
    const issued = await db.selectFrom('leader_instructions').selectAll().where('passed_down_at', '>=', range.from).where('passed_down_at', '<', range.to).execute();
    for (const row of issued) {
      entries.push({ at: row.passed_down_at, source: 'instructions', who: row.registered_by_name, what: `传达${row.leader_name}批示：${row.text}`, link: `/instructions?id=${row.id}` });
    }
    const feedback = await db
      .selectFrom('instruction_feedback')
      .innerJoin('units', 'units.id', 'instruction_feedback.unit_id')
      .select(['instruction_feedback.instruction_id', 'instruction_feedback.submitted_at', 'instruction_feedback.submitted_by_name', 'units.name as unit_name'])
      .where('instruction_feedback.submitted_at', '>=', range.from)
      .where('instruction_feedback.submitted_at', '<', range.to)
      .execute();
    for (const row of feedback) {
      entries.push({ at: row.submitted_at, source: 'instructions', who: row.submitted_by_name, what: `${row.unit_name}反馈批示落实情况`, link: `/instructions?id=${row.instruction_id}` });
    }
    return entries;
  },
};
