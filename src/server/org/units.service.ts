import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import type { UnitsTable } from '../db/platform-tables.js';
import { fromDbBool, newId, toDbBool, toDbInstant } from '../db/sql-values.js';
import { AppError, notFound } from '../errors.js';
import type { UnitKind } from '../../shared/roles.js';

export interface Unit {
  id: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  active: boolean;
  dutyRoomName: string | null;
  dutyRoomPhone: string | null;
  liaisonPersonId: string | null;
  liaisonName: string | null;
  sortOrder: number;
}

export interface UnitInput {
  name: string;
  shortName?: string | null;
  kind: UnitKind;
  dutyRoomName?: string | null;
  dutyRoomPhone?: string | null;
  liaisonPersonId?: string | null;
  sortOrder?: number;
}

const kindOrder: Record<UnitKind, number> = { command_center: 0, department: 1, district: 2, affiliated: 3 };

function toUnit(ctx: AppContext, row: UnitsTable, liaisonName: string | null, showPhone: boolean): Unit {
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    kind: row.kind,
    active: fromDbBool(row.active),
    dutyRoomName: row.duty_room_name,
    dutyRoomPhone: showPhone ? ctx.cipher.decryptOptional(row.duty_room_phone) : null,
    liaisonPersonId: row.liaison_person_id,
    liaisonName,
    sortOrder: row.sort_order,
  };
}

export async function listUnits(ctx: AppContext, db: Executor, options: { showPhones: boolean }): Promise<Unit[]> {
  const rows = await db
    .selectFrom('units')
    .leftJoin('people', 'people.id', 'units.liaison_person_id')
    .selectAll('units')
    .select('people.name as liaison_name')
    .execute();
  return rows
    .map((row) => toUnit(ctx, row, row.liaison_name, options.showPhones))
    .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'));
}

export async function findUnit(db: Executor, id: string): Promise<UnitsTable | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function requireUnit(db: Executor, id: string): Promise<UnitsTable> {
  const unit = await findUnit(db, id);
  if (!unit) throw notFound('单位');
  return unit;
}

async function assertLiaisonBelongs(db: Executor, unitId: string | null, personId: string | null | undefined): Promise<void> {
  if (!personId) return;
  const person = await db.selectFrom('people').select(['unit_id', 'name']).where('id', '=', personId).executeTakeFirst();
  if (!person) throw new AppError('VALIDATION_FAILED', '「信息员」所选人员不存在，请重新选择。');
  if (unitId && person.unit_id !== unitId) {
    throw new AppError('VALIDATION_FAILED', `「信息员」${person.name}不属于本单位，请选择本单位的人员。`);
  }
}

async function assertNameFree(db: Executor, name: string, exceptId?: string): Promise<void> {
  let query = db.selectFrom('units').select('id').where('name', '=', name);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) {
    throw new AppError('DUPLICATE', `单位「${name}」已存在，请使用其他名称。`);
  }
}

export async function createUnit(ctx: AppContext, actor: AuditActor, input: UnitInput): Promise<Unit> {
  const now = ctx.clock.now();
  const id = newId();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await assertNameFree(trx, input.name);
    await assertLiaisonBelongs(trx, null, input.liaisonPersonId);
    const row: UnitsTable = {
      id,
      name: input.name,
      short_name: input.shortName ?? null,
      kind: input.kind,
      duty_room_name: input.dutyRoomName ?? null,
      duty_room_phone: ctx.cipher.encryptOptional(input.dutyRoomPhone),
      liaison_person_id: input.liaisonPersonId ?? null,
      sort_order: input.sortOrder ?? 0,
      active: 1,
      created_at: toDbInstant(now),
      updated_at: toDbInstant(now),
    };
    await trx.insertInto('units').values(row).execute();
    await appendAudit(trx, actor, { action: 'unit.create', entityType: 'unit', entityId: id, summary: `新增单位 ${input.name}`, after: { ...input, dutyRoomPhone: input.dutyRoomPhone ? '[已加密]' : null } }, now);
  });
  ctx.log.info({ unitId: id }, 'unit created');
  const units = await listUnits(ctx, ctx.db.kysely, { showPhones: true });
  return units.find((unit) => unit.id === id)!;
}

export async function updateUnit(
  ctx: AppContext,
  actor: AuditActor,
  id: string,
  patch: Partial<UnitInput> & { active?: boolean },
): Promise<Unit> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await requireUnit(trx, id);
    if (patch.name !== undefined && patch.name !== before.name) await assertNameFree(trx, patch.name, id);
    await assertLiaisonBelongs(trx, id, patch.liaisonPersonId);
    if (patch.active === false && before.kind === 'command_center') {
      throw new AppError('INVALID_STATE', '局指挥中心不能停用。');
    }
    const changes: Partial<UnitsTable> = { updated_at: toDbInstant(now) };
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.shortName !== undefined) changes.short_name = patch.shortName;
    if (patch.kind !== undefined) changes.kind = patch.kind;
    if (patch.dutyRoomName !== undefined) changes.duty_room_name = patch.dutyRoomName;
    if (patch.dutyRoomPhone !== undefined) changes.duty_room_phone = ctx.cipher.encryptOptional(patch.dutyRoomPhone);
    if (patch.liaisonPersonId !== undefined) changes.liaison_person_id = patch.liaisonPersonId;
    if (patch.sortOrder !== undefined) changes.sort_order = patch.sortOrder;
    if (patch.active !== undefined) changes.active = toDbBool(patch.active);
    await trx.updateTable('units').set(changes).where('id', '=', id).execute();
    const { duty_room_phone: _beforePhone, ...beforeVisible } = before;
    await appendAudit(trx, actor, {
      action: 'unit.update',
      entityType: 'unit',
      entityId: id,
      summary: `修改单位 ${patch.name ?? before.name}`,
      before: beforeVisible,
      after: { ...patch, dutyRoomPhone: patch.dutyRoomPhone ? '[已加密]' : patch.dutyRoomPhone },
    }, now);
  });
  ctx.log.info({ unitId: id }, 'unit updated');
  const units = await listUnits(ctx, ctx.db.kysely, { showPhones: true });
  return units.find((unit) => unit.id === id)!;
}
