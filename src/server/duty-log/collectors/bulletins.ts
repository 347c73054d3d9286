import type { DutyLogEntry } from '../../../domain/duty-report/index.js';
import type { DutyLogCollector } from '../collector.js';

/** 《司法要情》 reviewed, signed and sent. */
export const bulletinsCollector: DutyLogCollector = {
  name: 'bulletins',
  async collect(_ctx, db, range) {
    const rows = await db
      .selectFrom('bulletins')
      .selectAll()
      .where((eb) => eb.or([
        eb.and([eb('reviewed_at', '>=', range.from), eb('reviewed_at', '<', range.to)]),
        eb.and([eb('signed_at', '>=', range.from), eb('signed_at', '<', range.to)]),
        eb.and([eb('sent_at', '>=', range.from), eb('sent_at', '<', range.to)]),
      ]))
      .execute();
    const entries: DutyLogEntry[] = [];
    for (const row of rows) {
      const name = `《司法要情》${row.year}年第${row.issue_number}期`;
      const link = `/bulletins?id=${row.id}`;
      const inDay = (value: string | null): value is string => value !== null && value >= range.from && value < range.to;
      if (inDay(row.reviewed_at)) entries.push({ at: row.reviewed_at, source: 'bulletins', who: row.reviewed_by_name, what: `审核${name}`, link });
      if (inDay(row.signed_at)) entries.push({ at: row.signed_at, source: 'bulletins', who: row.signed_by_name, what: `签发${name}`, link });
      if (inDay(row.sent_at)) entries.push({ at: row.sent_at, source: 'bulletins', who: null, what: `报送${name}`, link });
    }
    return entries;
  },
};
