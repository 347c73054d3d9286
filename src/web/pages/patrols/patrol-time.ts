import type { Dayjs } from 'dayjs';
import { dutyDateOf, formatInstant, zonedParts } from '../../../domain/time';

// NOTE: the server's zone and handover time are configurable; these pages assume the shipped defaults.
export const CENTER_TIME_ZONE = 'Asia/Shanghai';
const HANDOVER_TIME = '08:30';

/** Today's calendar date in the center's zone. */
export function centerToday(): string {
  return zonedParts(new Date(), CENTER_TIME_ZONE).date;
}

/** Current duty date: before the 08:30 handover the night still belongs to yesterday's duty day. */
export function centerDutyDate(): string {
  return dutyDateOf(new Date(), CENTER_TIME_ZONE, HANDOVER_TIME);
}

/** An instant as the API expects it, with the center's offset. */
export function toApiInstant(value: Dayjs | Date): string {
  return formatInstant(value instanceof Date ? value : value.toDate(), CENTER_TIME_ZONE);
}

/** `2026-03-10T09:40:00+08:00` shown as `03-10 09:40`. */
export function shortInstant(value: string | null | undefined): string {
  return value ? `${value.slice(5, 10)} ${value.slice(11, 16)}` : '—';
}
