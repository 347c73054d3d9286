/** Badges of the documents pages, built from the shared labels so server and UI agree. */
import { Tag } from 'antd';
import {
  DOCUMENT_KIND_LABELS,
  DOCUMENT_STATUS_LABELS,
  URGENCY_LABELS,
  type DocumentKind,
  type DocumentStatus,
  type Urgency,
} from '../../../domain/documents/index';
import dayjs from 'dayjs';
import { centerNow, formatDateTime, wallToInstant } from '../../app/time';

const urgencyColors: Record<Urgency, string> = { extra_urgent: 'red', urgent: 'orange', normal: 'default' };
const statusColors: Record<DocumentStatus, string> = {
  registered: 'default',
  reported: 'blue',
  awaiting_signature: 'orange',
  signed: 'green',
  archived: 'cyan',
  destroyed: 'purple',
};
const kindColors: Record<DocumentKind, string> = { electronic: 'geekblue', plain_fax: 'blue', classified_fax: 'magenta', phone_record: 'gold' };

export function UrgencyTag({ urgency }: { urgency: Urgency }) {
  return <Tag color={urgencyColors[urgency]}>{URGENCY_LABELS[urgency]}</Tag>;
}

export function StatusTag({ status }: { status: DocumentStatus }) {
  return <Tag color={statusColors[status]}>{DOCUMENT_STATUS_LABELS[status]}</Tag>;
}

export function KindTag({ kind }: { kind: DocumentKind }) {
  return <Tag color={kindColors[kind]}>{DOCUMENT_KIND_LABELS[kind]}</Tag>;
}

/** Formats minutes as "2小时15分钟". */
export function formatWaiting(minutes: number): string {
  if (minutes < 60) return `${minutes}分钟`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours}小时` : `${hours}小时${rest}分钟`;
}

/** Formats "YYYY-MM-DD HH:mm" of the center's clock, the form's default received time. */
export function nowForInput(): string {
  return formatDateTime(centerNow());
}

/** Turns "YYYY-MM-DD HH:mm" typed in the center's zone into an ISO instant, or null when it is not a valid time. */
export function inputToInstant(value: string): string | null {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})\s+(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  // Date.UTC checks the calendar fields; the zone conversion happens afterwards.
  const check = new Date(Date.UTC(y, mo - 1, d, h, mi));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23) return null;
  const pad = (part: number) => String(part).padStart(2, '0');
  return wallToInstant(dayjs(`${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:00`));
}
