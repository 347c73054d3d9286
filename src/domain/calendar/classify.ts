import { datesBetween, isIsoDate, weekday, type IsoDate } from '../time.js';
import { dutyLevelOf } from './duty-level.js';
import { CalendarInputError } from './errors.js';
import { buildOfficialCalendar, type OfficialCalendar, type OfficialCalendarSource } from './official-calendar.js';
import type { ClassifiedDay, DayType, SensitivePeriod } from './types.js';

/** Everything `classifyDay` needs: the official calendar and the sensitive periods. */
export interface CalendarContext {
  official: OfficialCalendar;
  /** Sorted by start date, so the earliest-starting period names a date where periods overlap. */
  sensitivePeriods: readonly SensitivePeriod[];
}

export interface CalendarContextSource extends OfficialCalendarSource {
  sensitivePeriods?: readonly SensitivePeriod[];
}

/** Maximum number of days `classifyRange` accepts, so a typo in a year cannot build a huge response. */
export const MAX_RANGE_DAYS = 731;

/** Validates the sources and builds a context for classifying dates. */
export function createCalendarContext(source: CalendarContextSource = {}): CalendarContext {
  const periods = source.sensitivePeriods ?? [];
  periods.forEach(validateSensitivePeriod);
  const sensitivePeriods = [...periods].sort((a, b) => a.startDate.localeCompare(b.startDate));
  return { official: buildOfficialCalendar(source), sensitivePeriods };
}

/**
 * Classifies one date. Precedence: holiday > sensitive > makeup_workday >
 * weekend > workday, so a sensitive period turns a weekend or a make-up
 * workday into a three-level day but leaves a holiday a holiday.
 */
export function classifyDay(date: IsoDate, context: CalendarContext): ClassifiedDay {
  if (!isIsoDate(date)) {
    throw new CalendarInputError('date', `日期“${date}”无效，请填写 YYYY-MM-DD 格式的日期`);
  }

  const official = context.official.loadedYears.has(Number(date.slice(0, 4)));
  const entry = context.official.days.get(date);
  const festival = entry?.festival ?? null;
  const baseType: DayType = entry?.dayType ?? weekdayType(date);

  if (baseType === 'holiday') {
    return { date, dayType: 'holiday', dutyLevel: dutyLevelOf('holiday'), name: festival, festival, official };
  }

  const period = context.sensitivePeriods.find((p) => p.startDate <= date && date <= p.endDate);
  if (period) {
    return { date, dayType: 'sensitive', dutyLevel: dutyLevelOf('sensitive'), name: period.name, festival, official };
  }

  return { date, dayType: baseType, dutyLevel: dutyLevelOf(baseType), name: null, festival, official };
}

/** Classifies every date from `from` to `to`, both inclusive. */
export function classifyRange(from: IsoDate, to: IsoDate, context: CalendarContext): ClassifiedDay[] {
  if (!isIsoDate(from)) {
    throw new CalendarInputError('from', `开始日期“${from}”无效，请填写 YYYY-MM-DD 格式的日期`);
  }
  if (!isIsoDate(to)) {
    throw new CalendarInputError('to', `结束日期“${to}”无效，请填写 YYYY-MM-DD 格式的日期`);
  }
  if (to < from) {
    throw new CalendarInputError('to', `结束日期 ${to} 早于开始日期 ${from}，请调换或修改日期`);
  }

  const dates = datesBetween(from, to);
  if (dates.length > MAX_RANGE_DAYS) {
    throw new CalendarInputError('to', `查询范围为 ${dates.length} 天，超过上限 ${MAX_RANGE_DAYS} 天，请缩小日期范围`);
  }
  return dates.map((date) => classifyDay(date, context));
}

function weekdayType(date: IsoDate): DayType {
  const day = weekday(date);
  return day === 0 || day === 6 ? 'weekend' : 'workday';
}

function validateSensitivePeriod(period: SensitivePeriod, index: number): void {
  const field = `sensitivePeriods[${index}]`;
  if (!period.name || period.name.trim() === '') {
    throw new CalendarInputError(`${field}.name`, `第 ${index + 1} 个重要敏感时期缺少名称，请填写名称`);
  }
  if (!isIsoDate(period.startDate)) {
    throw new CalendarInputError(
      `${field}.startDate`,
      `重要敏感时期“${period.name}”的开始日期“${period.startDate}”无效，请填写 YYYY-MM-DD 格式的日期`,
    );
  }
  if (!isIsoDate(period.endDate)) {
    throw new CalendarInputError(
      `${field}.endDate`,
      `重要敏感时期“${period.name}”的结束日期“${period.endDate}”无效，请填写 YYYY-MM-DD 格式的日期`,
    );
  }
  if (period.endDate < period.startDate) {
    throw new CalendarInputError(
      `${field}.endDate`,
      `重要敏感时期“${period.name}”的结束日期 ${period.endDate} 早于开始日期 ${period.startDate}，请修改日期`,
    );
  }
}
