import type { Dayjs } from 'dayjs';
import { centerDutyDate, centerToday, formatShortDateTime, wallToInstant } from '../../app/time';

export { centerDutyDate, centerToday };

/** A picker value (the center's wall clock) as the API expects it, with the center's offset. */
export function toApiInstant(value: Dayjs): string {
  return wallToInstant(value);
}

/** `2026-03-10T09:40:00+08:00` shown as `03-10 09:40` in the center's zone. */
export function shortInstant(value: string | null | undefined): string {
  return formatShortDateTime(value);
}
