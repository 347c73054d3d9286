import type { Dayjs } from 'dayjs';
import { formatInstant, zonedParts } from '../../../domain/time';

// NOTE: the server's zone is configurable (ZHIBAN_TIME_ZONE); these pages assume the shipped default.
export const CENTER_TIME_ZONE = 'Asia/Shanghai';

/** Today's calendar date in the center's zone. */
export function centerToday(): string {
  return zonedParts(new Date(), CENTER_TIME_ZONE).date;
}

/** An instant as the API expects it, with the center's offset. */
export function toApiInstant(value: Dayjs | Date): string {
  return formatInstant(value instanceof Date ? value : value.toDate(), CENTER_TIME_ZONE);
}

/** `2026-03-10T09:40:00+08:00` shown as `03-10 09:40`. */
export function shortInstant(value: string | null | undefined): string {
  return value ? `${value.slice(5, 10)} ${value.slice(11, 16)}` : '—';
}
