/**
 * 联合坐席: the seat configuration and who staffs each seat on a date. The
 * general-management seat (综合管理) is held by the day's duty officers from
 * the roster, so it is computed, not stored. Every other seat has a standby
 * person (席位备勤) from its responsible department per date.
 */
import { sql } from 'kysely';
import { formatInstant, type IsoDate } from '../../domain/time.js';
import { appendAudit, systemActor, type AuditActor } from '../audit/audit-log.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import type { SeatsTable } from '../db/seats-submissions-tables.js';
import { fromDbBool, fromDbInstant, fromDbJson, newId, toDbBool, toDbInstant, toDbJson } from '../db/sql-values.js';
import { AppError, invalidField, notFound } from '../errors.js';
import { dutyStaffOn } from '../roster/duty-staff.js';

export interface UnitRef {
  id: string;
  name: string;
}

export interface PersonRef {
  personId: string;
  name: string;
}

/** 席位 as the API returns it. */
export interface Seat {
  id: string;
  name: string;
  /** The always-staffed general-management seat, held by the day's duty officers. */
  isGeneral: boolean;
  units: UnitRef[];
  sortOrder: number;
  active: boolean;
}

export interface SeatInput {
  name: string;
  unitIds: string[];
  sortOrder: number;
  active: boolean;
}

/** Someone sitting at a seat now (签到 without 签退). */
export interface SeatOccupant {
  checkinId: string;
  personId: string;
  name: string;
  checkedInAt: string;
}

export interface SeatStaff {
  seat: Seat;
  /** The duty officers for the general seat, otherwise the standby person of the date; empty when none is scheduled. */
  standby: PersonRef[];
  occupants: SeatOccupant[];
}

export interface SeatStaffOnDate {
  date: IsoDate;
  /** Whether the day's roster is published; the general seat's officers come from it. */
  rosterPublished: boolean;
  seats: SeatStaff[];
}

/**
 * The Haikou seats of the seat work rules: seven seats and one reserved seat,
 * matched to departments by unit name. Another city edits them on the seats page.
 */
export const defaultSeats: { name: string; isGeneral: boolean; unitNames: string[]; active: boolean }[] = [
  { name: '综合管理', isGeneral: true, unitNames: [], active: true },
  { name: '社区矫正', isGeneral: false, unitNames: ['社区矫正科'], active: true },
  { name: '公共法律服务', isGeneral: false, unitNames: ['公共法律服务科'], active: true },
  { name: '警务督查', isGeneral: false, unitNames: ['法治督察科', '人事警务科'], active: true },
  { name: '戒毒管理', isGeneral: false, unitNames: ['海口市罗牛山强制隔离戒毒所'], active: true },
  { name: '网信舆情监控', isGeneral: false, unitNames: ['办公室'], active: true },
  { name: '未成年人法治教育', isGeneral: false, unitNames: ['海口市未成年人法制教育中心'], active: true },
  { name: '预留席位', isGeneral: false, unitNames: [], active: false },
];

/**
 * Creates the default seats on first use, when the table is empty. Units that
 * do not exist under the default names are left out of the seat's departments.
 */
export async function ensureDefaultSeats(ctx: AppContext): Promise<void> {
  const existing = await ctx.db.kysely.selectFrom('seats').select('id').limit(1).executeTakeFirst();
  if (existing) return;
  const now = ctx.clock.now();
  try {
    await ctx.db.kysely.transaction().execute(async (trx) => {
      const again = await trx.selectFrom('seats').select('id').limit(1).executeTakeFirst();
      if (again) return;
      const units = await trx.selectFrom('units').select(['id', 'name']).execute();
      const unitIdByName = new Map(units.map((unit) => [unit.name, unit.id]));
      for (const [index, seat] of defaultSeats.entries()) {
        await trx
          .insertInto('seats')
          .values({
            id: newId(),
            name: seat.name,
            is_general: toDbBool(seat.isGeneral),
            unit_ids: toDbJson(seat.unitNames.map((name) => unitIdByName.get(name)).filter((id): id is string => id !== undefined)),
            sort_order: index + 1,
            active: toDbBool(seat.active),
            created_at: toDbInstant(now),
            updated_at: toDbInstant(now),
          })
          .execute();
      }
      await appendAudit(trx, systemActor, { action: 'seat.seed', entityType: 'seat', summary: `载入默认席位（${defaultSeats.length}个）` }, now);
    });
    ctx.log.info({ seats: defaultSeats.length }, 'default seats created');
  } catch (error) {
    // Another request created them at the same moment (unique seat names).
    const created = await ctx.db.kysely.selectFrom('seats').select('id').limit(1).executeTakeFirst();
    if (!created) throw error;
  }
}

async function unitNames(db: Executor): Promise<Map<string, string>> {
  const rows = await db.selectFrom('units').select(['id', 'name']).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

function toSeat(row: SeatsTable, names: Map<string, string>): Seat {
  const unitIds = fromDbJson<string[]>(row.unit_ids, []);
  return {
    id: row.id,
    name: row.name,
    isGeneral: fromDbBool(row.is_general),
    units: unitIds.map((id) => ({ id, name: names.get(id) ?? '（已删除的单位）' })),
    sortOrder: Number(row.sort_order),
    active: fromDbBool(row.active),
  };
}

export async function listSeats(ctx: AppContext, db: Executor, options: { activeOnly?: boolean } = {}): Promise<Seat[]> {
  await ensureDefaultSeats(ctx);
  let query = db.selectFrom('seats').selectAll().orderBy('sort_order').orderBy('name');
  if (options.activeOnly) query = query.where('active', '=', 1);
  const rows = await query.execute();
  const names = await unitNames(db);
  return rows.map((row) => toSeat(row, names));
}

export async function getSeat(ctx: AppContext, db: Executor, id: string): Promise<Seat> {
  await ensureDefaultSeats(ctx);
  const row = await db.selectFrom('seats').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('席位');
  return toSeat(row, await unitNames(db));
}

async function assertUnitsExist(db: Executor, unitIds: readonly string[]): Promise<void> {
  if (unitIds.length === 0) return;
  const rows = await db.selectFrom('units').select(['id', 'active', 'name']).where('id', 'in', [...unitIds]).execute();
  if (rows.length !== new Set(unitIds).size) throw invalidField('责任单位', '中有不存在的单位，请重新选择。');
  const inactive = rows.find((row) => !fromDbBool(row.active));
  if (inactive) throw invalidField('责任单位', `中的${inactive.name}已停用，请选择其他单位。`);
}

async function assertNameFree(db: Executor, name: string, exceptId: string | null): Promise<void> {
  let query = db.selectFrom('seats').select('id').where('name', '=', name);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) throw new AppError('DUPLICATE', `已有名为“${name}”的席位，请换一个名称。`);
}

export async function createSeat(ctx: AppContext, actor: AuditActor, input: SeatInput): Promise<Seat> {
  await ensureDefaultSeats(ctx);
  const now = ctx.clock.now();
  const id = newId();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await assertNameFree(trx, input.name, null);
    await assertUnitsExist(trx, input.unitIds);
    await trx
      .insertInto('seats')
      .values({
        id,
        name: input.name,
        is_general: 0,
        unit_ids: toDbJson([...new Set(input.unitIds)]),
        sort_order: input.sortOrder,
        active: toDbBool(input.active),
        created_at: toDbInstant(now),
        updated_at: toDbInstant(now),
      })
      .execute();
    await appendAudit(trx, actor, { action: 'seat.create', entityType: 'seat', entityId: id, summary: `新增席位 ${input.name}`, after: input }, now);
  });
  ctx.log.info({ seatId: id }, 'seat created');
  return getSeat(ctx, ctx.db.kysely, id);
}

export async function updateSeat(ctx: AppContext, actor: AuditActor, id: string, patch: Partial<SeatInput>): Promise<Seat> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('seats').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('席位');
    if (patch.name !== undefined) await assertNameFree(trx, patch.name, id);
    if (patch.unitIds !== undefined) await assertUnitsExist(trx, patch.unitIds);
    if (fromDbBool(before.is_general) && patch.active === false) {
      throw invalidField('启用状态', '综合管理席为常设席位，不能停用。');
    }
    const changes: Partial<SeatsTable> = { updated_at: toDbInstant(now) };
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.unitIds !== undefined) changes.unit_ids = toDbJson([...new Set(patch.unitIds)]);
    if (patch.sortOrder !== undefined) changes.sort_order = patch.sortOrder;
    if (patch.active !== undefined) changes.active = toDbBool(patch.active);
    await trx.updateTable('seats').set(changes).where('id', '=', id).execute();
    await appendAudit(trx, actor, { action: 'seat.update', entityType: 'seat', entityId: id, summary: `修改席位 ${patch.name ?? before.name}`, before, after: patch }, now);
  });
  ctx.log.info({ seatId: id }, 'seat updated');
  return getSeat(ctx, ctx.db.kysely, id);
}

/** Open check-ins of every seat, by seat id. */
export async function openCheckinsBySeat(ctx: AppContext, db: Executor): Promise<Map<string, SeatOccupant[]>> {
  const rows = await db.selectFrom('seat_checkins').selectAll().where('checked_out_at', 'is', null).orderBy('checked_in_at').execute();
  const bySeat = new Map<string, SeatOccupant[]>();
  for (const row of rows) {
    const list = bySeat.get(row.seat_id) ?? [];
    list.push({ checkinId: row.id, personId: row.person_id, name: row.person_name, checkedInAt: formatInstant(fromDbInstant(row.checked_in_at), ctx.config.timeZone) });
    bySeat.set(row.seat_id, list);
  }
  return bySeat;
}

/**
 * Returns who staffs each active seat on a duty date: the roster's duty
 * officers (final, after swaps) at the general seat and the scheduled standby
 * person at the others. `occupants` are the people checked in right now,
 * whatever the date.
 */
export async function seatStaffOn(ctx: AppContext, db: Executor, date: IsoDate): Promise<SeatStaffOnDate> {
  const seats = await listSeats(ctx, db, { activeOnly: true });
  const duty = await dutyStaffOn(ctx, db, date);
  const standbyRows = await db
    .selectFrom('seat_standby')
    .innerJoin('people', 'people.id', 'seat_standby.person_id')
    .select(['seat_standby.seat_id', 'people.id as person_id', 'people.name'])
    .where('seat_standby.date', '=', date)
    .execute();
  const standbyBySeat = new Map(standbyRows.map((row) => [row.seat_id, { personId: row.person_id, name: row.name }]));
  const occupants = await openCheckinsBySeat(ctx, db);

  return {
    date,
    rosterPublished: duty.published,
    seats: seats.map((seat) => {
      const scheduled = standbyBySeat.get(seat.id);
      const standby = seat.isGeneral
        ? duty.officers.map((officer) => ({ personId: officer.personId, name: officer.name }))
        : scheduled
          ? [scheduled]
          : [];
      return { seat, standby, occupants: occupants.get(seat.id) ?? [] };
    }),
  };
}

/** Number of seats with at least one open check-in, for summaries. */
export async function countOccupiedSeats(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('seat_checkins')
    .select(sql<number>`count(distinct seat_id)`.as('count'))
    .where('checked_out_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
