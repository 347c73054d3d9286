import { addDays, dutyDayBounds } from '../../../domain/time.js';
import { toDbInstant } from '../../db/sql-values.js';
import { dailyStatusOf } from '../../reports/daily-reports.service.js';
import type { HallSectionProvider } from '../sections.js';

const DAYS = 7;

/** Incidents received and units that missed or were late with their daily report, for each of the last seven days. */
export const weekSection: HallSectionProvider = {
  key: 'week',
  title: '近七日态势',
  async load(ctx, db, moment) {
    const tz = ctx.config.timeZone;
    const dates = Array.from({ length: DAYS }, (_, index) => addDays(moment.dutyDate, index - DAYS + 1));
    const first = dutyDayBounds(dates[0]!, tz, ctx.config.handoverTime).start;
    const incidents = await db
      .selectFrom('incidents')
      .select(['duty_date', 'grade'])
      .where('received_at', '>=', toDbInstant(first))
      .execute();
    const days = [];
    for (const date of dates) {
      const reports = date <= moment.today ? await dailyStatusOf(ctx, db, date) : null;
      const ofDay = incidents.filter((incident) => incident.duty_date === date);
      days.push({
        date,
        incidents: ofDay.length,
        majorIncidents: ofDay.filter((incident) => incident.grade === 'major' || incident.grade === 'especially_major').length,
        reportsMissing: reports?.summary.missing ?? 0,
        reportsLate: reports?.summary.late ?? 0,
      });
    }
    return { days };
  },
};
