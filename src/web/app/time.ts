/**
 * Dates and times in the command center's time zone, whatever zone the browser
 * runs in. Every page formats instants through this module. The zone and the
 * handover time come from the signed-in user (`GET /api/auth/me`).
 *
 * Date and time pickers hold a "wall clock" Dayjs: its fields are the center's
 * local date and time. `centerWallNow` creates one and `wallToInstant` turns one
 * back into an instant with the center's offset.
 */
import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { dutyDateOf } from '../../domain/time';

dayjs.extend(utc);
dayjs.extend(timezone);

// The shipped server defaults, used until the current user has loaded.
const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
const DEFAULT_HANDOVER_TIME = '08:30';

let centerZone = DEFAULT_TIME_ZONE;
let handoverTime = DEFAULT_HANDOVER_TIME;
dayjs.tz.setDefault(centerZone);

/** Sets the center's zone (IANA name) and handover time (HH:mm) from the signed-in user. */
export function setCenterTimeSettings(zone: string | undefined, handover: string | undefined): void {
  if (zone && zone !== centerZone) {
    centerZone = zone;
    dayjs.tz.setDefault(zone);
  }
  if (handover) handoverTime = handover;
}

export function centerTimeZone(): string {
  return centerZone;
}

export function centerHandoverTime(): string {
  return handoverTime;
}

type InstantInput = string | number | Date | Dayjs;

/** An instant converted to the center's zone, or null when absent or invalid. */
export function toCenterTime(value: InstantInput | null | undefined): Dayjs | null {
  if (value === null || value === undefined || value === '') return null;
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.tz(centerZone) : null;
}

/** Formats an instant in the center's zone with a dayjs pattern; a dash when absent, the raw text when invalid. */
export function formatCenter(value: InstantInput | null | undefined, pattern: string): string {
  const zoned = toCenterTime(value);
  if (zoned) return zoned.format(pattern);
  return typeof value === 'string' && value !== '' ? value : '—';
}

/** `2026-12-04 20:30:15` */
export function formatDateTimeSeconds(value: InstantInput | null | undefined): string {
  return formatCenter(value, 'YYYY-MM-DD HH:mm:ss');
}

/** `2026-12-04 20:30` */
export function formatDateTime(value: InstantInput | null | undefined): string {
  return formatCenter(value, 'YYYY-MM-DD HH:mm');
}

/** `12-04 20:30` */
export function formatShortDateTime(value: InstantInput | null | undefined): string {
  return formatCenter(value, 'MM-DD HH:mm');
}

/** `20:30` */
export function formatClock(value: InstantInput | null | undefined): string {
  return formatCenter(value, 'HH:mm');
}

/** `20:30:15` */
export function formatClockSeconds(value: InstantInput | null | undefined): string {
  return formatCenter(value, 'HH:mm:ss');
}

/** The current instant in the center's zone. */
export function centerNow(): Dayjs {
  return dayjs().tz(centerZone);
}

/** Today's calendar date in the center's zone, YYYY-MM-DD. */
export function centerToday(): string {
  return centerNow().format('YYYY-MM-DD');
}

/** This month in the center's zone, YYYY-MM. */
export function centerMonth(): string {
  return centerNow().format('YYYY-MM');
}

/** Current duty date: before the handover time the night still belongs to yesterday's duty day. */
export function centerDutyDate(): string {
  return dutyDateOf(new Date(), centerZone, handoverTime);
}

/** A picker value whose fields show the center's current date and time. */
export function centerWallNow(): Dayjs {
  return dayjs(centerNow().format('YYYY-MM-DDTHH:mm:ss'));
}

/** A picker value read as the center's wall clock, as an ISO instant with the center's offset. */
export function wallToInstant(value: Dayjs): string {
  return dayjs.tz(value.format('YYYY-MM-DDTHH:mm:ss'), centerZone).format('YYYY-MM-DDTHH:mm:ssZ');
}

/** A picker value showing an instant's date and time in the center's zone. */
export function instantToWall(value: InstantInput): Dayjs {
  return dayjs(formatCenter(value, 'YYYY-MM-DDTHH:mm:ss'));
}
