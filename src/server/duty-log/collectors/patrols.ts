import type { DutyLogEntry } from '../../../domain/duty-report/index.js';
import type { DutyLogCollector } from '../collector.js';

/** Video patrols with the number of sites and problems found. */
export const patrolsCollector: DutyLogCollector = {
  name: 'patrols',
  async collect(_ctx, db, range) {
    const records = await db.selectFrom('patrol_records').selectAll().where('patrolled_at', '>=', range.from).where('patrolled_at', '<', range.to).execute();
    if (records.length === 0) return [];
    const items = await db
      .selectFrom('patrol_record_items')
      .select(['record_id', 'has_problem'])
      .where('record_id', 'in', records.map((record) => record.id))
      .execute();
    return records.map((record): DutyLogEntry => {
      const own = items.filter((item) => item.record_id === record.id);
      const problems = own.filter((item) => Number(item.has_problem) === 1).length;
      return {
        at: record.patrolled_at,
        source: 'patrols',
        who: record.patroller_name,
        what: `视频巡查${own.length}个点位${problems > 0 ? `，发现问题${problems}个` : '，未发现问题'}`,
        link: `/patrols?id=${record.id}`,
        problem: problems > 0,
      };
    });
  },
};
