/**
 * Supervised platforms (监管平台) and the officer's per-shift record of their
 * running state. An abnormal platform stays open until it is recorded as restored.
 */
import type { PlatformStatus } from '../../domain/patrols/index.js';
import { dutyDateOf, type IsoDate } from '../../domain/time.js';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import type { PlatformChecksTable } from '../db/patrols-tables.js';
import { fromDbBool, newId, toDbBool, toDbInstant } from '../db/sql-values.js';
import { AppError, invalidState, notFound } from '../errors.js';
import { showInstant, showOptionalInstant } from '../patrols/common.js';

export interface SupervisedPlatform {
  id: string;
  name: string;
  active: boolean;
  sortOrder: number;
}

export interface PlatformCheck {
  id: string;
  platformId: string;
  platformName: string;
  dutyDate: IsoDate;
  checkedAt: string;
  status: PlatformStatus;
  note: string | null;
  recordedByName: string;
  restoredAt: string | null;
  restoredNote: string | null;
  restoredByName: string | null;
}

export async function listPlatforms(db: Executor, activeOnly = false): Promise<SupervisedPlatform[]> {
  let query = db.selectFrom('supervised_platforms').selectAll();
  if (activeOnly) query = query.where('active', '=', 1);
  const rows = await query.orderBy('sort_order').orderBy('name').execute();
  return rows.map((row) => ({ id: row.id, name: row.name, active: fromDbBool(row.active), sortOrder: row.sort_order }));
}

async function assertNameFree(db: Executor, name: string, exceptId?: string): Promise<void> {
  let query = db.selectFrom('supervised_platforms').select('id').where('name', '=', name);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) throw new AppError('DUPLICATE', `监管平台「${name}」已存在，请使用其他名称。`);
}

export async function createPlatform(ctx: AppContext, actor: AuditActor, input: { name: string; sortOrder?: number }): Promise<SupervisedPlatform> {
  const now = ctx.clock.now();
  const id = newId();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await assertNameFree(trx, input.name);
    await trx
      .insertInto('supervised_platforms')
      .values({ id, name: input.name, active: 1, sort_order: input.sortOrder ?? 0, created_at: toDbInstant(now), updated_at: toDbInstant(now) })
      .execute();
    await appendAudit(trx, actor, { action: 'platform.create', entityType: 'supervised_platform', entityId: id, summary: `新增监管平台 ${input.name}`, after: input }, now);
  });
  return (await listPlatforms(ctx.db.kysely)).find((platform) => platform.id === id)!;
}

export async function updatePlatform(ctx: AppContext, actor: AuditActor, id: string, patch: { name?: string; sortOrder?: number; active?: boolean }): Promise<SupervisedPlatform> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('supervised_platforms').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('监管平台');
    if (patch.name !== undefined && patch.name !== before.name) await assertNameFree(trx, patch.name, id);
    await trx
      .updateTable('supervised_platforms')
      .set({
        ...(patch.name === undefined ? {} : { name: patch.name }),
        ...(patch.sortOrder === undefined ? {} : { sort_order: patch.sortOrder }),
        ...(patch.active === undefined ? {} : { active: toDbBool(patch.active) }),
        updated_at: toDbInstant(now),
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, actor, { action: 'platform.update', entityType: 'supervised_platform', entityId: id, summary: `修改监管平台 ${patch.name ?? before.name}`, before, after: patch }, now);
  });
  return (await listPlatforms(ctx.db.kysely)).find((platform) => platform.id === id)!;
}

function checksQuery(db: Executor) {
  return db
    .selectFrom('platform_checks')
    .innerJoin('supervised_platforms', 'supervised_platforms.id', 'platform_checks.platform_id')
    .selectAll('platform_checks')
    .select('supervised_platforms.name as platform_name');
}

function toCheck(ctx: AppContext, row: PlatformChecksTable & { platform_name: string }): PlatformCheck {
  return {
    id: row.id,
    platformId: row.platform_id,
    platformName: row.platform_name,
    dutyDate: row.duty_date,
    checkedAt: showInstant(ctx, row.checked_at),
    status: row.status as PlatformStatus,
    note: row.note,
    recordedByName: row.recorded_by_name,
    restoredAt: showOptionalInstant(ctx, row.restored_at),
    restoredNote: row.restored_note,
    restoredByName: row.restored_by_name,
  };
}

export async function listChecks(ctx: AppContext, db: Executor, filter: { dutyDate?: IsoDate; from?: IsoDate; to?: IsoDate }): Promise<PlatformCheck[]> {
  let query = checksQuery(db);
  if (filter.dutyDate) query = query.where('platform_checks.duty_date', '=', filter.dutyDate);
  if (filter.from) query = query.where('platform_checks.duty_date', '>=', filter.from);
  if (filter.to) query = query.where('platform_checks.duty_date', '<=', filter.to);
  const rows = await query.orderBy('platform_checks.checked_at', 'desc').execute();
  return rows.map((row) => toCheck(ctx, row));
}

export async function recordPlatformCheck(
  ctx: AppContext,
  actor: AuditActor & { userId: string; name: string | null },
  input: { platformId: string; status: PlatformStatus; note?: string | null },
): Promise<PlatformCheck> {
  if (input.status === 'abnormal' && !input.note) {
    throw new AppError('VALIDATION_FAILED', '「情况说明」不能为空：平台异常时请写明异常现象和已采取的措施。', { fields: [{ field: 'note', message: '异常时必填' }] });
  }
  const now = ctx.clock.now();
  const id = newId();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const platform = await trx.selectFrom('supervised_platforms').select(['name', 'active']).where('id', '=', input.platformId).executeTakeFirst();
    if (!platform) throw notFound('监管平台');
    if (!fromDbBool(platform.active)) throw invalidState(`监管平台「${platform.name}」已停用，不能登记运行情况。`);
    await trx
      .insertInto('platform_checks')
      .values({
        id,
        platform_id: input.platformId,
        duty_date: dutyDateOf(now, ctx.config.timeZone, ctx.config.handoverTime),
        checked_at: toDbInstant(now),
        status: input.status,
        note: input.note ?? null,
        recorded_by: actor.userId,
        recorded_by_name: actor.name ?? '',
        restored_at: null,
        restored_note: null,
        restored_by_name: null,
      })
      .execute();
    await appendAudit(trx, actor, { action: 'platform.check', entityType: 'platform_check', entityId: id, summary: `登记监管平台运行情况：${platform.name}${input.status === 'abnormal' ? '异常' : '正常'}`, after: input }, now);
  });
  const check = toCheck(ctx, (await checksQuery(ctx.db.kysely).where('platform_checks.id', '=', id).executeTakeFirstOrThrow()));
  if (check.status === 'abnormal') {
    await ctx.events.publish({
      type: 'platform.abnormal',
      title: `${check.platformName}运行异常：${check.note ?? ''}`,
      roles: ['duty_commander', 'shift_leader', 'duty_officer', 'hall_display'],
      urgent: true,
      data: { checkId: id },
      at: toDbInstant(now),
    });
  }
  return check;
}

/** Records that an abnormal platform is running again, closing the follow-up. */
export async function restorePlatform(ctx: AppContext, actor: AuditActor & { name: string | null }, checkId: string, note: string): Promise<PlatformCheck> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('platform_checks').selectAll().where('id', '=', checkId).executeTakeFirst();
    if (!row) throw notFound('平台检查记录');
    if (row.status !== 'abnormal') throw invalidState('该记录为正常状态，无需登记恢复。');
    if (row.restored_at) throw invalidState('该平台异常已登记恢复，无需重复操作。');
    await trx
      .updateTable('platform_checks')
      .set({ restored_at: toDbInstant(now), restored_note: note, restored_by_name: actor.name })
      .where('id', '=', checkId)
      .execute();
    await appendAudit(trx, actor, { action: 'platform.restore', entityType: 'platform_check', entityId: checkId, summary: '登记监管平台恢复正常', after: { note } }, now);
  });
  return toCheck(ctx, await checksQuery(ctx.db.kysely).where('platform_checks.id', '=', checkId).executeTakeFirstOrThrow());
}

/** Abnormal platforms not yet restored, for the duty log and the hall screen. */
export async function abnormalPlatforms(ctx: AppContext, db: Executor): Promise<PlatformCheck[]> {
  const rows = await checksQuery(db)
    .where('platform_checks.status', '=', 'abnormal')
    .where('platform_checks.restored_at', 'is', null)
    .orderBy('platform_checks.checked_at')
    .execute();
  return rows.map((row) => toCheck(ctx, row));
}
