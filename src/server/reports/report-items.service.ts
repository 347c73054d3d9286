/**
 * Review of key-information items (要情信息). The duty officer adopts,
 * returns or merges each item and the shift leader reviews it. A returned
 * item comes back revised with every version kept. Urgent and early-sign
 * items get their written supplement, verification and follow-ups (续报).
 */
import { followUpLabel } from '../../domain/incidents/index.js';
import type { ReportItemStatus } from '../../domain/reports/index.js';
import { formatInstant, type IsoDate } from '../../domain/time.js';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import type { SessionUser } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import type { ReportItemsTable, ReportItemUpdatesTable } from '../db/reports-tables.js';
import { newId, toDbInstant } from '../db/sql-values.js';
import { forbidden, invalidField, invalidState, notFound } from '../errors.js';
import { seesAllUnits } from '../http/request-context.js';
import { insertItemVersion, itemContentColumns, linkItemAttachments, scopeUnit, type ItemInput } from './daily-reports.service.js';
import {
  toReportItemView,
  toUpdateView,
  toVersionView,
  type ReportItemUpdateView,
  type ReportItemVersionView,
  type ReportItemView,
} from './report-item-view.js';

export interface ReportItemDetail extends ReportItemView {
  versions: ReportItemVersionView[];
  updates: ReportItemUpdateView[];
}

export async function listReportItems(
  ctx: AppContext,
  user: SessionUser,
  query: { from: IsoDate; to: IsoDate; unitId?: string; status?: ReportItemStatus },
): Promise<ReportItemView[]> {
  const unitId = scopeUnit(user, query.unitId);
  let select = ctx.db.kysely
    .selectFrom('report_items')
    .innerJoin('units', 'units.id', 'report_items.unit_id')
    .selectAll('report_items')
    .select('units.name as unit_name')
    .where('report_date', '>=', query.from)
    .where('report_date', '<=', query.to);
  if (unitId) select = select.where('report_items.unit_id', '=', unitId);
  if (query.status) select = select.where('status', '=', query.status);
  const rows = await select.orderBy('report_date', 'desc').orderBy('report_items.created_at').orderBy('report_items.position').limit(1000).execute();
  return rows.map((row) => toReportItemView(row, row.unit_name, ctx.config.timeZone));
}

async function requireItem(db: Executor, id: string): Promise<ReportItemsTable & { unit_name: string }> {
  const row = await db
    .selectFrom('report_items')
    .innerJoin('units', 'units.id', 'report_items.unit_id')
    .selectAll('report_items')
    .select('units.name as unit_name')
    .where('report_items.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('要情信息');
  return row;
}

function assertVisible(user: SessionUser, row: ReportItemsTable): void {
  if (!seesAllUnits(user) && row.unit_id !== user.unitId) throw forbidden('只能查看和办理本单位的要情信息。');
}

export async function getReportItem(ctx: AppContext, user: SessionUser, id: string): Promise<ReportItemDetail> {
  const row = await requireItem(ctx.db.kysely, id);
  assertVisible(user, row);
  return loadItemDetail(ctx, id);
}

/** Loads an item with its versions and updates, without an access check. */
async function loadItemDetail(ctx: AppContext, id: string): Promise<ReportItemDetail> {
  const row = await requireItem(ctx.db.kysely, id);
  const versions = await ctx.db.kysely.selectFrom('report_item_versions').selectAll().where('item_id', '=', id).orderBy('version').execute();
  const updates = await ctx.db.kysely.selectFrom('report_item_updates').selectAll().where('item_id', '=', id).orderBy('submitted_at').orderBy('seq').execute();
  return {
    ...toReportItemView(row, row.unit_name, ctx.config.timeZone),
    versions: versions.map((version) => toVersionView(version, ctx.config.timeZone)),
    updates: updates.map((update) => toUpdateView(update, ctx.config.timeZone)),
  };
}

export type MarkInput =
  | { action: 'adopt' }
  | { action: 'return'; reason: string }
  | { action: 'merge'; mergeIntoId: string };

const markLabels = { adopt: '采用', return: '退回修改', merge: '合并' } as const;

/** Marks an item adopted (采用), returned with a reason (退回修改) or merged into another (合并), as the duty officer does. */
export async function markReportItem(ctx: AppContext, actor: AuditActor, id: string, input: MarkInput): Promise<ReportItemDetail> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const row = await requireItem(trx, id);
    if (row.status === 'merged') throw invalidState('该信息已合并到其他信息，不能再标记。');
    if (row.status === 'returned' && input.action !== 'return') throw invalidState('该信息已退回单位修改，请等待单位修改后重新报送再采用。');

    const changes: Partial<ReportItemsTable> = { marked_by_name: actor.name, marked_at: toDbInstant(now), updated_at: toDbInstant(now), reviewed_by_name: null, reviewed_at: null };
    if (input.action === 'adopt') {
      Object.assign(changes, { status: 'adopted', review_reason: null, merged_into_id: null });
    } else if (input.action === 'return') {
      Object.assign(changes, { status: 'returned', review_reason: input.reason, merged_into_id: null });
    } else {
      if (input.mergeIntoId === id) throw invalidField('合并到', '不能合并到信息本身，请选择另一条信息。');
      const target = await trx.selectFrom('report_items').select(['id', 'status', 'report_date']).where('id', '=', input.mergeIntoId).executeTakeFirst();
      if (!target) throw invalidField('合并到', '所选信息不存在，请重新选择。');
      if (target.status === 'merged' || target.status === 'returned') throw invalidField('合并到', '所选信息已合并或已退回，请选择一条待审核或已采用的信息。');
      Object.assign(changes, { status: 'merged', review_reason: null, merged_into_id: input.mergeIntoId });
    }
    await trx.updateTable('report_items').set(changes).where('id', '=', id).execute();
    await appendAudit(trx, actor, {
      action: `report_item.${input.action}`,
      entityType: 'report_item',
      entityId: id,
      summary: `${markLabels[input.action]}要情信息「${row.title}」`,
      before: { status: row.status },
      after: input,
    }, now);
  });

  if (input.action === 'return') {
    const row = await requireItem(ctx.db.kysely, id);
    await ctx.events.publish({
      type: 'report.returned',
      title: `要情信息「${row.title}」被退回修改：${input.reason}`,
      roles: ['unit_liaison'],
      unitId: row.unit_id,
      data: { itemId: id },
      at: formatInstant(now, ctx.config.timeZone),
    });
  }
  return loadItemDetail(ctx, id);
}

/** Records the shift leader's review of the officer's marking (值班长审核). */
export async function reviewReportItem(ctx: AppContext, actor: AuditActor, id: string): Promise<ReportItemDetail> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const row = await requireItem(trx, id);
    if (row.status === 'submitted') throw invalidState('值班员尚未标记该信息（采用、退回或合并），请先由值班员标记后再审核。');
    if (row.reviewed_at) throw invalidState('该信息已审核，无需重复审核。');
    await trx.updateTable('report_items').set({ reviewed_by_name: actor.name, reviewed_at: toDbInstant(now), updated_at: toDbInstant(now) }).where('id', '=', id).execute();
    await appendAudit(trx, actor, { action: 'report_item.review', entityType: 'report_item', entityId: id, summary: `值班长审核要情信息「${row.title}」` }, now);
  });
  return loadItemDetail(ctx, id);
}

/** A unit revises a returned item; the new text becomes the next version and the item goes back to review. */
export async function reviseReportItem(ctx: AppContext, user: SessionUser, actor: AuditActor, id: string, input: ItemInput): Promise<ReportItemDetail> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const row = await requireItem(trx, id);
    if (row.unit_id !== user.unitId) throw forbidden('只能修改本单位报送的要情信息。');
    if (row.status !== 'returned') throw invalidState('只有被退回修改的信息才能修改后重新报送。');

    const revised: ReportItemsTable = {
      ...row,
      ...itemContentColumns(input),
      status: 'submitted',
      marked_by_name: null,
      marked_at: null,
      reviewed_by_name: null,
      reviewed_at: null,
      version: row.version + 1,
      updated_at: toDbInstant(now),
    };
    const { unit_name: _unitName, id: _id, ...changes } = revised as ReportItemsTable & { unit_name?: string };
    await trx.updateTable('report_items').set(changes).where('id', '=', id).execute();
    await insertItemVersion(trx, revised, user.name, now, ctx.config.timeZone);
    await linkItemAttachments(trx, input.attachmentIds ?? [], id, row.unit_id);
    await appendAudit(trx, actor, { action: 'report_item.revise', entityType: 'report_item', entityId: id, summary: `修改后重新报送要情信息「${input.title}」（第${revised.version}版）`, before: { title: row.title, version: row.version }, after: { title: input.title, version: revised.version } }, now);
  });
  return getReportItem(ctx, user, id);
}

export interface UpdateInput {
  kind: ReportItemUpdatesTable['kind'];
  content: string;
}

const updateLabels: Record<Exclude<UpdateInput['kind'], 'follow_up'>, string> = {
  written_supplement: '书面补报',
  verification: '初步核查',
  closing: '终报',
};

/**
 * Adds a written supplement (书面补报), a preliminary verification (核查),
 * a numbered follow-up (续报一, 续报二…) or the closing report (终报) to an item.
 */
export async function addReportItemUpdate(ctx: AppContext, user: SessionUser, actor: AuditActor, id: string, input: UpdateInput): Promise<ReportItemDetail> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const row = await requireItem(trx, id);
    assertVisible(user, row);
    if (row.closed_at) throw invalidState('该信息已终报办结，不能再续报。');
    if (input.kind === 'written_supplement' && row.urgent === 0 && row.phone_first === 0) {
      throw invalidField('类型', '只有紧急信息或先电话报告的信息需要书面补报。');
    }
    if (input.kind === 'written_supplement' && row.written_supplement_at) throw invalidState('该信息已书面补报，请改为续报。');
    if (input.kind === 'verification' && row.verified_at) throw invalidState('该信息已报送初步核查结论，后续动态请续报。');

    let seq = 0;
    let label: string;
    if (input.kind === 'follow_up') {
      const count = await trx.selectFrom('report_item_updates').select((eb) => eb.fn.countAll<number>().as('n')).where('item_id', '=', id).where('kind', '=', 'follow_up').executeTakeFirstOrThrow();
      seq = Number(count.n) + 1;
      label = followUpLabel(seq);
    } else {
      label = updateLabels[input.kind];
    }
    await trx
      .insertInto('report_item_updates')
      .values({ id: newId(), item_id: id, kind: input.kind, seq, label, content: input.content, submitted_at: toDbInstant(now), submitted_by_name: user.name })
      .execute();

    const changes: Partial<ReportItemsTable> = { updated_at: toDbInstant(now) };
    if (input.kind === 'written_supplement') changes.written_supplement_at = toDbInstant(now);
    if (input.kind === 'verification') changes.verified_at = toDbInstant(now);
    if (input.kind === 'closing') changes.closed_at = toDbInstant(now);
    await trx.updateTable('report_items').set(changes).where('id', '=', id).execute();
    await appendAudit(trx, actor, { action: `report_item.${input.kind}`, entityType: 'report_item', entityId: id, summary: `${label}：要情信息「${row.title}」` }, now);
  });
  return getReportItem(ctx, user, id);
}
