import type { DutyLogEntry } from '../../../domain/duty-report/index.js';
import type { DutyLogCollector } from '../collector.js';

/** Joint seats activated and stood down. */
export const seatsCollector: DutyLogCollector = {
  name: 'seats',
  async collect(_ctx, db, range) {
    const rows = await db
      .selectFrom('seat_activations')
      .selectAll()
      .where((eb) => eb.or([
        eb.and([eb('started_at', '>=', range.from), eb('started_at', '<', range.to)]),
        eb.and([eb('ended_at', '>=', range.from), eb('ended_at', '<', range.to)]),
      ]))
      .execute();
    const entries: DutyLogEntry[] = [];
    for (const row of rows) {
      if (row.started_at >= range.from && row.started_at < range.to) {
        entries.push({ at: row.started_at, source: 'seats', who: row.started_by_name, what: `启用联合坐席：${row.reason}`, link: '/seats' });
      }
      if (row.ended_at && row.ended_at >= range.from && row.ended_at < range.to) {
        entries.push({ at: row.ended_at, source: 'seats', who: row.ended_by_name, what: `撤销联合坐席：${row.reason}`, link: '/seats' });
      }
    }
    return entries;
  },
};
