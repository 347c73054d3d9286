import { sql } from 'kysely';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import type { PeopleTable } from '../db/platform-tables.js';
import { fromDbBool, fromDbJson, newId, toDbBool, toDbInstant, toDbJson } from '../db/sql-values.js';
import { AppError, notFound } from '../errors.js';
import type { DutyRole } from '../../shared/roles.js';

/** 人员 as the API returns it; phones are null unless the caller may read them. */
export interface Person {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  position: string | null;
  isPolice: boolean;
  mobilePhone: string | null;
  officePhone: string | null;
  phonesVisible: boolean;
  dutyRoles: DutyRole[];
  active: boolean;
}

export interface PersonInput {
  name: string;
  unitId: string;
  position?: string | null;
  isPolice: boolean;
  mobilePhone?: string | null;
  officePhone?: string | null;
  dutyRoles: DutyRole[];
}

export interface PeopleQuery {
  q?: string;
  unitId?: string;
  dutyRole?: DutyRole;
  active?: boolean;
  page: number;
  pageSize: number;
}

type PersonRow = PeopleTable & { unit_name: string };

function toPerson(ctx: AppContext, row: PersonRow, showPhones: boolean): Person {
  return {
    id: row.id,
    name: row.name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    position: row.position,
    isPolice: fromDbBool(row.is_police),
    mobilePhone: showPhones ? ctx.cipher.decryptOptional(row.mobile_phone) : null,
    officePhone: showPhones ? ctx.cipher.decryptOptional(row.office_phone) : null,
    phonesVisible: showPhones,
    dutyRoles: fromDbJson<DutyRole[]>(row.duty_roles, []),
    active: fromDbBool(row.active),
  };
}

function peopleBase(db: Executor) {
  return db.selectFrom('people').innerJoin('units', 'units.id', 'people.unit_id');
}

export async function searchPeople(ctx: AppContext, db: Executor, query: PeopleQuery, showPhones: boolean) {
  let base = peopleBase(db);
  if (query.q) base = base.where('people.name', 'like', `%${query.q}%`);
  if (query.unitId) base = base.where('people.unit_id', '=', query.unitId);
  if (query.dutyRole) base = base.where('people.duty_roles', 'like', `%"${query.dutyRole}"%`);
  if (query.active !== undefined) base = base.where('people.active', '=', toDbBool(query.active));

  const counted = await base.select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll('people')
    .select('units.name as unit_name')
    .orderBy('units.sort_order')
    .orderBy('people.name')
    .orderBy('people.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { total: Number(counted.count), people: rows.map((row) => toPerson(ctx, row, showPhones)) };
}

export async function getPerson(ctx: AppContext, db: Executor, id: string, showPhones: boolean): Promise<Person> {
  const row = await peopleBase(db).selectAll('people').select('units.name as unit_name').where('people.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('人员');
  return toPerson(ctx, row, showPhones);
}

async function assertUnitActive(db: Executor, unitId: string): Promise<void> {
  const unit = await db.selectFrom('units').select(['active', 'name']).where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw new AppError('VALIDATION_FAILED', '「单位」所选单位不存在，请重新选择。');
  if (!fromDbBool(unit.active)) throw new AppError('VALIDATION_FAILED', `「单位」${unit.name}已停用，请选择其他单位。`);
}

function auditView(input: Partial<PersonInput>): Record<string, unknown> {
  // Phone numbers never enter the audit log in clear text.
  return {
    ...input,
    mobilePhone: input.mobilePhone ? '[已加密]' : input.mobilePhone,
    officePhone: input.officePhone ? '[已加密]' : input.officePhone,
  };
}

export async function insertPerson(ctx: AppContext, trx: Executor, actor: AuditActor, input: PersonInput, now: Date): Promise<string> {
  const id = newId();
  await trx
    .insertInto('people')
    .values({
      id,
      name: input.name,
      unit_id: input.unitId,
      position: input.position ?? null,
      is_police: toDbBool(input.isPolice),
      mobile_phone: ctx.cipher.encryptOptional(input.mobilePhone),
      office_phone: ctx.cipher.encryptOptional(input.officePhone),
      duty_roles: toDbJson(input.dutyRoles),
      active: 1,
      created_at: toDbInstant(now),
      updated_at: toDbInstant(now),
    })
    .execute();
  await appendAudit(trx, actor, { action: 'person.create', entityType: 'person', entityId: id, summary: `新增人员 ${input.name}`, after: auditView(input) }, now);
  return id;
}

export async function createPerson(ctx: AppContext, actor: AuditActor, input: PersonInput): Promise<Person> {
  const now = ctx.clock.now();
  const id = await ctx.db.kysely.transaction().execute(async (trx) => {
    await assertUnitActive(trx, input.unitId);
    return insertPerson(ctx, trx, actor, input, now);
  });
  ctx.log.info({ personId: id }, 'person created');
  return getPerson(ctx, ctx.db.kysely, id, true);
}

export async function updatePerson(ctx: AppContext, actor: AuditActor, id: string, patch: Partial<PersonInput>): Promise<Person> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('人员');
    if (patch.unitId !== undefined && patch.unitId !== before.unit_id) await assertUnitActive(trx, patch.unitId);
    const changes: Partial<PeopleTable> = { updated_at: toDbInstant(now) };
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.unitId !== undefined) changes.unit_id = patch.unitId;
    if (patch.position !== undefined) changes.position = patch.position;
    if (patch.isPolice !== undefined) changes.is_police = toDbBool(patch.isPolice);
    if (patch.mobilePhone !== undefined) changes.mobile_phone = ctx.cipher.encryptOptional(patch.mobilePhone);
    if (patch.officePhone !== undefined) changes.office_phone = ctx.cipher.encryptOptional(patch.officePhone);
    if (patch.dutyRoles !== undefined) changes.duty_roles = toDbJson(patch.dutyRoles);
    await trx.updateTable('people').set(changes).where('id', '=', id).execute();
    const { mobile_phone: _m, office_phone: _o, ...beforeVisible } = before;
    await appendAudit(trx, actor, { action: 'person.update', entityType: 'person', entityId: id, summary: `修改人员 ${patch.name ?? before.name}`, before: beforeVisible, after: auditView(patch) }, now);
  });
  ctx.log.info({ personId: id }, 'person updated');
  return getPerson(ctx, ctx.db.kysely, id, true);
}

/**
 * Deactivates or reactivates a person. People are never deleted, because
 * past rosters, reports and the audit log name them.
 */
export async function setPersonActive(ctx: AppContext, actor: AuditActor, id: string, active: boolean): Promise<Person> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('people').select(['name', 'active']).where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('人员');
    await trx.updateTable('people').set({ active: toDbBool(active), updated_at: toDbInstant(now) }).where('id', '=', id).execute();
    await appendAudit(trx, actor, {
      action: active ? 'person.reactivate' : 'person.deactivate',
      entityType: 'person',
      entityId: id,
      summary: `${active ? '启用' : '停用'}人员 ${before.name}`,
      before: { active: fromDbBool(before.active) },
      after: { active },
    }, now);
  });
  ctx.log.info({ personId: id, active }, 'person activation changed');
  return getPerson(ctx, ctx.db.kysely, id, true);
}
