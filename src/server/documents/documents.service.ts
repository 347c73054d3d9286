/**
 * 收文登记: registration and reading of the documents register. Each entry
 * gets the next gap-free serial number of its year inside the registering
 * transaction, so concurrent registrations never share or skip a number.
 */
import { sql } from 'kysely';
import {
  CLASSIFIED_FAX_RULE,
  DOCUMENT_KIND_LABELS,
  duplicateKeyOf,
  formatSerial,
  serialCounterName,
  serialYearOf,
  type DocumentKind,
  type Urgency,
} from '../../domain/documents/index.js';
import { zonedInstant, addDays, type IsoDate } from '../../domain/time.js';
import { attachmentsOf, linkAttachments, type Attachment } from '../attachments/attachments.service.js';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import type { SessionUser } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import type { DocumentsTable } from '../db/documents-tables.js';
import { nextSequenceValue } from '../db/sequences.js';
import { newId, toDbInstant, toDbJson } from '../db/sql-values.js';
import { AppError, forbidden, invalidField, notFound } from '../errors.js';
import { seesAllUnits } from '../http/request-context.js';
import { toDocumentSummary, toEvent, toTransfer, type DocumentEvent, type DocumentSummary } from './documents.mapper.js';
import { documentsMatching, eventsOf, insertEvent, transfersOf, type DocumentFilter } from './documents.repository.js';

/** A registered entry may be received at most this long after the server's clock, to allow for clock drift between PCs. */
const FUTURE_TOLERANCE_MS = 10 * 60_000;

/** The user who acts, as services need it: the audit actor plus the account's name and unit. */
export interface Operator {
  actor: AuditActor;
  userId: string;
  name: string;
  unitId: string;
}

export function operatorOf(user: SessionUser, actor: AuditActor): Operator {
  return { actor, userId: user.id, name: user.name, unitId: user.unitId };
}

export interface DocumentInput {
  kind: DocumentKind;
  receivedAt?: string;
  senderUnit: string;
  referenceNumber?: string | null;
  urgency: Urgency;
  title: string;
  copies: number;
  attachmentTitles?: string[];
  attachmentIds?: string[];
  content?: string | null;
}

/** Rejects content and attachments of a classified fax (密传), which is registered by its metadata only. */
export function assertMetadataOnly(input: DocumentInput): void {
  if (input.kind !== 'classified_fax') return;
  const offending: string[] = [];
  if (input.content && input.content.trim() !== '') offending.push('正文');
  if ((input.attachmentIds?.length ?? 0) > 0) offending.push('附件');
  if ((input.attachmentTitles?.length ?? 0) > 0) offending.push('附件清单');
  if (offending.length === 0) return;
  throw new AppError('CLASSIFIED_METADATA_ONLY', `${CLASSIFIED_FAX_RULE}本次提交含有${offending.join('、')}，请删除后重新登记。`, {
    fields: offending.map((label) => ({ field: label === '正文' ? 'content' : label === '附件' ? 'attachmentIds' : 'attachmentTitles', label, message: '密传文件不得录入' })),
  });
}

/** Resolves the received time: the given instant, or now; never more than a few minutes ahead of now. */
export function resolveReceivedAt(value: string | undefined, now: Date, field = '收文时间'): Date {
  if (!value) return now;
  const receivedAt = new Date(value);
  if (receivedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw invalidField(field, '晚于当前时间，请核对后重新填写');
  }
  return receivedAt;
}

function duplicateError(existing: Pick<DocumentsTable, 'serial' | 'title' | 'sender_unit' | 'reference_number'>): AppError {
  return new AppError(
    'DUPLICATE',
    `来文单位“${existing.sender_unit}”文号“${existing.reference_number ?? ''}”的文电已登记，收文编号 ${existing.serial}《${existing.title}》，请勿重复登记；如确为另一份文电，请核对文号。`,
    { existingSerial: existing.serial, existingTitle: existing.title },
  );
}

async function findDuplicate(db: Executor, duplicateKey: string) {
  return db.selectFrom('documents').select(['id', 'serial', 'title', 'sender_unit', 'reference_number']).where('duplicate_key', '=', duplicateKey).executeTakeFirst();
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Inserts a register entry with the next serial number of its year, its
 * first timeline entry and its audit row, inside the caller's transaction.
 * Returns the new id and serial number.
 */
export async function insertDocument(
  ctx: AppContext,
  trx: Executor,
  operator: Operator,
  input: DocumentInput,
  receivedAt: Date,
  now: Date,
): Promise<{ id: string; serial: string }> {
  const duplicateKey = duplicateKeyOf(input.senderUnit, input.referenceNumber);
  if (duplicateKey) {
    const existing = await findDuplicate(trx, duplicateKey);
    if (existing) throw duplicateError(existing);
  }

  const year = serialYearOf(receivedAt, ctx.config.timeZone);
  const value = await nextSequenceValue(trx, serialCounterName(year));
  const serial = formatSerial(year, value);
  const id = newId();
  await trx
    .insertInto('documents')
    .values({
      id,
      serial,
      serial_year: year,
      serial_value: value,
      kind: input.kind,
      received_at: toDbInstant(receivedAt),
      sender_unit: input.senderUnit,
      reference_number: input.referenceNumber ?? null,
      duplicate_key: duplicateKey,
      urgency: input.urgency,
      title: input.title,
      copies: input.copies,
      attachment_titles: toDbJson(input.attachmentTitles ?? []),
      attachment_ids: toDbJson(input.attachmentIds ?? []),
      content: input.content ?? null,
      received_by_user_id: operator.userId,
      received_by_name: operator.name,
      status: 'registered',
      reported_at: null,
      reported_to_name: null,
      closed_at: null,
      closed_by_name: null,
      closure_note: null,
      created_at: toDbInstant(now),
      updated_at: toDbInstant(now),
    })
    .execute();
  if (input.attachmentIds && input.attachmentIds.length > 0) {
    await linkAttachments(trx, input.attachmentIds, 'document', id);
  }
  await insertEvent(trx, {
    document_id: id,
    at: toDbInstant(now),
    kind: 'registered',
    actor_user_id: operator.userId,
    actor_name: operator.name,
    unit_id: null,
    opinion_kind: null,
    text: `${DOCUMENT_KIND_LABELS[input.kind]}登记，收文编号 ${serial}`,
  });
  await appendAudit(trx, operator.actor, {
    action: 'document.register',
    entityType: 'document',
    entityId: id,
    summary: `登记${DOCUMENT_KIND_LABELS[input.kind]} ${serial}《${input.title}》`,
    after: { ...input, content: input.content ? '[正文略]' : null, serial },
  }, now);
  return { id, serial };
}

/**
 * Runs a registration and turns a lost race on the duplicate index into the
 * same Chinese message the pre-check gives: two officers registering the same
 * document at once both pass the pre-check, and the unique index stops one.
 */
export async function withDuplicateCheck<T>(ctx: AppContext, input: DocumentInput, register: () => Promise<T>): Promise<T> {
  try {
    return await register();
  } catch (error) {
    const duplicateKey = duplicateKeyOf(input.senderUnit, input.referenceNumber);
    if (duplicateKey && isUniqueViolation(error)) {
      const existing = await findDuplicate(ctx.db.kysely, duplicateKey);
      if (existing) throw duplicateError(existing);
    }
    throw error;
  }
}

export async function registerDocument(ctx: AppContext, operator: Operator, input: DocumentInput): Promise<DocumentDetail> {
  if (input.kind === 'phone_record') {
    throw invalidField('类型', '为电话记录，请在“电话记录”页面登记（来电人、通话内容等需一并记录）');
  }
  assertMetadataOnly(input);
  const now = ctx.clock.now();
  const receivedAt = resolveReceivedAt(input.receivedAt, now);

  const { id, serial } = await withDuplicateCheck(ctx, input, () =>
    ctx.db.kysely.transaction().execute((trx) => insertDocument(ctx, trx, operator, input, receivedAt, now)),
  );
  ctx.log.info({ documentId: id, serial }, 'document registered');
  return getDocument(ctx, ctx.db.kysely, id);
}

/** 收文登记 with its timeline and linked attachments. */
export interface DocumentDetail extends DocumentSummary {
  attachments: Attachment[];
  events: DocumentEvent[];
}

export async function loadDocumentRow(db: Executor, id: string): Promise<DocumentsTable> {
  const row = await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('文电');
  return row;
}

export async function getDocument(ctx: AppContext, db: Executor, id: string): Promise<DocumentDetail> {
  const row = await loadDocumentRow(db, id);
  const timeZone = ctx.config.timeZone;
  const transfers = (await transfersOf(db, [id])).map((transfer) => toTransfer(transfer, timeZone));
  const events = (await eventsOf(db, id)).map((event) => toEvent(event, timeZone));
  const attachments = await attachmentsOf(db, 'document', id);
  return { ...toDocumentSummary(row, transfers, timeZone), attachments, events };
}

/** Rejects a unit liaison's read of a document not transferred to their unit; the center may read all. */
export async function assertMaySeeDocument(db: Executor, user: SessionUser, documentId: string): Promise<void> {
  if (seesAllUnits(user)) return;
  const transfer = await db
    .selectFrom('document_transfers')
    .select('id')
    .where('document_id', '=', documentId)
    .where('unit_id', '=', user.unitId)
    .executeTakeFirst();
  if (!transfer) throw forbidden('只能查看转办给本单位的文电。');
}

export interface DocumentListQuery extends Omit<DocumentFilter, 'receivedFrom' | 'receivedBefore'> {
  from?: IsoDate;
  to?: IsoDate;
  page: number;
  pageSize: number;
}

export async function listDocuments(ctx: AppContext, db: Executor, user: SessionUser, query: DocumentListQuery) {
  const timeZone = ctx.config.timeZone;
  if (query.from && query.to && query.to < query.from) throw invalidField('结束日期', `${query.to} 早于开始日期 ${query.from}，请修改`);
  if (!seesAllUnits(user)) {
    if (query.unitId && query.unitId !== user.unitId) throw forbidden('只能查看转办给本单位的文电。');
    query = { ...query, unitId: user.unitId };
  }
  const filter: DocumentFilter = {
    kind: query.kind,
    urgency: query.urgency,
    status: query.status,
    unitId: query.unitId,
    q: query.q,
    receivedFrom: query.from ? zonedInstant(query.from, '00:00', timeZone) : undefined,
    receivedBefore: query.to ? zonedInstant(addDays(query.to, 1), '00:00', timeZone) : undefined,
  };

  const counted = await documentsMatching(db, filter).select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow();
  const rows = await documentsMatching(db, filter)
    .selectAll('documents')
    .orderBy('documents.received_at', 'desc')
    .orderBy('documents.serial', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const transfers = await transfersOf(db, rows.map((row) => row.id));
  const documents = rows.map((row) =>
    toDocumentSummary(row, transfers.filter((transfer) => transfer.document_id === row.id).map((transfer) => toTransfer(transfer, timeZone)), timeZone),
  );
  return { documents, total: Number(counted.count) };
}
