/**
 * 席位备勤表: the standby person of each non-general seat per date of a month,
 * entered by hand or filled from the departments' monthly submissions.
 */
import { datesBetween, monthBounds, type IsoDate } from '../../domain/time.js';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import { fromDbBool, fromDbJson, newId, toDbInstant } from '../db/sql-values.js';
import { AppError, forbidden } from '../errors.js';
import { planStandbyRotation, type SubmissionEntry } from '../submissions/submission-rules.js';
import type { DutyRole } from '../../shared/roles.js';
import { listSeats, type Seat } from './seats.service.js';

export interface StandbyAssignment {
  seatId: string;
  date: IsoDate;
  personId: string;
  name: string;
  source: 'manual' | 'submission';
}

export interface StandbyChange {
  seatId: string;
  date: IsoDate;
  /** Null clears the date. */
  personId: string | null;
}

export interface StandbyProblem {
  index: number;
  field: string;
  message: string;
}

export async function standbySchedule(db: Executor, month: string): Promise<StandbyAssignment[]> {
  const { first, last } = monthBounds(month);
  const rows = await db
    .selectFrom('seat_standby')
    .innerJoin('people', 'people.id', 'seat_standby.person_id')
    .select(['seat_standby.seat_id', 'seat_standby.date', 'seat_standby.person_id', 'seat_standby.source', 'people.name'])
    .where('seat_standby.date', '>=', first)
    .where('seat_standby.date', '<=', last)
    .orderBy('seat_standby.date')
    .execute();
  return rows.map((row) => ({ seatId: row.seat_id, date: row.date, personId: row.person_id, name: row.name, source: row.source === 'submission' ? 'submission' : 'manual' }));
}

/** Lists the people who may stand by at each seat: active seat standby (席位备勤) staff of the seat's departments. */
export async function standbyCandidates(db: Executor, seats: readonly Seat[]): Promise<Record<string, { personId: string; name: string }[]>> {
  const people = await db.selectFrom('people').select(['id', 'name', 'unit_id', 'duty_roles']).where('active', '=', 1).orderBy('name').execute();
  const standby = people.filter((person) => fromDbJson<DutyRole[]>(person.duty_roles, []).includes('seat_standby'));
  return Object.fromEntries(
    seats.map((seat) => [
      seat.id,
      standby.filter((person) => seat.units.length === 0 || seat.units.some((unit) => unit.id === person.unit_id)).map((person) => ({ personId: person.id, name: person.name })),
    ]),
  );
}

/** Seats whose standby schedule the user may edit: every seat for the center, otherwise the seats of the user's unit. */
export function editableSeats(seats: readonly Seat[], user: { unitId: string }, editsAll: boolean): Seat[] {
  const standbySeats = seats.filter((seat) => !seat.isGeneral && seat.active);
  return editsAll ? standbySeats : standbySeats.filter((seat) => seat.units.some((unit) => unit.id === user.unitId));
}

/**
 * Applies changes to one month's schedule. Every change is checked first, and
 * nothing is saved when one is invalid. The date must be in the month and
 * the seat a standby seat the user may edit. The person must be active, a
 * seat standby (席位备勤) and from one of the seat's departments.
 */
export async function updateStandby(
  ctx: AppContext,
  actor: AuditActor,
  month: string,
  changes: readonly StandbyChange[],
  options: { user: { unitId: string }; editsAll: boolean },
): Promise<StandbyAssignment[]> {
  const { first, last } = monthBounds(month);
  const seats = await listSeats(ctx, ctx.db.kysely);
  const editable = new Map(editableSeats(seats, options.user, options.editsAll).map((seat) => [seat.id, seat]));
  const personIds = [...new Set(changes.map((change) => change.personId).filter((id): id is string => id !== null))];
  const people = personIds.length === 0 ? [] : await ctx.db.kysely.selectFrom('people').select(['id', 'name', 'unit_id', 'active', 'duty_roles']).where('id', 'in', personIds).execute();
  const personById = new Map(people.map((person) => [person.id, person]));

  const problems: StandbyProblem[] = [];
  changes.forEach((change, index) => {
    const problem = (field: string, message: string) => problems.push({ index, field, message });
    if (change.date < first || change.date > last) problem('日期', `${change.date}不在${month}月内`);
    const seat = editable.get(change.seatId);
    if (!seat) {
      const known = seats.find((candidate) => candidate.id === change.seatId);
      if (known && !known.isGeneral && known.active && !options.editsAll) throw forbidden(`您所在单位不负责“${known.name}”席位，不能修改其备勤安排。`);
      problem('席位', known ? `“${known.name}”不需要安排备勤人员` : '所选席位不存在');
      return;
    }
    if (change.personId === null) return;
    const person = personById.get(change.personId);
    if (!person) return problem('人员', '所选人员不存在');
    if (!fromDbBool(person.active)) problem('人员', `${person.name}已停用`);
    if (!fromDbJson<DutyRole[]>(person.duty_roles, []).includes('seat_standby')) problem('人员', `${person.name}不是席位备勤人员，请先在人员管理中为其设置“席位备勤”角色`);
    if (seat.units.length > 0 && !seat.units.some((unit) => unit.id === person.unit_id)) problem('人员', `${person.name}不属于“${seat.name}”席位的责任单位`);
  });
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', `备勤安排有${problems.length}处错误，未保存任何修改，请按提示修改。`, { fields: problems.map((item) => ({ field: `entries.${item.index}`, message: `${item.field}：${item.message}` })) });
  }

  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    for (const change of changes) {
      await writeStandby(trx, change, 'manual', now, actor.userId);
    }
    await appendAudit(trx, actor, { action: 'seat.standby.update', entityType: 'seat_standby', entityId: month, summary: `修改${month}席位备勤安排（${changes.length}项）`, after: changes }, now);
  });
  ctx.log.info({ month, changes: changes.length }, 'seat standby updated');
  return standbySchedule(ctx.db.kysely, month);
}

async function writeStandby(trx: Executor, change: StandbyChange, source: 'manual' | 'submission', now: Date, userId: string | null): Promise<void> {
  await trx.deleteFrom('seat_standby').where('seat_id', '=', change.seatId).where('date', '=', change.date).execute();
  if (change.personId === null) return;
  await trx
    .insertInto('seat_standby')
    .values({ id: newId(), seat_id: change.seatId, date: change.date, person_id: change.personId, source, updated_at: toDbInstant(now), updated_by: userId })
    .execute();
}

/**
 * Fills the dates of a month that have no standby person yet, per seat, by
 * rotating through the people the seat's departments submitted for it.
 * Returns how many dates were filled.
 */
export async function fillStandbyFromSubmissions(ctx: AppContext, actor: AuditActor, month: string): Promise<number> {
  const { first, last } = monthBounds(month);
  const dates = datesBetween(first, last);
  const seats = (await listSeats(ctx, ctx.db.kysely, { activeOnly: true })).filter((seat) => !seat.isGeneral);
  const now = ctx.clock.now();

  const filled = await ctx.db.kysely.transaction().execute(async (trx) => {
    const submissions = await trx.selectFrom('duty_submissions').select(['unit_id', 'entries']).where('month', '=', month).execute();
    const existing = await standbySchedule(trx, month);
    const activePeople = new Set((await trx.selectFrom('people').select('id').where('active', '=', 1).execute()).map((row) => row.id));
    let count = 0;
    for (const seat of seats) {
      const proposed: string[] = [];
      for (const submission of submissions) {
        for (const entry of fromDbJson<SubmissionEntry[]>(submission.entries, [])) {
          if (entry.role !== 'seat_standby' || entry.seatId !== seat.id) continue;
          for (const person of entry.people) {
            if (activePeople.has(person.personId) && !proposed.includes(person.personId)) proposed.push(person.personId);
          }
        }
      }
      const taken = new Set(existing.filter((item) => item.seatId === seat.id).map((item) => item.date));
      for (const assignment of planStandbyRotation(dates, proposed, taken)) {
        await writeStandby(trx, { seatId: seat.id, date: assignment.date, personId: assignment.personId }, 'submission', now, actor.userId);
        count += 1;
      }
    }
    await appendAudit(trx, actor, { action: 'seat.standby.fill', entityType: 'seat_standby', entityId: month, summary: `按月度报送生成${month}席位备勤安排（${count}天次）` }, now);
    return count;
  });
  ctx.log.info({ month, filled }, 'seat standby filled from submissions');
  return filled;
}
