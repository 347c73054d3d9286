import type { DutyLogEntry } from '../../../domain/duty-report/index.js';
import { DUTY_POST_LABELS } from '../../../domain/duty-report/index.js';
import type { DutyLogCollector } from '../collector.js';

/** Entries of this module: free entries, the handover meeting, sign-ins and the duty report. */
export const ownRecordsCollector: DutyLogCollector = {
  name: 'duty-report',
  async collect(_ctx, db, range) {
    const entries: DutyLogEntry[] = [];
    const free = await db.selectFrom('duty_log_entries').selectAll().where('at', '>=', range.from).where('at', '<', range.to).execute();
    for (const row of free) entries.push({ at: row.at, source: 'free', who: row.author_name, what: row.content, link: null });

    const meeting = await db.selectFrom('handover_meetings').selectAll().where('duty_date', '=', range.date).executeTakeFirst();
    if (meeting?.confirmed_at) {
      entries.push({ at: meeting.confirmed_at, source: 'handover', who: meeting.confirmed_by_name, what: '当日值班人员确认接班', link: `/handover?date=${range.date}` });
    }

    const signins = await db
      .selectFrom('duty_signins')
      .selectAll()
      .where((eb) => eb.or([
        eb.and([eb('signed_in_at', '>=', range.from), eb('signed_in_at', '<', range.to)]),
        eb.and([eb('signed_out_at', '>=', range.from), eb('signed_out_at', '<', range.to)]),
      ]))
      .execute();
    for (const row of signins) {
      const label = DUTY_POST_LABELS[row.post];
      if (row.signed_in_at >= range.from && row.signed_in_at < range.to) {
        entries.push({ at: row.signed_in_at, source: 'signin', who: row.person_name, what: `${label}${row.person_name}签到`, link: `/duty-signin?date=${row.duty_date}` });
      }
      if (row.signed_out_at && row.signed_out_at >= range.from && row.signed_out_at < range.to) {
        entries.push({ at: row.signed_out_at, source: 'signin', who: row.person_name, what: `${label}${row.person_name}签退`, link: `/duty-signin?date=${row.duty_date}` });
      }
    }
    return entries;
  },
};
