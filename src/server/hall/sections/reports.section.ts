import { formatInstant } from '../../../domain/time.js';
import { dailyStatusOf } from '../../reports/daily-reports.service.js';
import type { HallSectionProvider } from '../sections.js';

/**
 * Daily report status (零报告) of every unit for the duty day on screen, so the
 * night shift still sees the day it is on duty for rather than a new date.
 */
export const reportsSection: HallSectionProvider = {
  key: 'reports',
  title: '各单位今日报送',
  async load(ctx, db, moment) {
    const status = await dailyStatusOf(ctx, db, moment.dutyDate);
    const tz = ctx.config.timeZone;
    return {
      date: status.date,
      deadline: formatInstant(status.deadline, tz),
      overdue: status.overdue,
      summary: status.summary,
      units: status.units.map((unit) => ({
        unitId: unit.unitId,
        unitName: unit.unitName,
        status: unit.status,
        submittedAt: unit.submittedAt ? formatInstant(unit.submittedAt, tz) : null,
        overdue: unit.overdue,
      })),
    };
  },
};
