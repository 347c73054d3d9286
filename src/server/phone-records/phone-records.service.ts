/**
 * 电话记录: a call the center received, registered in the documents register
 * (kind phone_record, with its serial number) plus the call's details. A call
 * about a major incident must carry every detail and can become an incident.
 */
import { sql } from 'kysely';
import {
  missingPhoneRecordFields,
  PHONE_RECORD_FIELD_LABELS,
  phoneRecordToIncidentDraft,
  type IncidentDraft,
  type PhoneRecordFields,
  type Urgency,
} from '../../domain/documents/index.js';
import { addDays, formatInstant, zonedInstant, type IsoDate } from '../../domain/time.js';
import { appendAudit } from '../audit/audit-log.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import type { DocumentsTable, PhoneRecordsTable } from '../db/documents-tables.js';
import { fromDbBool, toDbBool, toDbInstant } from '../db/sql-values.js';
import { AppError, invalidField, invalidState, notFound } from '../errors.js';
import { insertEvent } from '../documents/documents.repository.js';
import { insertDocument, resolveReceivedAt, withDuplicateCheck, type DocumentInput, type Operator } from '../documents/documents.service.js';

/** 电话记录 as the API returns it. */
export interface PhoneRecord {
  id: string;
  serial: string;
  title: string;
  urgency: Urgency;
  status: DocumentsTable['status'];
  calledAt: string;
  callerUnit: string | null;
  callerUnitId: string | null;
  callerName: string | null;
  callerPosition: string | null;
  callerPhone: string | null;
  receiverName: string;
  content: string | null;
  majorIncident: boolean;
  handlingOpinion: string | null;
  handlingResult: string | null;
  handlerName: string | null;
  incidentId: string | null;
}

export interface PhoneRecordInput {
  calledAt?: string;
  title?: string | null;
  urgency?: Urgency;
  callerUnit?: string | null;
  callerUnitId?: string | null;
  callerName?: string | null;
  callerPosition?: string | null;
  callerPhone?: string | null;
  receiverName?: string | null;
  content?: string | null;
  majorIncident?: boolean;
  handlingOpinion?: string | null;
  handlingResult?: string | null;
  handlerName?: string | null;
}

type PhoneRecordRow = PhoneRecordsTable & Pick<DocumentsTable, 'serial' | 'title' | 'urgency' | 'status'>;

function toPhoneRecord(ctx: AppContext, row: PhoneRecordRow): PhoneRecord {
  return {
    id: row.document_id,
    serial: row.serial,
    title: row.title,
    urgency: row.urgency,
    status: row.status,
    calledAt: formatInstant(new Date(row.called_at), ctx.config.timeZone),
    callerUnit: row.caller_unit,
    callerUnitId: row.caller_unit_id,
    callerName: row.caller_name,
    callerPosition: row.caller_position,
    callerPhone: ctx.cipher.decryptOptional(row.caller_phone),
    receiverName: row.receiver_name,
    content: row.content,
    majorIncident: fromDbBool(row.major_incident),
    handlingOpinion: row.handling_opinion,
    handlingResult: row.handling_result,
    handlerName: row.handler_name,
    incidentId: row.incident_id,
  };
}

function phoneRecordsBase(db: Executor) {
  return db.selectFrom('phone_records').innerJoin('documents', 'documents.id', 'phone_records.document_id');
}

async function loadPhoneRecordRow(db: Executor, id: string): Promise<PhoneRecordRow> {
  const row = await phoneRecordsBase(db)
    .selectAll('phone_records')
    .select(['documents.serial', 'documents.title', 'documents.urgency', 'documents.status'])
    .where('phone_records.document_id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('电话记录');
  return row;
}

export async function getPhoneRecord(ctx: AppContext, db: Executor, id: string): Promise<PhoneRecord> {
  return toPhoneRecord(ctx, await loadPhoneRecordRow(db, id));
}

function assertComplete(fields: PhoneRecordFields, majorIncident: boolean): void {
  const missing = missingPhoneRecordFields(fields, majorIncident);
  if (missing.length === 0) return;
  const labels = missing.map((key) => PHONE_RECORD_FIELD_LABELS[key]);
  throw new AppError('VALIDATION_FAILED', `重大案事件的电话记录必须详细记录来电人、来电号码、时间、受话人和通话内容等全部要素，请补充：${labels.join('、')}。`, {
    fields: missing.map((key) => ({ field: key, label: PHONE_RECORD_FIELD_LABELS[key], message: '不能为空' })),
  });
}

async function assertCallerUnit(db: Executor, unitId: string | null | undefined): Promise<void> {
  if (!unitId) return;
  const unit = await db.selectFrom('units').select('id').where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw invalidField('来电单位', '所选单位不存在，请重新选择或直接填写单位名称');
}

/** Returns the register title of a call: the given subject, else the start of the content. */
function titleOf(input: PhoneRecordInput): string {
  if (input.title) return input.title;
  const content = (input.content ?? '').replace(/\s+/g, ' ').trim();
  if (content === '') return input.callerUnit ? `${input.callerUnit}来电` : '来电记录';
  return content.length > 40 ? `${content.slice(0, 40)}…` : content;
}

export async function createPhoneRecord(ctx: AppContext, operator: Operator, input: PhoneRecordInput): Promise<PhoneRecord> {
  const now = ctx.clock.now();
  const calledAt = resolveReceivedAt(input.calledAt, now, '来电时间');
  const receiverName = input.receiverName ?? operator.name;
  const majorIncident = input.majorIncident ?? false;
  assertComplete({
    callerUnit: input.callerUnit ?? null,
    callerName: input.callerName ?? null,
    callerPosition: input.callerPosition ?? null,
    callerPhone: input.callerPhone ?? null,
    receiverName,
    content: input.content ?? null,
    handlingOpinion: input.handlingOpinion ?? null,
    handlingResult: input.handlingResult ?? null,
    handlerName: input.handlerName ?? null,
  }, majorIncident);

  const documentInput: DocumentInput = {
    kind: 'phone_record',
    senderUnit: input.callerUnit ?? input.callerName ?? '未留单位',
    referenceNumber: null,
    urgency: input.urgency ?? (majorIncident ? 'extra_urgent' : 'normal'),
    title: titleOf(input),
    copies: 1,
    content: null,
  };
  const { id } = await withDuplicateCheck(ctx, documentInput, () =>
    ctx.db.kysely.transaction().execute(async (trx) => {
      await assertCallerUnit(trx, input.callerUnitId);
      const registered = await insertDocument(ctx, trx, operator, documentInput, calledAt, now);
      await trx
        .insertInto('phone_records')
        .values({
          document_id: registered.id,
          caller_unit: input.callerUnit ?? null,
          caller_unit_id: input.callerUnitId ?? null,
          caller_name: input.callerName ?? null,
          caller_position: input.callerPosition ?? null,
          caller_phone: ctx.cipher.encryptOptional(input.callerPhone),
          called_at: toDbInstant(calledAt),
          receiver_name: receiverName,
          content: input.content ?? null,
          major_incident: toDbBool(majorIncident),
          handling_opinion: input.handlingOpinion ?? null,
          handling_result: input.handlingResult ?? null,
          handler_name: input.handlerName ?? null,
          incident_id: null,
        })
        .execute();
      return registered;
    }),
  );
  ctx.log.info({ documentId: id, majorIncident }, 'phone record registered');
  return getPhoneRecord(ctx, ctx.db.kysely, id);
}

/** Updates a phone record's details, typically its handling opinion, result and handler after the call. */
export async function updatePhoneRecord(ctx: AppContext, operator: Operator, id: string, patch: PhoneRecordInput): Promise<PhoneRecord> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await loadPhoneRecordRow(trx, id);
    if (before.status === 'archived' || before.status === 'destroyed') throw invalidState(`电话记录 ${before.serial} 已${before.status === 'archived' ? '归档' : '销毁'}，不能修改。`);
    if (patch.callerUnitId !== undefined) await assertCallerUnit(trx, patch.callerUnitId);
    const merged = { ...toPhoneRecord(ctx, before), ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) } as PhoneRecord;
    assertComplete(merged, merged.majorIncident);

    const changes: Partial<PhoneRecordsTable> = {};
    if (patch.callerUnit !== undefined) changes.caller_unit = patch.callerUnit;
    if (patch.callerUnitId !== undefined) changes.caller_unit_id = patch.callerUnitId;
    if (patch.callerName !== undefined) changes.caller_name = patch.callerName;
    if (patch.callerPosition !== undefined) changes.caller_position = patch.callerPosition;
    if (patch.callerPhone !== undefined) changes.caller_phone = ctx.cipher.encryptOptional(patch.callerPhone);
    if (patch.receiverName !== undefined && patch.receiverName !== null) changes.receiver_name = patch.receiverName;
    if (patch.content !== undefined) changes.content = patch.content;
    if (patch.majorIncident !== undefined) changes.major_incident = toDbBool(patch.majorIncident);
    if (patch.handlingOpinion !== undefined) changes.handling_opinion = patch.handlingOpinion;
    if (patch.handlingResult !== undefined) changes.handling_result = patch.handlingResult;
    if (patch.handlerName !== undefined) changes.handler_name = patch.handlerName;
    if (Object.keys(changes).length > 0) await trx.updateTable('phone_records').set(changes).where('document_id', '=', id).execute();
    if (patch.title) await trx.updateTable('documents').set({ title: patch.title, updated_at: toDbInstant(now) }).where('id', '=', id).execute();
    if (patch.urgency) await trx.updateTable('documents').set({ urgency: patch.urgency, updated_at: toDbInstant(now) }).where('id', '=', id).execute();

    const handled = patch.handlingOpinion || patch.handlingResult || patch.handlerName;
    if (handled) {
      const parts = [
        merged.handlingOpinion ? `处理意见：${merged.handlingOpinion}` : null,
        merged.handlingResult ? `处理结果：${merged.handlingResult}` : null,
        merged.handlerName ? `经办人：${merged.handlerName}` : null,
      ].filter((part): part is string => part !== null);
      await insertEvent(trx, { document_id: id, at: toDbInstant(now), kind: 'phone_handled', actor_user_id: operator.userId, actor_name: operator.name, unit_id: null, opinion_kind: null, text: parts.join('；') });
    }
    const { caller_phone: _phone, ...visibleBefore } = before;
    await appendAudit(trx, operator.actor, {
      action: 'phone_record.update',
      entityType: 'document',
      entityId: id,
      summary: `修改电话记录 ${before.serial}`,
      before: visibleBefore,
      after: { ...patch, callerPhone: patch.callerPhone ? '[已加密]' : patch.callerPhone },
    }, now);
  });
  return getPhoneRecord(ctx, ctx.db.kysely, id);
}

export interface PhoneRecordQuery {
  q?: string;
  majorIncident?: boolean;
  from?: IsoDate;
  to?: IsoDate;
  page: number;
  pageSize: number;
}

export async function listPhoneRecords(ctx: AppContext, db: Executor, query: PhoneRecordQuery) {
  const timeZone = ctx.config.timeZone;
  if (query.from && query.to && query.to < query.from) throw invalidField('结束日期', `${query.to} 早于开始日期 ${query.from}，请修改`);
  let base = phoneRecordsBase(db);
  if (query.majorIncident !== undefined) base = base.where('phone_records.major_incident', '=', toDbBool(query.majorIncident));
  if (query.from) base = base.where('phone_records.called_at', '>=', toDbInstant(zonedInstant(query.from, '00:00', timeZone)));
  if (query.to) base = base.where('phone_records.called_at', '<', toDbInstant(zonedInstant(addDays(query.to, 1), '00:00', timeZone)));
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
    base = base.where((eb) =>
      eb.or([
        sql<boolean>`documents.title like ${pattern} escape '\\'`,
        sql<boolean>`phone_records.caller_unit like ${pattern} escape '\\'`,
        sql<boolean>`phone_records.caller_name like ${pattern} escape '\\'`,
        sql<boolean>`phone_records.content like ${pattern} escape '\\'`,
        sql<boolean>`documents.serial like ${pattern} escape '\\'`,
      ]),
    );
  }
  const counted = await base.select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll('phone_records')
    .select(['documents.serial', 'documents.title', 'documents.urgency', 'documents.status'])
    .orderBy('phone_records.called_at', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { phoneRecords: rows.map((row) => toPhoneRecord(ctx, row)), total: Number(counted.count) };
}

/** Returns the incident draft of a major-incident phone record, ready for the incident intake. */
export async function incidentDraftOf(ctx: AppContext, db: Executor, id: string): Promise<IncidentDraft> {
  const record = await getPhoneRecord(ctx, db, id);
  if (!record.majorIncident) throw invalidState('只有标记为重大案事件的电话记录才能转为突发案事件，请先标记“重大案事件”并补全要素。');
  if (record.incidentId) throw invalidState(`电话记录 ${record.serial} 已转为突发案事件，请勿重复转换。`);
  return phoneRecordToIncidentDraft(record);
}

/** Stores the incident a phone record became, with a timeline entry and an audit row, inside the caller's transaction. */
export async function markConvertedToIncident(trx: Executor, operator: Operator, id: string, incidentId: string, serial: string, now: Date): Promise<void> {
  const updated = await trx.updateTable('phone_records').set({ incident_id: incidentId }).where('document_id', '=', id).where('incident_id', 'is', null).executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw invalidState(`电话记录 ${serial} 已转为突发案事件，请勿重复转换。`);
  await insertEvent(trx, { document_id: id, at: toDbInstant(now), kind: 'incident_created', actor_user_id: operator.userId, actor_name: operator.name, unit_id: null, opinion_kind: null, text: `已转为突发案事件（编号 ${incidentId}）` });
  await appendAudit(trx, operator.actor, { action: 'phone_record.to_incident', entityType: 'document', entityId: id, summary: `电话记录 ${serial} 转为突发案事件`, after: { incidentId } }, now);
}
