import type { ReportCategory, ReportItemStatus } from '../../domain/reports/index.js';
import { formatInstant } from '../../domain/time.js';
import type { ReportItemsTable, ReportItemUpdatesTable, ReportItemVersionsTable } from '../db/reports-tables.js';
import { fromDbBool, fromDbJson } from '../db/sql-values.js';

/** Content fields of an item, as submitted and as kept in each version. */
export interface ReportItemContent {
  category: ReportCategory;
  title: string;
  content: string;
  occurredAt: string | null;
  place: string | null;
  source: string | null;
  peopleInvolved: string | null;
  measures: string | null;
  urgent: boolean;
  phoneFirst: boolean;
  earlySign: boolean;
  attachmentIds: string[];
}

export interface ReportItemView extends ReportItemContent {
  id: string;
  dailyReportId: string;
  unitId: string;
  unitName: string;
  date: string;
  status: ReportItemStatus;
  reviewReason: string | null;
  mergedIntoId: string | null;
  markedBy: string | null;
  markedAt: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  version: number;
  writtenSupplementDueAt: string | null;
  writtenSupplementAt: string | null;
  verificationDueAt: string | null;
  verifiedAt: string | null;
  closedAt: string | null;
  submittedAt: string;
  updatedAt: string;
}

export interface ReportItemUpdateView {
  id: string;
  kind: ReportItemUpdatesTable['kind'];
  label: string;
  content: string;
  submittedAt: string;
  submittedBy: string;
}

export interface ReportItemVersionView {
  version: number;
  createdAt: string;
  createdBy: string;
  content: ReportItemContent;
}

export function formatOptionalInstant(value: string | null, timeZone: string): string | null {
  return value === null ? null : formatInstant(new Date(value), timeZone);
}

export function itemContentOf(row: ReportItemsTable, timeZone: string): ReportItemContent {
  return {
    category: row.category as ReportCategory,
    title: row.title,
    content: row.content,
    occurredAt: formatOptionalInstant(row.occurred_at, timeZone),
    place: row.place,
    source: row.source,
    peopleInvolved: row.people_involved,
    measures: row.measures,
    urgent: fromDbBool(row.urgent),
    phoneFirst: fromDbBool(row.phone_first),
    earlySign: fromDbBool(row.early_sign),
    attachmentIds: fromDbJson<string[]>(row.attachment_ids, []),
  };
}

export function toReportItemView(row: ReportItemsTable, unitName: string, timeZone: string): ReportItemView {
  const instant = (value: string | null) => formatOptionalInstant(value, timeZone);
  return {
    ...itemContentOf(row, timeZone),
    id: row.id,
    dailyReportId: row.daily_report_id,
    unitId: row.unit_id,
    unitName,
    date: row.report_date,
    status: row.status,
    reviewReason: row.review_reason,
    mergedIntoId: row.merged_into_id,
    markedBy: row.marked_by_name,
    markedAt: instant(row.marked_at),
    reviewedBy: row.reviewed_by_name,
    reviewedAt: instant(row.reviewed_at),
    version: row.version,
    writtenSupplementDueAt: instant(row.written_supplement_due_at),
    writtenSupplementAt: instant(row.written_supplement_at),
    verificationDueAt: instant(row.verification_due_at),
    verifiedAt: instant(row.verified_at),
    closedAt: instant(row.closed_at),
    submittedAt: formatInstant(new Date(row.created_at), timeZone),
    updatedAt: formatInstant(new Date(row.updated_at), timeZone),
  };
}

export function toUpdateView(row: ReportItemUpdatesTable, timeZone: string): ReportItemUpdateView {
  return {
    id: row.id,
    kind: row.kind,
    label: row.label,
    content: row.content,
    submittedAt: formatInstant(new Date(row.submitted_at), timeZone),
    submittedBy: row.submitted_by_name,
  };
}

export function toVersionView(row: ReportItemVersionsTable, timeZone: string): ReportItemVersionView {
  return {
    version: row.version,
    createdAt: formatInstant(new Date(row.created_at), timeZone),
    createdBy: row.created_by_name,
    content: fromDbJson<ReportItemContent>(row.snapshot, {} as ReportItemContent),
  };
}
