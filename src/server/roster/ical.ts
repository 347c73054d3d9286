/**
 * iCalendar (RFC 5545) text of a person's duties: a VCALENDAR with the
 * center's time zone as a VTIMEZONE and one VEVENT per duty day, from the
 * handover that starts it to the next handover. Pure: `now` is an argument.
 */
import { addDays, offsetMinutes, zonedInstant, type IsoDate } from '../../domain/time.js';

export interface CalendarDuty {
  date: IsoDate;
  /** Role label, e.g. 值班员. */
  roleLabel: string;
  /** Stable role key for the UID, e.g. `officer`. */
  roleKey: string;
  /** Extra lines for the description (day type, duty level, the day's other staff). */
  details: string[];
}

export interface CalendarFeedInput {
  /** Calendar and organizer name, e.g. 海口市司法局指挥中心. */
  centerName: string;
  personId: string;
  personName: string;
  duties: readonly CalendarDuty[];
  timeZone: string;
  /** `HH:mm`. */
  handoverTime: string;
  now: Date;
  /** Domain part of the UIDs. */
  uidDomain?: string;
}

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/**
 * Folds a content line into lines of at most 75 octets (RFC 5545 §3.1), each
 * continuation starting with one space, never splitting a UTF-8 character.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let currentOctets = 0;
  for (const character of line) {
    const octets = Buffer.byteLength(character, 'utf8');
    // The first line has room for 75 octets. A continuation line has its leading space plus 74.
    const limit = parts.length === 0 ? 75 : 74;
    if (currentOctets + octets > limit) {
      parts.push(current);
      current = '';
      currentOctets = 0;
    }
    current += character;
    currentOctets += octets;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function basicDateTime(date: IsoDate, time: string): string {
  return `${date.replace(/-/g, '')}T${time.replace(/:/g, '').padEnd(6, '0')}`;
}

function utcStamp(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function offsetText(minutes: number): string {
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Builds the VTIMEZONE of the zone as one STANDARD rule with the zone's
 * current offset. It is exact for zones without daylight saving time, such as Asia/Shanghai (+0800).
 */
function timeZoneLines(timeZone: string, now: Date): string[] {
  // TODO: a zone with daylight saving time needs DAYLIGHT rules; the shipped deployments use Asia/Shanghai.
  const offset = offsetText(offsetMinutes(now, timeZone));
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${timeZone}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    `TZOFFSETFROM:${offset}`,
    `TZOFFSETTO:${offset}`,
    `TZNAME:${timeZone === 'Asia/Shanghai' ? 'CST' : offset}`,
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
}

/** Builds the whole calendar with CRLF line endings. */
export function buildCalendarFeed(input: CalendarFeedInput): string {
  const domain = input.uidDomain ?? 'zhiban';
  const stamp = utcStamp(input.now);
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Zhiban//Duty Roster//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`${input.personName}的值班安排`)}`,
    `X-WR-TIMEZONE:${input.timeZone}`,
    ...timeZoneLines(input.timeZone, input.now),
  ];
  for (const duty of input.duties) {
    const start = basicDateTime(duty.date, input.handoverTime);
    const end = basicDateTime(addDays(duty.date, 1), input.handoverTime);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${duty.date}-${duty.roleKey}-${input.personId}@${domain}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;TZID=${input.timeZone}:${start}`,
      `DTEND;TZID=${input.timeZone}:${end}`,
      `SUMMARY:${escapeText(`${duty.roleLabel} · ${input.centerName}`)}`,
      `DESCRIPTION:${escapeText(duty.details.join('\n'))}`,
      `LOCATION:${escapeText(input.centerName)}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** Start instant of a duty in the feed (the handover), for callers that show it. */
export function dutyStart(date: IsoDate, handoverTime: string, timeZone: string): Date {
  return zonedInstant(date, handoverTime, timeZone);
}
