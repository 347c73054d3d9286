import type { DutyLogEntry } from '../../../domain/duty-report/index.js';
import type { Executor } from '../../db/database.js';
import type { DutyLogCollector } from '../collector.js';

/** Ids of night-check records for which a rectification problem was opened. */
export async function recordsWithProblems(db: Executor, recordIds: string[]): Promise<Set<string>> {
  if (recordIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('patrol_problems')
    .select('source_id')
    .where('source', '=', 'night_check')
    .where('source_id', 'in', recordIds)
    .execute();
  return new Set(rows.map((row) => row.source_id).filter((id): id is string => id !== null));
}

/** Night checks of the night that follows the duty date, with their findings. */
export const nightChecksCollector: DutyLogCollector = {
  name: 'night-checks',
  async collect(_ctx, db, range) {
    const records = await db
      .selectFrom('night_check_records')
      .innerJoin('patrol_sites', 'patrol_sites.id', 'night_check_records.site_id')
      .innerJoin('users', 'users.id', 'night_check_records.recorded_by')
      .select([
        'night_check_records.id',
        'night_check_records.checked_at',
        'night_check_records.reached',
        'night_check_records.in_post',
        'night_check_records.findings',
        'night_check_records.answered_by',
        'patrol_sites.name as site_name',
        'users.name as recorder',
      ])
      .where('night_check_records.checked_at', '>=', range.from)
      .where('night_check_records.checked_at', '<', range.to)
      .execute();
    const withProblem = await recordsWithProblems(db, records.map((record) => record.id));
    return records.map((record): DutyLogEntry => {
      const problem = Number(record.reached) !== 1 || Number(record.in_post) !== 1 || withProblem.has(record.id);
      const state = Number(record.reached) !== 1 ? '未接通' : Number(record.in_post) === 1 ? `${record.answered_by ?? ''}在岗` : '不在岗';
      return {
        at: record.checked_at,
        source: 'night_checks',
        who: record.recorder,
        what: `夜查${record.site_name}：${state}${record.findings ? `，${record.findings}` : ''}`,
        link: `/night-checks?date=${range.date}`,
        problem,
      };
    });
  },
};
