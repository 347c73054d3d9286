import type { CheckMethod, SiteKind } from '../../domain/patrols/index.js';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import type { PatrolSitesTable } from '../db/patrols-tables.js';
import { fromDbBool, newId, toDbBool, toDbInstant } from '../db/sql-values.js';
import { AppError, notFound } from '../errors.js';
import { requireUnit } from '../org/units.service.js';

/** 巡查点位 as the API returns it. */
export interface PatrolSite {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  kind: SiteKind;
  checkMethod: CheckMethod;
  active: boolean;
  sortOrder: number;
  note: string | null;
}

export interface PatrolSiteInput {
  name: string;
  unitId: string;
  kind: SiteKind;
  checkMethod: CheckMethod;
  sortOrder?: number;
  note?: string | null;
}

export async function listSites(db: Executor, options: { activeOnly?: boolean; unitId?: string } = {}): Promise<PatrolSite[]> {
  let query = db
    .selectFrom('patrol_sites')
    .innerJoin('units', 'units.id', 'patrol_sites.unit_id')
    .selectAll('patrol_sites')
    .select('units.name as unit_name');
  if (options.activeOnly) query = query.where('patrol_sites.active', '=', 1);
  if (options.unitId) query = query.where('patrol_sites.unit_id', '=', options.unitId);
  const rows = await query.orderBy('patrol_sites.sort_order').orderBy('patrol_sites.name').execute();
  return rows.map((row) => toSite(row, row.unit_name));
}

function toSite(row: PatrolSitesTable, unitName: string): PatrolSite {
  return {
    id: row.id,
    name: row.name,
    unitId: row.unit_id,
    unitName,
    kind: row.kind as SiteKind,
    checkMethod: row.check_method as CheckMethod,
    active: fromDbBool(row.active),
    sortOrder: row.sort_order,
    note: row.note,
  };
}

export async function requireSite(db: Executor, id: string): Promise<PatrolSitesTable> {
  const row = await db.selectFrom('patrol_sites').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('巡查点位');
  return row;
}

async function assertNameFree(db: Executor, name: string, exceptId?: string): Promise<void> {
  let query = db.selectFrom('patrol_sites').select('id').where('name', '=', name);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) {
    throw new AppError('DUPLICATE', `巡查点位「${name}」已存在，请使用其他名称。`);
  }
}

async function findSite(db: Executor, id: string): Promise<PatrolSite> {
  const sites = await listSites(db);
  const site = sites.find((candidate) => candidate.id === id);
  if (!site) throw notFound('巡查点位');
  return site;
}

export async function createSite(ctx: AppContext, actor: AuditActor, input: PatrolSiteInput): Promise<PatrolSite> {
  const now = ctx.clock.now();
  const id = newId();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await requireUnit(trx, input.unitId);
    await assertNameFree(trx, input.name);
    await trx
      .insertInto('patrol_sites')
      .values({
        id,
        name: input.name,
        unit_id: input.unitId,
        kind: input.kind,
        check_method: input.checkMethod,
        active: 1,
        sort_order: input.sortOrder ?? 0,
        note: input.note ?? null,
        created_at: toDbInstant(now),
        updated_at: toDbInstant(now),
      })
      .execute();
    await appendAudit(trx, actor, { action: 'patrol_site.create', entityType: 'patrol_site', entityId: id, summary: `新增巡查点位 ${input.name}`, after: input }, now);
  });
  ctx.log.info({ siteId: id }, 'patrol site created');
  return findSite(ctx.db.kysely, id);
}

export async function updateSite(
  ctx: AppContext,
  actor: AuditActor,
  id: string,
  patch: Partial<PatrolSiteInput> & { active?: boolean },
): Promise<PatrolSite> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await requireSite(trx, id);
    if (patch.name !== undefined && patch.name !== before.name) await assertNameFree(trx, patch.name, id);
    if (patch.unitId !== undefined) await requireUnit(trx, patch.unitId);
    const changes: Partial<PatrolSitesTable> = { updated_at: toDbInstant(now) };
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.unitId !== undefined) changes.unit_id = patch.unitId;
    if (patch.kind !== undefined) changes.kind = patch.kind;
    if (patch.checkMethod !== undefined) changes.check_method = patch.checkMethod;
    if (patch.sortOrder !== undefined) changes.sort_order = patch.sortOrder;
    if (patch.note !== undefined) changes.note = patch.note;
    if (patch.active !== undefined) changes.active = toDbBool(patch.active);
    await trx.updateTable('patrol_sites').set(changes).where('id', '=', id).execute();
    await appendAudit(trx, actor, { action: 'patrol_site.update', entityType: 'patrol_site', entityId: id, summary: `修改巡查点位 ${patch.name ?? before.name}`, before, after: patch }, now);
  });
  ctx.log.info({ siteId: id }, 'patrol site updated');
  return findSite(ctx.db.kysely, id);
}
