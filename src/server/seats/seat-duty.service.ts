/**
 * Seat duty: activating all seats for a sensitive period or an incident
 * (席位启用), seat check-in and check-out (签到/签退) and the seat log (席位日志).
 */
import { sql } from 'kysely';
import { formatInstant } from '../../domain/time.js';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import type { SeatActivationsTable, SeatCheckinsTable, SeatLogEntriesTable } from '../db/seats-submissions-tables.js';
import { fromDbBool, fromDbInstant, newId, toDbInstant } from '../db/sql-values.js';
import { invalidField, invalidState, notFound } from '../errors.js';
import { getSeat } from './seats.service.js';

/** 席位启用记录 as the API returns it. */
export interface SeatActivation {
  id: string;
  reason: string;
  incidentId: string | null;
  startedAt: string;
  startedByName: string | null;
  endedAt: string | null;
  endedByName: string | null;
  active: boolean;
}

export interface SeatCheckin {
  id: string;
  seatId: string;
  activationId: string | null;
  personId: string;
  name: string;
  checkedInAt: string;
  checkedOutAt: string | null;
}

export interface SeatLogEntry {
  id: string;
  seatId: string;
  activationId: string | null;
  at: string;
  authorName: string;
  content: string;
}

function toActivation(ctx: AppContext, row: SeatActivationsTable): SeatActivation {
  const zone = ctx.config.timeZone;
  return {
    id: row.id,
    reason: row.reason,
    incidentId: row.incident_id,
    startedAt: formatInstant(fromDbInstant(row.started_at), zone),
    startedByName: row.started_by_name,
    endedAt: row.ended_at ? formatInstant(fromDbInstant(row.ended_at), zone) : null,
    endedByName: row.ended_by_name,
    active: row.ended_at === null,
  };
}

function toCheckin(ctx: AppContext, row: SeatCheckinsTable): SeatCheckin {
  const zone = ctx.config.timeZone;
  return {
    id: row.id,
    seatId: row.seat_id,
    activationId: row.activation_id,
    personId: row.person_id,
    name: row.person_name,
    checkedInAt: formatInstant(fromDbInstant(row.checked_in_at), zone),
    checkedOutAt: row.checked_out_at ? formatInstant(fromDbInstant(row.checked_out_at), zone) : null,
  };
}

function toLogEntry(ctx: AppContext, row: SeatLogEntriesTable): SeatLogEntry {
  return {
    id: row.id,
    seatId: row.seat_id,
    activationId: row.activation_id,
    at: formatInstant(fromDbInstant(row.at), ctx.config.timeZone),
    authorName: row.author_name,
    content: row.content,
  };
}

async function openActivationRow(db: Executor): Promise<SeatActivationsTable | undefined> {
  return db.selectFrom('seat_activations').selectAll().where('ended_at', 'is', null).orderBy('started_at', 'desc').executeTakeFirst();
}

export async function currentActivation(ctx: AppContext, db: Executor): Promise<SeatActivation | null> {
  const row = await openActivationRow(db);
  return row ? toActivation(ctx, row) : null;
}

export async function listActivations(ctx: AppContext, db: Executor, page: number, pageSize: number) {
  const total = await db.selectFrom('seat_activations').select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('seat_activations')
    .selectAll()
    .orderBy('started_at', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(total.count), activations: rows.map((row) => toActivation(ctx, row)) };
}

/**
 * Activates all seats (启用全部席位) for a sensitive period or an incident and
 * notifies every signed-in user at once. Only one activation is open at a time.
 * When one is already open it is returned unchanged with `created: false`, so
 * an incident that calls this never fails because the seats are already up.
 */
export async function activateSeats(
  ctx: AppContext,
  actor: AuditActor,
  input: { reason: string; incidentId?: string | null },
): Promise<{ activation: SeatActivation; created: boolean }> {
  const now = ctx.clock.now();
  const result = await ctx.db.kysely.transaction().execute(async (trx) => {
    const open = await openActivationRow(trx);
    if (open) return { row: open, created: false };
    const row: SeatActivationsTable = {
      id: newId(),
      reason: input.reason,
      incident_id: input.incidentId ?? null,
      started_at: toDbInstant(now),
      started_by_user_id: actor.userId,
      started_by_name: actor.name,
      ended_at: null,
      ended_by_user_id: null,
      ended_by_name: null,
    };
    await trx.insertInto('seat_activations').values(row).execute();
    await appendAudit(trx, actor, { action: 'seat.activate', entityType: 'seat_activation', entityId: row.id, summary: `启用联合坐席：${input.reason}`, after: { reason: input.reason, incidentId: row.incident_id } }, now);
    return { row, created: true };
  });

  const activation = toActivation(ctx, result.row);
  if (result.created) {
    ctx.log.info({ activationId: activation.id, incidentId: activation.incidentId }, 'seats activated');
    await ctx.events.publish({
      type: 'seats.activated',
      title: `联合坐席已启用：${activation.reason}。请各席位备勤人员到指挥中心席位值守。`,
      urgent: true,
      data: { activationId: activation.id, incidentId: activation.incidentId },
      at: activation.startedAt,
    });
  }
  return { activation, created: result.created };
}

/** Ends an activation; people still at non-general seats are checked out at the same moment. */
export async function endActivation(ctx: AppContext, actor: AuditActor, id: string): Promise<SeatActivation> {
  const now = ctx.clock.now();
  const row = await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('seat_activations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('席位启用记录');
    if (before.ended_at !== null) throw invalidState('该次席位启用已结束，请刷新后查看。');
    await trx
      .updateTable('seat_activations')
      .set({ ended_at: toDbInstant(now), ended_by_user_id: actor.userId, ended_by_name: actor.name })
      .where('id', '=', id)
      .execute();
    await trx
      .updateTable('seat_checkins')
      .set({ checked_out_at: toDbInstant(now) })
      .where('activation_id', '=', id)
      .where('checked_out_at', 'is', null)
      .execute();
    await appendAudit(trx, actor, { action: 'seat.deactivate', entityType: 'seat_activation', entityId: id, summary: `结束联合坐席启用：${before.reason}` }, now);
    return trx.selectFrom('seat_activations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  });
  const activation = toActivation(ctx, row);
  ctx.log.info({ activationId: id }, 'seat activation ended');
  await ctx.events.publish({ type: 'seats.deactivated', title: `联合坐席启用已结束：${activation.reason}`, data: { activationId: id }, at: activation.endedAt ?? activation.startedAt });
  return activation;
}

/**
 * Records that a person took a seat. The seat must be active, and a person
 * takes at most one seat at a time. A check-in during an activation belongs to it.
 */
export async function checkIn(ctx: AppContext, actor: AuditActor, seatId: string, personId: string): Promise<SeatCheckin> {
  const now = ctx.clock.now();
  const seat = await getSeat(ctx, ctx.db.kysely, seatId);
  if (!seat.active) throw invalidState(`席位“${seat.name}”未启用，不能签到。`);
  const row = await ctx.db.kysely.transaction().execute(async (trx) => {
    const person = await trx.selectFrom('people').select(['id', 'name', 'active']).where('id', '=', personId).executeTakeFirst();
    if (!person) throw invalidField('人员', '所选人员不存在，请重新选择。');
    if (!fromDbBool(person.active)) throw invalidField('人员', `${person.name}已停用，不能签到。`);
    const elsewhere = await trx
      .selectFrom('seat_checkins')
      .innerJoin('seats', 'seats.id', 'seat_checkins.seat_id')
      .select('seats.name')
      .where('seat_checkins.person_id', '=', personId)
      .where('seat_checkins.checked_out_at', 'is', null)
      .executeTakeFirst();
    if (elsewhere) throw invalidState(`${person.name}已在“${elsewhere.name}”席位签到，请先签退再签到其他席位。`);
    const activation = await openActivationRow(trx);
    const checkin: SeatCheckinsTable = {
      id: newId(),
      seat_id: seatId,
      activation_id: activation?.id ?? null,
      person_id: person.id,
      person_name: person.name,
      checked_in_at: toDbInstant(now),
      checked_out_at: null,
      recorded_by_user_id: actor.userId,
    };
    await trx.insertInto('seat_checkins').values(checkin).execute();
    await appendAudit(trx, actor, { action: 'seat.check_in', entityType: 'seat_checkin', entityId: checkin.id, summary: `${person.name} 在“${seat.name}”席位签到` }, now);
    return checkin;
  });
  ctx.log.info({ seatId, checkinId: row.id }, 'seat check-in');
  return toCheckin(ctx, row);
}

export async function checkOut(ctx: AppContext, actor: AuditActor, seatId: string, personId: string): Promise<SeatCheckin> {
  const now = ctx.clock.now();
  const seat = await getSeat(ctx, ctx.db.kysely, seatId);
  const row = await ctx.db.kysely.transaction().execute(async (trx) => {
    const open = await trx
      .selectFrom('seat_checkins')
      .selectAll()
      .where('seat_id', '=', seatId)
      .where('person_id', '=', personId)
      .where('checked_out_at', 'is', null)
      .executeTakeFirst();
    if (!open) throw invalidState(`该人员未在“${seat.name}”席位签到，无需签退。`);
    await trx.updateTable('seat_checkins').set({ checked_out_at: toDbInstant(now) }).where('id', '=', open.id).execute();
    await appendAudit(trx, actor, { action: 'seat.check_out', entityType: 'seat_checkin', entityId: open.id, summary: `${open.person_name} 在“${seat.name}”席位签退` }, now);
    return { ...open, checked_out_at: toDbInstant(now) };
  });
  ctx.log.info({ seatId, checkinId: row.id }, 'seat check-out');
  return toCheckin(ctx, row);
}

export async function listCheckins(ctx: AppContext, db: Executor, seatId: string, limit: number): Promise<SeatCheckin[]> {
  const rows = await db.selectFrom('seat_checkins').selectAll().where('seat_id', '=', seatId).orderBy('checked_in_at', 'desc').limit(limit).execute();
  return rows.map((row) => toCheckin(ctx, row));
}

/** Returns whether the person is checked in at the seat now. */
export async function isCheckedInAt(db: Executor, seatId: string, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('seat_checkins')
    .select('id')
    .where('seat_id', '=', seatId)
    .where('person_id', '=', personId)
    .where('checked_out_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function addLogEntry(ctx: AppContext, actor: AuditActor, seatId: string, content: string): Promise<SeatLogEntry> {
  const now = ctx.clock.now();
  const seat = await getSeat(ctx, ctx.db.kysely, seatId);
  const row = await ctx.db.kysely.transaction().execute(async (trx) => {
    const activation = await openActivationRow(trx);
    const entry: SeatLogEntriesTable = {
      id: newId(),
      seat_id: seatId,
      activation_id: activation?.id ?? null,
      at: toDbInstant(now),
      author_user_id: actor.userId,
      author_name: actor.name ?? '',
      content,
    };
    await trx.insertInto('seat_log_entries').values(entry).execute();
    await appendAudit(trx, actor, { action: 'seat.log', entityType: 'seat_log_entry', entityId: entry.id, summary: `填写“${seat.name}”席位日志`, after: { content } }, now);
    return entry;
  });
  ctx.log.info({ seatId, entryId: row.id }, 'seat log entry added');
  return toLogEntry(ctx, row);
}

export async function listLogEntries(ctx: AppContext, db: Executor, seatId: string, limit: number): Promise<SeatLogEntry[]> {
  const rows = await db.selectFrom('seat_log_entries').selectAll().where('seat_id', '=', seatId).orderBy('at', 'desc').limit(limit).execute();
  return rows.map((row) => toLogEntry(ctx, row));
}
