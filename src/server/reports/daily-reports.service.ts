/**
 * Daily reports (零报告): each unit submits its key-information items or an
 * explicit zero report (无事报平安) every day, also on holidays and in
 * sensitive periods. Submissions are idempotent per (unit, key), and each
 * unit files at most one zero report per report date.
 */
import { createHash } from 'node:crypto';
import {
  canFileZeroReport,
  dailyReportStatus,
  earlySignVerificationDue,
  rectificationDeadline,
  reportDateWindow,
  ZERO_REPORT_NOT_ALLOWED_MESSAGE,
  type DailyReportStatusResult,
} from '../../domain/reports/index.js';
import { classifyDay } from '../../domain/calendar/index.js';
import { writtenSupplementDeadline } from '../../domain/incidents/index.js';
import { dutyDateOf, formatInstant, weekday, zonedParts, type IsoDate } from '../../domain/time.js';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import type { SessionUser } from '../auth/sessions.js';
import { linkAttachments } from '../attachments/attachments.service.js';
import { loadCalendarContext } from '../calendar/calendar.service.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import type { DailyReportsTable, ReportItemsTable } from '../db/reports-tables.js';
import { fromDbJson, newId, toDbBool, toDbInstant, toDbJson } from '../db/sql-values.js';
import { AppError, forbidden, invalidField, invalidState, notFound } from '../errors.js';
import { seesAllUnits } from '../http/request-context.js';
import { hasIncidentForUnitOnDay } from './incident-lookup.js';
import { readDailyReportSettings } from './report-settings.js';
import { itemContentOf, toReportItemView, type ReportItemContent, type ReportItemView } from './report-item-view.js';
import { isUniqueViolation } from './unique-violation.js';

export interface ItemInput {
  category: ReportItemContent['category'];
  title: string;
  content: string;
  occurredAt?: string | null;
  place?: string | null;
  source?: string | null;
  peopleInvolved?: string | null;
  measures?: string | null;
  urgent?: boolean;
  phoneFirst?: boolean;
  earlySign?: boolean;
  attachmentIds?: string[];
}

export interface SubmissionInput {
  date?: IsoDate;
  kind: 'items' | 'zero';
  items?: ItemInput[];
  note?: string | null;
}

export interface DailyReportView {
  id: string;
  unitId: string;
  unitName: string;
  date: IsoDate;
  kind: 'items' | 'zero';
  submittedAt: string;
  submittedBy: string;
  /** Submitted strictly after the unit deadline (迟报). */
  late: boolean;
  note: string | null;
  items: ReportItemView[];
}

export interface ReportingUnit {
  unitId: string;
  unitName: string;
}

/**
 * Returns the units that report every day: every active unit except the
 * command center itself, which collects the reports rather than filing one.
 */
export async function reportingUnits(db: Executor): Promise<ReportingUnit[]> {
  const rows = await db
    .selectFrom('units')
    .select(['id', 'name', 'kind', 'sort_order'])
    .where('active', '=', 1)
    .where('kind', '!=', 'command_center')
    .execute();
  const kindOrder: Record<string, number> = { department: 1, district: 2, affiliated: 3 };
  return rows
    .sort((a, b) => (kindOrder[a.kind] ?? 9) - (kindOrder[b.kind] ?? 9) || a.sort_order - b.sort_order || a.name.localeCompare(b.name, 'zh-CN'))
    .map((row) => ({ unitId: row.id, unitName: row.name }));
}

export function todayOf(ctx: AppContext): IsoDate {
  return zonedParts(ctx.clock.now(), ctx.config.timeZone).date;
}

async function unitNameOf(db: Executor, unitId: string): Promise<string> {
  const row = await db.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirst();
  return row?.name ?? '';
}

/** Computes the day's status board from the stored submissions. */
export async function dailyStatusOf(ctx: AppContext, db: Executor, date: IsoDate): Promise<DailyReportStatusResult> {
  const settings = await readDailyReportSettings(db);
  const units = await reportingUnits(db);
  const rows = await db.selectFrom('daily_reports').select(['unit_id', 'kind', 'submitted_at']).where('report_date', '=', date).execute();
  return dailyReportStatus({
    date,
    units,
    submissions: rows.map((row) => ({ unitId: row.unit_id, kind: row.kind, submittedAt: new Date(row.submitted_at) })),
    deadlines: settings,
    timeZone: ctx.config.timeZone,
    now: ctx.clock.now(),
  });
}

async function isWorkingDayFn(ctx: AppContext, db: Executor): Promise<(date: IsoDate) => boolean> {
  const calendar = await loadCalendarContext(ctx, db);
  return (date) => {
    const day = classifyDay(date, calendar);
    if (day.dayType === 'workday' || day.dayType === 'makeup_workday') return true;
    // A sensitive period on a weekday keeps the office open.
    return day.dayType === 'sensitive' && weekday(date) >= 1 && weekday(date) <= 5;
  };
}

/**
 * Records a late or missing report against a unit with its rectification
 * deadline. A missing record becomes late when the report arrives after all.
 */
export async function recordViolation(ctx: AppContext, trx: Executor, unitId: string, date: IsoDate, kind: 'late' | 'missing', now: Date): Promise<boolean> {
  const existing = await trx.selectFrom('report_violations').select(['id', 'kind']).where('unit_id', '=', unitId).where('report_date', '=', date).executeTakeFirst();
  if (existing) {
    if (existing.kind === 'missing' && kind === 'late') {
      await trx.updateTable('report_violations').set({ kind: 'late' }).where('id', '=', existing.id).execute();
      return true;
    }
    return false;
  }
  const settings = await readDailyReportSettings(trx);
  const due = rectificationDeadline(date, ctx.config.timeZone, {
    workingDays: settings.rectificationWorkingDays,
    isWorkingDay: await isWorkingDayFn(ctx, trx),
  });
  const inserted = await trx
    .insertInto('report_violations')
    .values({ id: newId(), unit_id: unitId, report_date: date, kind, recorded_at: toDbInstant(now), rectification_due_at: toDbInstant(due.dueAt), rectified_at: null })
    .onConflict((oc) => oc.columns(['unit_id', 'report_date']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function loadDailyReport(ctx: AppContext, db: Executor, row: DailyReportsTable): Promise<DailyReportView> {
  const settings = await readDailyReportSettings(db);
  const status = dailyReportStatus({ date: row.report_date, units: [], submissions: [], deadlines: settings, timeZone: ctx.config.timeZone, now: ctx.clock.now() });
  const unitName = await unitNameOf(db, row.unit_id);
  const items = await db.selectFrom('report_items').selectAll().where('daily_report_id', '=', row.id).orderBy('position').execute();
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName,
    date: row.report_date,
    kind: row.kind,
    submittedAt: formatInstant(new Date(row.submitted_at), ctx.config.timeZone),
    submittedBy: row.submitter_name,
    late: new Date(row.submitted_at).getTime() > status.deadline.getTime(),
    note: row.note,
    items: items.map((item) => toReportItemView(item, unitName, ctx.config.timeZone)),
  };
}

/** Maps the fields a liaison enters for an item to its columns; shared by a new item and a revision. */
export function itemContentColumns(input: ItemInput) {
  return {
    category: input.category,
    title: input.title,
    content: input.content,
    occurred_at: input.occurredAt ? toDbInstant(new Date(input.occurredAt)) : null,
    place: input.place ?? null,
    source: input.source ?? null,
    people_involved: input.peopleInvolved ?? null,
    measures: input.measures ?? null,
    urgent: toDbBool(input.urgent === true),
    phone_first: toDbBool(input.phoneFirst === true),
    early_sign: toDbBool(input.earlySign === true),
    attachment_ids: toDbJson(input.attachmentIds ?? []),
  } satisfies Partial<ReportItemsTable>;
}

/** Builds a new item row; urgent and phone-first items owe a written supplement, early signs a same-day verification. */
export function newItemRow(ctx: AppContext, input: ItemInput, base: { dailyReportId: string; position: number; unitId: string; date: IsoDate; now: Date }): ReportItemsTable {
  const needsSupplement = input.urgent === true || input.phoneFirst === true;
  return {
    id: newId(),
    daily_report_id: base.dailyReportId,
    position: base.position,
    unit_id: base.unitId,
    report_date: base.date,
    ...itemContentColumns(input),
    status: 'submitted',
    review_reason: null,
    merged_into_id: null,
    marked_by_name: null,
    marked_at: null,
    reviewed_by_name: null,
    reviewed_at: null,
    version: 1,
    written_supplement_due_at: needsSupplement
      ? toDbInstant(writtenSupplementDeadline({ discoveredAt: base.now, phoneReportedAt: base.now, grade: 'general' }))
      : null,
    written_supplement_at: null,
    verification_due_at: input.earlySign === true ? toDbInstant(earlySignVerificationDue(base.now, ctx.config.timeZone)) : null,
    verified_at: null,
    closed_at: null,
    created_at: toDbInstant(base.now),
    updated_at: toDbInstant(base.now),
  };
}

const ITEM_ATTACHMENT_TYPES = /^(image\/(jpeg|png|gif|webp)|application\/pdf|application\/msword|application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document)$/;

/**
 * Links uploaded files to an item. Items take images, PDF and Word only; the
 * attachments module has already checked each file's size and real type.
 */
export async function linkItemAttachments(trx: Executor, ids: readonly string[], itemId: string, unitId: string): Promise<void> {
  if (ids.length === 0) return;
  const rows = await trx.selectFrom('attachments').select(['file_name', 'mime_type']).where('id', 'in', [...ids]).execute();
  const rejected = rows.find((row) => !ITEM_ATTACHMENT_TYPES.test(row.mime_type));
  if (rejected) throw invalidField('附件', `${rejected.file_name} 的类型不支持，要情信息只能附图片、PDF 或 Word 文件。`);
  await linkAttachments(trx, ids, 'report_item', itemId, unitId);
}

export async function insertItemVersion(trx: Executor, row: ReportItemsTable, createdBy: string, at: Date, timeZone: string): Promise<void> {
  await trx
    .insertInto('report_item_versions')
    .values({ id: newId(), item_id: row.id, version: row.version, snapshot: toDbJson(itemContentOf(row, timeZone)), created_at: toDbInstant(at), created_by_name: createdBy })
    .execute();
}

function validateSubmission(ctx: AppContext, input: SubmissionInput, date: IsoDate): void {
  const now = ctx.clock.now();
  const window = reportDateWindow(dutyDateOf(now, ctx.config.timeZone, ctx.config.handoverTime), todayOf(ctx));
  if (date < window.earliest || date > window.latest) {
    throw invalidField('报送日期', `${date} 不在可报送范围内，只能报送 ${window.earliest} 至 ${window.latest} 之间的日期。`);
  }
  if (input.kind === 'items' && (!input.items || input.items.length === 0)) {
    throw invalidField('要情信息', '报送要情信息时至少填写一条；无事可报请选择“无事报平安”。');
  }
  if (input.kind === 'zero' && input.items && input.items.length > 0) {
    throw invalidField('要情信息', '零报告不能附带要情信息；有事可报请选择“报送要情信息”。');
  }
}

/** Returns the SHA-256 of a submission body in a key-order-independent form. */
export function submissionHash(input: SubmissionInput): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .filter(([key, entry]) => entry !== undefined && key !== 'idempotencyKey')
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([key, entry]) => [key, canonical(entry)]),
      );
    }
    return value;
  };
  return createHash('sha256').update(JSON.stringify(canonical(input))).digest('hex');
}

/** Returns the stored submission of a retried key, or 422 when the key was used for a different body. */
async function replayOf(ctx: AppContext, db: Executor, row: DailyReportsTable, hash: string): Promise<{ report: DailyReportView; replayed: true }> {
  if (row.request_hash !== null && row.request_hash !== hash) {
    throw new AppError(
      'IDEMPOTENCY_KEY_REUSED',
      `该提交编号已于 ${formatInstant(new Date(row.submitted_at), ctx.config.timeZone)} 用于内容不同的另一次报送，本次未保存。请刷新页面后重新提交。`,
    );
  }
  return { report: await loadDailyReport(ctx, db, row), replayed: true };
}

/**
 * Locks the unit's report date: inserts its lock row if missing, then updates
 * it, so a concurrent submission for the same unit-day waits until this
 * transaction ends (PostgreSQL row lock; SQLite runs one write transaction at a time).
 */
async function lockReportDay(trx: Executor, unitId: string, date: IsoDate, now: Date): Promise<void> {
  await trx
    .insertInto('daily_report_days')
    .values({ unit_id: unitId, report_date: date, zero_report_id: null, first_submitted_at: toDbInstant(now) })
    .onConflict((oc) => oc.columns(['unit_id', 'report_date']).doNothing())
    .execute();
  await trx
    .updateTable('daily_report_days')
    .set((eb) => ({ first_submitted_at: eb.ref('first_submitted_at') }))
    .where('unit_id', '=', unitId)
    .where('report_date', '=', date)
    .execute();
}

/**
 * Rejects a zero report that conflicts with the day's earlier submissions:
 * one zero report per unit-day, and none after items were reported
 * (有事报情况、无事报平安). Items may follow a zero report at any time.
 */
async function checkZeroReportAllowed(ctx: AppContext, trx: Executor, unitId: string, date: IsoDate): Promise<void> {
  const earlier = await trx
    .selectFrom('daily_reports')
    .select(['kind', 'submitted_at'])
    .where('unit_id', '=', unitId)
    .where('report_date', '=', date)
    .orderBy('submitted_at')
    .execute();
  const zero = earlier.find((row) => row.kind === 'zero');
  if (zero) {
    const at = formatInstant(new Date(zero.submitted_at), ctx.config.timeZone).slice(0, 16).replace('T', ' ');
    throw new AppError('DUPLICATE', `本单位 ${date} 的零报告（无事报平安）已于 ${at} 报送，同一天只需报送一次。如有新情况，请报送要情信息。`);
  }
  if (earlier.some((row) => row.kind === 'items')) {
    throw invalidState(`本单位 ${date} 已报送要情信息，不能再报平安。如有新情况，请继续报送要情信息或续报。`);
  }
  const hasIncident = await hasIncidentForUnitOnDay(trx, unitId, date);
  if (!canFileZeroReport(hasIncident, false)) throw invalidState(ZERO_REPORT_NOT_ALLOWED_MESSAGE);
}

/**
 * Stores a unit's submission for a date. A retry with the same idempotency
 * key and body returns the stored submission and stores nothing new, also
 * when two retries race; the same key with another body gets 422. The
 * unit-day lock row serializes submissions, so at most one zero report is
 * stored per unit and date.
 */
export async function submitDailyReport(
  ctx: AppContext,
  user: SessionUser,
  actor: AuditActor,
  input: SubmissionInput,
  idempotencyKey: string,
): Promise<{ report: DailyReportView; replayed: boolean }> {
  const unitId = user.unitId;
  const hash = submissionHash(input);
  const existing = await findByKey(ctx.db.kysely, unitId, idempotencyKey);
  if (existing) return replayOf(ctx, ctx.db.kysely, existing, hash);

  const date = input.date ?? todayOf(ctx);
  validateSubmission(ctx, input, date);

  const now = ctx.clock.now();
  const id = newId();
  let lateRecorded = false;
  try {
    const replay = await ctx.db.kysely.transaction().execute(async (trx) => {
      await lockReportDay(trx, unitId, date, now);
      // A retry that waited for the lock finds the winner's row here.
      const stored = await findByKey(trx, unitId, idempotencyKey);
      if (stored) return replayOf(ctx, trx, stored, hash);
      if (input.kind === 'zero') await checkZeroReportAllowed(ctx, trx, unitId, date);
      const earlier = await trx.selectFrom('daily_reports').select('id').where('unit_id', '=', unitId).where('report_date', '=', date).executeTakeFirst();

      await trx
        .insertInto('daily_reports')
        .values({
          id,
          unit_id: unitId,
          report_date: date,
          kind: input.kind,
          submitted_at: toDbInstant(now),
          submitted_by: user.id,
          submitter_name: user.name,
          idempotency_key: idempotencyKey,
          request_hash: hash,
          note: input.note ?? null,
        })
        .execute();
      if (input.kind === 'zero') {
        await trx.updateTable('daily_report_days').set({ zero_report_id: id }).where('unit_id', '=', unitId).where('report_date', '=', date).execute();
      }
      for (const [position, item] of (input.items ?? []).entries()) {
        const row = newItemRow(ctx, item, { dailyReportId: id, position, unitId, date, now });
        await trx.insertInto('report_items').values(row).execute();
        await insertItemVersion(trx, row, user.name, now, ctx.config.timeZone);
        await linkItemAttachments(trx, item.attachmentIds ?? [], row.id, unitId);
      }

      const settings = await readDailyReportSettings(trx);
      const status = dailyReportStatus({ date, units: [], submissions: [], deadlines: settings, timeZone: ctx.config.timeZone, now });
      if (!earlier && now.getTime() > status.deadline.getTime()) {
        lateRecorded = await recordViolation(ctx, trx, unitId, date, 'late', now);
      }
      await appendAudit(trx, actor, {
        action: input.kind === 'zero' ? 'daily_report.zero' : 'daily_report.submit',
        entityType: 'daily_report',
        entityId: id,
        summary: input.kind === 'zero' ? `报送零报告（${date}）` : `报送要情信息 ${input.items?.length ?? 0} 条（${date}）`,
        after: { date, kind: input.kind, items: input.items?.map((item) => item.title) ?? [] },
      }, now);
      return null;
    });
    if (replay) {
      ctx.log.info({ unitId, idempotencyKey }, 'daily report retry waited for the day lock; returning the stored submission');
      return replay;
    }
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await findByKey(ctx.db.kysely, unitId, idempotencyKey);
    if (!winner) throw error;
    ctx.log.info({ unitId, idempotencyKey }, 'daily report retry raced; returning the stored submission');
    return replayOf(ctx, ctx.db.kysely, winner, hash);
  }

  ctx.log.info({ unitId, reportId: id, date, kind: input.kind, lateRecorded }, 'daily report submitted');
  const row = (await findByKey(ctx.db.kysely, unitId, idempotencyKey))!;
  const report = await loadDailyReport(ctx, ctx.db.kysely, row);
  await ctx.events.publish({
    type: 'report.submitted',
    title: `${report.unitName}已报送${input.kind === 'zero' ? '零报告' : `要情信息 ${report.items.length} 条`}`,
    roles: ['duty_commander', 'shift_leader', 'duty_officer', 'seat_staff'],
    urgent: report.items.some((item) => item.urgent),
    data: { reportId: id, unitId, date },
    at: formatInstant(now, ctx.config.timeZone),
  });
  return { report, replayed: false };
}

async function findByKey(db: Executor, unitId: string, key: string): Promise<DailyReportsTable | undefined> {
  return db.selectFrom('daily_reports').selectAll().where('unit_id', '=', unitId).where('idempotency_key', '=', key).executeTakeFirst();
}

/** Lists submissions. A unit liaison gets only their own unit's, and 403 for another unit. */
export async function listDailyReports(ctx: AppContext, user: SessionUser, query: { unitId?: string; from: IsoDate; to: IsoDate }): Promise<DailyReportView[]> {
  const unitId = scopeUnit(user, query.unitId);
  let select = ctx.db.kysely.selectFrom('daily_reports').selectAll().where('report_date', '>=', query.from).where('report_date', '<=', query.to);
  if (unitId) select = select.where('unit_id', '=', unitId);
  const rows = await select.orderBy('report_date', 'desc').orderBy('submitted_at', 'desc').limit(500).execute();
  const views: DailyReportView[] = [];
  for (const row of rows) views.push(await loadDailyReport(ctx, ctx.db.kysely, row));
  return views;
}

export async function getDailyReport(ctx: AppContext, user: SessionUser, id: string): Promise<DailyReportView> {
  const row = await ctx.db.kysely.selectFrom('daily_reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('报送记录');
  if (!seesAllUnits(user) && row.unit_id !== user.unitId) throw forbidden('只能查看本单位的报送记录。');
  return loadDailyReport(ctx, ctx.db.kysely, row);
}

/** Returns the unit a query may read: a liaison's own; 403 for another unit. */
export function scopeUnit(user: SessionUser, requested: string | undefined): string | undefined {
  if (seesAllUnits(user)) return requested;
  if (requested && requested !== user.unitId) throw forbidden('只能查看本单位的报送信息，不能查看其他单位的。');
  return user.unitId;
}

export interface ReminderView {
  id: string;
  date: IsoDate;
  unitIds: string[];
  remindedAt: string;
  remindedBy: string;
}

/** Reminds every unit still missing on a date (催报) and records who reminded when. */
export async function remindMissingUnits(ctx: AppContext, actor: AuditActor, date: IsoDate): Promise<ReminderView> {
  const now = ctx.clock.now();
  const id = newId();
  const missing = await ctx.db.kysely.transaction().execute(async (trx) => {
    const status = await dailyStatusOf(ctx, trx, date);
    const units = status.units.filter((unit) => unit.status === 'missing');
    if (units.length === 0) throw invalidState(`${date} 各单位均已报送，无需催报。`);
    await trx
      .insertInto('report_reminders')
      .values({ id, report_date: date, unit_ids: toDbJson(units.map((unit) => unit.unitId)), reminded_at: toDbInstant(now), reminded_by: actor.userId, reminded_by_name: actor.name ?? '系统' })
      .execute();
    await appendAudit(trx, actor, { action: 'daily_report.remind', entityType: 'report_reminder', entityId: id, summary: `催报 ${units.length} 个单位（${date}）`, after: { date, units: units.map((unit) => unit.unitName) } }, now);
    return units;
  });

  const at = formatInstant(now, ctx.config.timeZone);
  for (const unit of missing) {
    await ctx.events.publish({
      type: 'report.reminder',
      title: `局指挥中心催报：请尽快报送 ${date} 的要情信息或零报告`,
      roles: ['unit_liaison'],
      unitId: unit.unitId,
      urgent: true,
      data: { date, reminderId: id },
      at,
    });
  }
  ctx.log.info({ date, reminderId: id, units: missing.length }, 'missing units reminded');
  return { id, date, unitIds: missing.map((unit) => unit.unitId), remindedAt: at, remindedBy: actor.name ?? '系统' };
}

export async function remindersOf(ctx: AppContext, date: IsoDate): Promise<ReminderView[]> {
  const rows = await ctx.db.kysely.selectFrom('report_reminders').selectAll().where('report_date', '=', date).orderBy('reminded_at').execute();
  return rows.map((row) => ({
    id: row.id,
    date: row.report_date,
    unitIds: fromDbJson<string[]>(row.unit_ids, []),
    remindedAt: formatInstant(new Date(row.reminded_at), ctx.config.timeZone),
    remindedBy: row.reminded_by_name,
  }));
}

/**
 * Records every unit still missing once the unit deadline of a date has
 * passed. Safe on several instances: the unique (unit, date) index keeps one record.
 */
export async function recordMissingReports(ctx: AppContext, date: IsoDate): Promise<number> {
  const now = ctx.clock.now();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const status = await dailyStatusOf(ctx, trx, date);
    if (!status.overdue) return 0;
    let recorded = 0;
    for (const unit of status.units.filter((candidate) => candidate.status === 'missing')) {
      if (await recordViolation(ctx, trx, unit.unitId, date, 'missing', now)) recorded += 1;
    }
    return recorded;
  });
}

export interface ViolationView {
  id: string;
  unitId: string;
  unitName: string;
  date: IsoDate;
  kind: 'late' | 'missing';
  recordedAt: string;
  rectificationDueAt: string;
  rectifiedAt: string | null;
}

export async function listViolations(ctx: AppContext, user: SessionUser, query: { from: IsoDate; to: IsoDate; unitId?: string }): Promise<ViolationView[]> {
  const unitId = scopeUnit(user, query.unitId);
  let select = ctx.db.kysely
    .selectFrom('report_violations')
    .innerJoin('units', 'units.id', 'report_violations.unit_id')
    .selectAll('report_violations')
    .select('units.name as unit_name')
    .where('report_date', '>=', query.from)
    .where('report_date', '<=', query.to);
  if (unitId) select = select.where('report_violations.unit_id', '=', unitId);
  const rows = await select.orderBy('report_date', 'desc').execute();
  return rows.map((row) => ({
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    date: row.report_date,
    kind: row.kind,
    recordedAt: formatInstant(new Date(row.recorded_at), ctx.config.timeZone),
    rectificationDueAt: formatInstant(new Date(row.rectification_due_at), ctx.config.timeZone),
    rectifiedAt: row.rectified_at ? formatInstant(new Date(row.rectified_at), ctx.config.timeZone) : null,
  }));
}

/** Marks a violation rectified (整改完成). */
export async function rectifyViolation(ctx: AppContext, actor: AuditActor, id: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('report_violations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('迟报漏报记录');
    if (row.rectified_at) throw new AppError('INVALID_STATE', '该记录已整改完成，无需重复标记。');
    await trx.updateTable('report_violations').set({ rectified_at: toDbInstant(now) }).where('id', '=', id).execute();
    await appendAudit(trx, actor, { action: 'daily_report.rectify', entityType: 'report_violation', entityId: id, summary: `标记整改完成（${row.report_date}）` }, now);
  });
}
