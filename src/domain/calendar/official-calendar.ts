import { isIsoDate, type IsoDate } from '../time.js';
import { CalendarInputError } from './errors.js';
import { BUILT_IN_ARRANGEMENTS, type OfficialArrangement } from './official-arrangements.js';

/** Day types an official arrangement or an administrator's override can set for a date. */
export type OfficialDayType = 'holiday' | 'makeup_workday' | 'workday' | 'weekend';

const OFFICIAL_DAY_TYPES: readonly OfficialDayType[] = ['holiday', 'makeup_workday', 'workday', 'weekend'];

/**
 * Administrator's correction of one date (节假日调整). It wins over the
 * arrangement table, e.g. `workday` removes a holiday the State Council moved.
 */
export interface CalendarOverride {
  date: IsoDate;
  dayType: OfficialDayType;
  /** Festival name for `holiday` and `makeup_workday`, otherwise null. */
  name: string | null;
}

export interface OfficialDayEntry {
  dayType: OfficialDayType;
  festival: string | null;
  overridden: boolean;
}

/**
 * Loaded State Council arrangements merged with the administrator's
 * overrides. Dates absent from `days` follow the weekday rule.
 */
export interface OfficialCalendar {
  /** Years with a loaded arrangement; dates of other years are reported as `official: false`. */
  loadedYears: ReadonlySet<number>;
  days: ReadonlyMap<IsoDate, OfficialDayEntry>;
}

export interface OfficialCalendarSource {
  /** Defaults to the built-in table. A later arrangement for the same year replaces an earlier one. */
  arrangements?: readonly OfficialArrangement[];
  overrides?: readonly CalendarOverride[];
}

/**
 * Builds the official calendar from arrangements and overrides, validating
 * every date. An override in a year without an arrangement changes that date
 * but does not make the year official.
 */
export function buildOfficialCalendar(source: OfficialCalendarSource = {}): OfficialCalendar {
  const arrangementsByYear = new Map<number, OfficialArrangement>();
  for (const arrangement of source.arrangements ?? BUILT_IN_ARRANGEMENTS) {
    arrangementsByYear.set(arrangement.year, arrangement);
  }

  const days = new Map<IsoDate, OfficialDayEntry>();
  for (const arrangement of arrangementsByYear.values()) {
    addArrangement(days, arrangement);
  }

  (source.overrides ?? []).forEach((override, index) => {
    validateOverride(override, index);
    days.set(override.date, {
      dayType: override.dayType,
      festival: override.name,
      overridden: true,
    });
  });

  return { loadedYears: new Set(arrangementsByYear.keys()), days };
}

function addArrangement(days: Map<IsoDate, OfficialDayEntry>, arrangement: OfficialArrangement): void {
  const { year } = arrangement;
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    throw new CalendarInputError('arrangements.year', `节假日安排的年份“${String(year)}”无效，请填写四位年份`);
  }

  for (const festival of arrangement.festivals) {
    const entries: [IsoDate[] | readonly IsoDate[], OfficialDayType][] = [
      [festival.holidays, 'holiday'],
      [festival.makeupWorkdays, 'makeup_workday'],
    ];
    for (const [dates, dayType] of entries) {
      for (const date of dates) {
        checkArrangementDate(date, year, festival.festival);
        const existing = days.get(date);
        if (existing && existing.dayType !== dayType) {
          throw new CalendarInputError(
            'arrangements.festivals',
            `${year} 年节假日安排中 ${date} 同时被列为放假日和调休上班日，请只保留一项`,
          );
        }
        days.set(date, { dayType, festival: festival.festival, overridden: false });
      }
    }
  }
}

function checkArrangementDate(date: IsoDate, year: number, festival: string): void {
  if (!isIsoDate(date) || Number(date.slice(0, 4)) !== year) {
    throw new CalendarInputError(
      'arrangements.festivals',
      `${year} 年“${festival}”的日期“${date}”无效，请填写该年内的 YYYY-MM-DD 日期`,
    );
  }
}

function validateOverride(override: CalendarOverride, index: number): void {
  if (!isIsoDate(override.date)) {
    throw new CalendarInputError(
      `overrides[${index}].date`,
      `节假日调整第 ${index + 1} 条的日期“${override.date}”无效，请填写 YYYY-MM-DD 格式的日期`,
    );
  }
  if (!OFFICIAL_DAY_TYPES.includes(override.dayType)) {
    throw new CalendarInputError(
      `overrides[${index}].dayType`,
      `节假日调整 ${override.date} 的日期类型“${String(override.dayType)}”无效，请选择法定节假日、调休上班日、工作日或周六周日`,
    );
  }
}
