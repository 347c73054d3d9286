import { isClockTime, isIsoDate, zonedInstant, type IsoDate } from '../time.js';
import type { DayType } from '../calendar/types.js';

/** Settings of the provincial video roll call (视频点名). */
export interface RollCallConfig {
  timeZone: string;
  /** Local `HH:mm` windows; 09:30-11:30, 15:00-17:00 and 21:00-23:00 by default. */
  windows?: ReadonlyArray<{ start: string; end: string }>;
  /** Day types with roll calls; holidays and sensitive periods by default. */
  dayTypes?: readonly DayType[];
}

export const DEFAULT_ROLL_CALL_WINDOWS: ReadonlyArray<{ start: string; end: string }> = [
  { start: '09:30', end: '11:30' },
  { start: '15:00', end: '17:00' },
  { start: '21:00', end: '23:00' },
];

export const DEFAULT_ROLL_CALL_DAY_TYPES: readonly DayType[] = ['holiday', 'sensitive'];

/** A window in which the province may call the roll. */
export interface RollCallWindow {
  startTime: string;
  endTime: string;
  start: Date;
  end: Date;
}

/**
 * Returns the roll-call windows of a date as instants, or an empty list on
 * day types without roll calls. Windows must lie within one calendar day.
 */
export function rollCallWindows(date: IsoDate, dayType: DayType, config: RollCallConfig): RollCallWindow[] {
  if (!isIsoDate(date)) {
    throw new RangeError(`点名日期“${date}”无效，请使用 YYYY-MM-DD 格式。`);
  }
  const dayTypes = config.dayTypes ?? DEFAULT_ROLL_CALL_DAY_TYPES;
  if (!dayTypes.includes(dayType)) return [];

  const windows = config.windows ?? DEFAULT_ROLL_CALL_WINDOWS;
  return windows.map(({ start, end }) => {
    if (!isClockTime(start) || !isClockTime(end) || end <= start) {
      throw new RangeError(`视频点名时段“${start}-${end}”无效，请使用 HH:mm 格式且结束晚于开始。`);
    }
    return {
      startTime: start,
      endTime: end,
      start: zonedInstant(date, start, config.timeZone),
      end: zonedInstant(date, end, config.timeZone),
    };
  });
}
