/** Turns document rows into the objects the API returns, in one place. */
import type { DocumentKind, DocumentStatus, DocumentEventKind, OpinionKind, Urgency } from '../../domain/documents/index.js';
import { formatInstant } from '../../domain/time.js';
import type { DocumentEventsTable, DocumentsTable, DocumentTransfersTable } from '../db/documents-tables.js';
import { fromDbJson } from '../db/sql-values.js';

/** 转办 as the API returns it. */
export interface DocumentTransfer {
  id: string;
  unitId: string;
  unitName: string;
  notifiedAt: string;
  notifiedByName: string;
  note: string | null;
  signedAt: string | null;
  signedByName: string | null;
  reminderCount: number;
  lastRemindedAt: string | null;
  nextReminderAt: string | null;
}

/** One entry of a document's timeline (办理过程). */
export interface DocumentEvent {
  id: string;
  at: string;
  kind: DocumentEventKind;
  actorName: string;
  unitId: string | null;
  unitName: string | null;
  opinionKind: OpinionKind | null;
  text: string | null;
}

/** 收文登记 as the API returns it. */
export interface DocumentSummary {
  id: string;
  serial: string;
  kind: DocumentKind;
  receivedAt: string;
  senderUnit: string;
  referenceNumber: string | null;
  urgency: Urgency;
  title: string;
  copies: number;
  attachmentTitles: string[];
  content: string | null;
  receivedByName: string;
  status: DocumentStatus;
  reportedAt: string | null;
  reportedToName: string | null;
  closedAt: string | null;
  closedByName: string | null;
  closureNote: string | null;
  transfers: DocumentTransfer[];
}

export type TransferRow = DocumentTransfersTable & { unit_name: string };
export type EventRow = DocumentEventsTable & { unit_name: string | null };

export function instantOrNull(value: string | null, timeZone: string): string | null {
  return value === null ? null : formatInstant(new Date(value), timeZone);
}

export function toTransfer(row: TransferRow, timeZone: string): DocumentTransfer {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    notifiedAt: formatInstant(new Date(row.notified_at), timeZone),
    notifiedByName: row.notified_by_name,
    note: row.note,
    signedAt: instantOrNull(row.signed_at, timeZone),
    signedByName: row.signed_by_name,
    reminderCount: Number(row.reminder_count),
    lastRemindedAt: instantOrNull(row.last_reminded_at, timeZone),
    nextReminderAt: instantOrNull(row.next_reminder_at, timeZone),
  };
}

export function toEvent(row: EventRow, timeZone: string): DocumentEvent {
  return {
    id: row.id,
    at: formatInstant(new Date(row.at), timeZone),
    kind: row.kind,
    actorName: row.actor_name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    opinionKind: row.opinion_kind,
    text: row.text,
  };
}

export function toDocumentSummary(row: DocumentsTable, transfers: DocumentTransfer[], timeZone: string): DocumentSummary {
  return {
    id: row.id,
    serial: row.serial,
    kind: row.kind,
    receivedAt: formatInstant(new Date(row.received_at), timeZone),
    senderUnit: row.sender_unit,
    referenceNumber: row.reference_number,
    urgency: row.urgency,
    title: row.title,
    copies: Number(row.copies),
    attachmentTitles: fromDbJson<string[]>(row.attachment_titles, []),
    content: row.content,
    receivedByName: row.received_by_name,
    status: row.status,
    reportedAt: instantOrNull(row.reported_at, timeZone),
    reportedToName: row.reported_to_name,
    closedAt: instantOrNull(row.closed_at, timeZone),
    closedByName: row.closed_by_name,
    closureNote: row.closure_note,
    transfers,
  };
}
