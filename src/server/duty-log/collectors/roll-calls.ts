import type { DutyLogCollector } from '../collector.js';

/** Roll calls from the province with the person who responded. */
export const rollCallsCollector: DutyLogCollector = {
  name: 'roll-calls',
  async collect(_ctx, db, range) {
    const rows = await db.selectFrom('roll_call_records').selectAll().where('called_at', '>=', range.from).where('called_at', '<', range.to).execute();
    return rows.map((row) => ({
      at: row.called_at,
      source: 'roll_calls' as const,
      who: row.answered_by,
      what: `${row.caller}视频点名，${row.answered_by}应答${row.remarks ? `（${row.remarks}）` : ''}`,
      link: `/roll-calls?id=${row.id}`,
    }));
  },
};
