/**
 * Time-zone arithmetic for the duty domain. Every rule takes the instant and
 * the center's IANA time zone as arguments; nothing here reads the clock.
 *
 * Dates are `YYYY-MM-DD` strings, times `HH:mm` or `HH:mm:ss` strings, and
 * instants are `Date` objects. Offsets come from `Intl`, so zones with
 * daylight saving time work as well as Asia/Shanghai (UTC+8 all year).
 */

export type IsoDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatterCache.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatterCache.set(timeZone, formatter);
  }
  return formatter;
}

/** Wall-clock parts of an instant in a time zone. */
export interface ZonedParts {
  date: IsoDate;
  time: string;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function zonedParts(instant: Date, timeZone: string): ZonedParts {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    parts[part.type] = part.value;
  }
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  const hour = Number(parts.hour);
  const minute = Number(parts.minute);
  const second = Number(parts.second);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}:${parts.second}`,
    year,
    month,
    day,
    hour,
    minute,
    second,
  };
}

/** Returns the offset of the zone from UTC at an instant, in minutes (UTC+8 is 480). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const truncated = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - truncated) / 60_000);
}

export function isIsoDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

export function isClockTime(value: string): boolean {
  return TIME_PATTERN.test(value);
}

/**
 * Converts a wall-clock date and time in a zone to the instant. For a time
 * that a daylight-saving jump skips, the later offset wins.
 */
export function zonedInstant(date: IsoDate, time: string, timeZone: string): Date {
  const dateMatch = DATE_PATTERN.exec(date);
  const timeMatch = TIME_PATTERN.exec(time);
  if (!dateMatch || !timeMatch) {
    throw new RangeError(`invalid zoned date/time: ${date} ${time}`);
  }
  const [, y, mo, d] = dateMatch.map(Number) as [number, number, number, number];
  const h = Number(timeMatch[1]);
  const mi = Number(timeMatch[2]);
  const s = Number(timeMatch[3] ?? 0);
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  // Two passes settle the offset, also next to a daylight-saving change.
  let instant = new Date(guess - offsetMinutes(new Date(guess), timeZone) * 60_000);
  instant = new Date(guess - offsetMinutes(instant, timeZone) * 60_000);
  return instant;
}

/** Formats an instant as ISO 8601 with the zone's offset, e.g. 2026-02-17T01:40:00+08:00. */
export function formatInstant(instant: Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  const offset = offsetMinutes(instant, timeZone);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${p.date}T${p.time}${sign}${hh}:${mm}`;
}

/** Adds whole days to a date (calendar arithmetic, no time zone involved). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(y, m - 1, d + days));
  return shifted.toISOString().slice(0, 10);
}

/** Day of week of a date: 0 is Sunday, 6 is Saturday. */
export function weekday(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Inclusive list of the dates from `from` to `to`. */
export function datesBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    dates.push(date);
  }
  return dates;
}

/** Number of days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const [y1, m1, d1] = from.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** `YYYY-MM` month key: first and last date. */
export function monthBounds(month: string): { first: IsoDate; last: IsoDate } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = `${month}-01`;
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { first, last };
}

/**
 * Returns the duty day an instant belongs to. A duty day runs from one
 * handover (08:30 by default) to the next, so 01:10 belongs to the previous
 * calendar date.
 */
export function dutyDateOf(instant: Date, timeZone: string, handoverTime: string): IsoDate {
  const p = zonedParts(instant, timeZone);
  const handover = handoverTime.length === 5 ? `${handoverTime}:00` : handoverTime;
  return p.time < handover ? addDays(p.date, -1) : p.date;
}

/** Start (inclusive) and end (exclusive) instants of a duty day. */
export function dutyDayBounds(
  dutyDate: IsoDate,
  timeZone: string,
  handoverTime: string,
): { start: Date; end: Date } {
  return {
    start: zonedInstant(dutyDate, handoverTime, timeZone),
    end: zonedInstant(addDays(dutyDate, 1), handoverTime, timeZone),
  };
}
