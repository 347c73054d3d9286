/**
 * Handling of a registered document: report to the shift leader, handling
 * opinions (拟办/批示), transfer to handling units, their signatures (签收)
 * and the closure (归档/销毁). Nothing here deletes: each step adds a
 * timeline entry and an audit row.
 */
import { closureBlocker, documentStatusOf, nextReminderDue, OPINION_KIND_LABELS, URGENCY_LABELS, type OpinionKind } from '../../domain/documents/index.js';
import { zonedParts } from '../../domain/time.js';
import { appendAudit } from '../audit/audit-log.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import type { DocumentsTable } from '../db/documents-tables.js';
import { fromDbBool, newId, toDbInstant } from '../db/sql-values.js';
import { AppError, forbidden, invalidField, invalidState, notFound } from '../errors.js';
import { dutyStaffOn } from '../roster/duty-staff.js';
import { insertEvent } from './documents.repository.js';
import { readReminderIntervals } from './documents.settings.js';
import { getDocument, loadDocumentRow, type DocumentDetail, type Operator } from './documents.service.js';

/** Recomputes and stores a document's status from its report, transfers and closure. */
async function refreshStatus(trx: Executor, id: string, now: Date): Promise<void> {
  const transfers = await trx.selectFrom('document_transfers').select('signed_at').where('document_id', '=', id).execute();
  const fresh = await loadDocumentRow(trx, id);
  const status = documentStatusOf({
    closure: closureOf(fresh),
    reported: fresh.reported_at !== null,
    transfers: transfers.map((transfer) => ({ signed: transfer.signed_at !== null })),
  });
  await trx.updateTable('documents').set({ status, updated_at: toDbInstant(now) }).where('id', '=', id).execute();
}

/** Returns how a document ended, or null while it is open. */
function closureOf(document: DocumentsTable): 'archived' | 'destroyed' | null {
  if (!document.closed_at) return null;
  return document.status === 'destroyed' ? 'destroyed' : 'archived';
}

function assertOpen(document: DocumentsTable): void {
  if (document.closed_at) {
    throw invalidState(`文电 ${document.serial} 已${document.status === 'destroyed' ? '销毁' : '归档'}，不能再办理。`);
  }
}

/** Returns the name of the shift leader on duty at `now`, or null when no roster covers the day. */
async function shiftLeaderOnDuty(ctx: AppContext, db: Executor, now: Date): Promise<string | null> {
  const date = zonedParts(now, ctx.config.timeZone).date;
  try {
    const day = await dutyStaffOn(ctx, db, date);
    return day.shiftLeader?.name ?? null;
  } catch (error) {
    ctx.log.warn({ err: error, date }, 'duty staff lookup failed; the shift leader must be named');
    return null;
  }
}

/** 报告值班长: records that the officer reported the document to the shift leader. */
export async function reportDocument(ctx: AppContext, operator: Operator, id: string, input: { reportedToName?: string | null; note?: string | null }): Promise<DocumentDetail> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const document = await loadDocumentRow(trx, id);
    assertOpen(document);
    if (document.reported_at) throw invalidState(`文电 ${document.serial} 已于此前报告值班长${document.reported_to_name ?? ''}，无需重复报告。`);
    const reportedTo = input.reportedToName ?? (await shiftLeaderOnDuty(ctx, trx, now));
    if (!reportedTo) throw invalidField('报告对象', '未能从排班表找到当日值班长，请填写所报告值班长的姓名');

    await trx.updateTable('documents').set({ reported_at: toDbInstant(now), reported_to_name: reportedTo }).where('id', '=', id).execute();
    await insertEvent(trx, { document_id: id, at: toDbInstant(now), kind: 'reported', actor_user_id: operator.userId, actor_name: operator.name, unit_id: null, opinion_kind: null, text: `报告值班长${reportedTo}${input.note ? `：${input.note}` : ''}` });
    await refreshStatus(trx, id, now);
    await appendAudit(trx, operator.actor, { action: 'document.report', entityType: 'document', entityId: id, summary: `文电 ${document.serial} 报告值班长${reportedTo}`, after: { reportedTo, note: input.note ?? null } }, now);
  });
  ctx.log.info({ documentId: id }, 'document reported to the shift leader');
  return getDocument(ctx, ctx.db.kysely, id);
}

/** 拟办意见/领导批示: records a handling opinion with its author. */
export async function addOpinion(ctx: AppContext, operator: Operator, id: string, input: { kind: OpinionKind; authorName?: string | null; text: string }): Promise<DocumentDetail> {
  const now = ctx.clock.now();
  const author = input.authorName ?? operator.name;
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const document = await loadDocumentRow(trx, id);
    assertOpen(document);
    await insertEvent(trx, { document_id: id, at: toDbInstant(now), kind: 'opinion', actor_user_id: operator.userId, actor_name: author, unit_id: null, opinion_kind: input.kind, text: input.text });
    await trx.updateTable('documents').set({ updated_at: toDbInstant(now) }).where('id', '=', id).execute();
    await appendAudit(trx, operator.actor, { action: 'document.opinion', entityType: 'document', entityId: id, summary: `文电 ${document.serial} 记录${OPINION_KIND_LABELS[input.kind]}（${author}）`, after: input }, now);
  });
  return getDocument(ctx, ctx.db.kysely, id);
}

/** 转办: transfers the document to one or more handling units, each of which must sign for it. */
export async function transferDocument(ctx: AppContext, operator: Operator, id: string, input: { unitIds: string[]; note?: string | null }): Promise<DocumentDetail> {
  const now = ctx.clock.now();
  const unitIds = [...new Set(input.unitIds)];
  const notices: { unitId: string; unitName: string }[] = [];
  let document: DocumentsTable | undefined;
  await ctx.db.kysely.transaction().execute(async (trx) => {
    document = await loadDocumentRow(trx, id);
    assertOpen(document);
    const intervals = await readReminderIntervals(trx);
    const units = await trx.selectFrom('units').select(['id', 'name', 'active']).where('id', 'in', unitIds).execute();
    const existing = await trx.selectFrom('document_transfers').select('unit_id').where('document_id', '=', id).execute();
    for (const unitId of unitIds) {
      const unit = units.find((candidate) => candidate.id === unitId);
      if (!unit) throw invalidField('承办单位', '所选单位不存在，请重新选择');
      if (!fromDbBool(unit.active)) throw invalidField('承办单位', `${unit.name}已停用，请选择其他单位`);
      if (existing.some((row) => row.unit_id === unitId)) throw invalidState(`文电 ${document.serial} 已转办${unit.name}，无需重复转办。`);
      await trx
        .insertInto('document_transfers')
        .values({
          id: newId(),
          document_id: id,
          unit_id: unitId,
          notified_at: toDbInstant(now),
          notified_by_name: operator.name,
          note: input.note ?? null,
          signed_at: null,
          signed_by_user_id: null,
          signed_by_name: null,
          reminder_count: 0,
          last_reminded_at: null,
          next_reminder_at: toDbInstant(nextReminderDue(document.urgency, now, null, intervals)),
        })
        .execute();
      await insertEvent(trx, { document_id: id, at: toDbInstant(now), kind: 'transferred', actor_user_id: operator.userId, actor_name: operator.name, unit_id: unitId, opinion_kind: null, text: input.note ?? null });
      notices.push({ unitId, unitName: unit.name });
    }
    await refreshStatus(trx, id, now);
    await appendAudit(trx, operator.actor, {
      action: 'document.transfer',
      entityType: 'document',
      entityId: id,
      summary: `文电 ${document.serial} 转办${notices.map((notice) => notice.unitName).join('、')}`,
      after: { unitIds, note: input.note ?? null },
    }, now);
  });

  for (const notice of notices) {
    await ctx.events.publish({
      type: 'document.transferred',
      title: `${URGENCY_LABELS[document!.urgency]}文电待签收：${document!.serial}《${document!.title}》`,
      unitId: notice.unitId,
      urgent: document!.urgency !== 'normal',
      data: { documentId: id, unitId: notice.unitId },
      at: now.toISOString(),
    });
  }
  ctx.log.info({ documentId: id, units: notices.length }, 'document transferred');
  return getDocument(ctx, ctx.db.kysely, id);
}

/**
 * 签收: the handling unit signs for its transfer with the signer's full name
 * and the time. Only someone of that unit may sign.
 */
export async function signTransfer(ctx: AppContext, operator: Operator, documentId: string, transferId: string): Promise<DocumentDetail> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const transfer = await trx
      .selectFrom('document_transfers')
      .innerJoin('units', 'units.id', 'document_transfers.unit_id')
      .selectAll('document_transfers')
      .select('units.name as unit_name')
      .where('document_transfers.id', '=', transferId)
      .executeTakeFirst();
    if (!transfer || transfer.document_id !== documentId) throw notFound('转办记录');
    if (transfer.unit_id !== operator.unitId) throw forbidden(`该文电转办给${transfer.unit_name}，只能由${transfer.unit_name}的人员签收。`);
    const document = await loadDocumentRow(trx, documentId);
    assertOpen(document);
    if (transfer.signed_at) throw invalidState(`${transfer.unit_name}已由${transfer.signed_by_name ?? ''}签收，无需重复签收。`);

    // The conditional update makes a double click or two signers at once record one signature.
    const updated = await trx
      .updateTable('document_transfers')
      .set({ signed_at: toDbInstant(now), signed_by_user_id: operator.userId, signed_by_name: operator.name, next_reminder_at: null })
      .where('id', '=', transferId)
      .where('signed_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw invalidState(`${transfer.unit_name}已签收，无需重复签收。`);
    await insertEvent(trx, { document_id: documentId, at: toDbInstant(now), kind: 'signed', actor_user_id: operator.userId, actor_name: operator.name, unit_id: transfer.unit_id, opinion_kind: null, text: null });
    await refreshStatus(trx, documentId, now);
    await appendAudit(trx, operator.actor, { action: 'document.sign', entityType: 'document', entityId: documentId, summary: `${transfer.unit_name} ${operator.name} 签收文电 ${document.serial}`, after: { transferId, signedBy: operator.name } }, now);
  });
  ctx.log.info({ documentId, transferId }, 'document transfer signed');
  return getDocument(ctx, ctx.db.kysely, documentId);
}

/** 归档 or 销毁: ends the document's life; both are recorded with who and when. */
export async function closeDocument(ctx: AppContext, operator: Operator, id: string, closure: 'archived' | 'destroyed', note: string | null): Promise<DocumentDetail> {
  const now = ctx.clock.now();
  const label = closure === 'archived' ? '归档' : '销毁';
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const document = await loadDocumentRow(trx, id);
    const transfers = await trx.selectFrom('document_transfers').select('signed_at').where('document_id', '=', id).execute();
    const blocker = closureBlocker({
      closure: closureOf(document),
      reported: document.reported_at !== null,
      transfers: transfers.map((transfer) => ({ signed: transfer.signed_at !== null })),
    });
    if (blocker) throw invalidState(blocker);

    const updated = await trx
      .updateTable('documents')
      .set({ status: closure, closed_at: toDbInstant(now), closed_by_name: operator.name, closure_note: note, updated_at: toDbInstant(now) })
      .where('id', '=', id)
      .where('closed_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('CONFLICT', `文电 ${document.serial} 已被他人${label}，请刷新后查看。`);
    await insertEvent(trx, { document_id: id, at: toDbInstant(now), kind: closure, actor_user_id: operator.userId, actor_name: operator.name, unit_id: null, opinion_kind: null, text: note });
    await appendAudit(trx, operator.actor, { action: closure === 'archived' ? 'document.archive' : 'document.destroy', entityType: 'document', entityId: id, summary: `文电 ${document.serial}《${document.title}》${label}`, after: { note } }, now);
  });
  ctx.log.info({ documentId: id, closure }, 'document closed');
  return getDocument(ctx, ctx.db.kysely, id);
}
