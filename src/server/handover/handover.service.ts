/** The daily handover meeting (交接班会) and which shift is responsible now. */
import { planHandover, type HandoverParticipant } from '../../domain/duty-report/index.js';
import { addDays, dutyDateOf, formatInstant, zonedInstant, type IsoDate } from '../../domain/time.js';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import type { SessionUser } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import { fromDbJson, toDbInstant, toDbJson } from '../db/sql-values.js';
import { forbidden, invalidState } from '../errors.js';
import { readSetting } from '../settings.js';
import { dutyStaffOn, type FinalRosterDay } from '../roster/duty-staff.js';
import { dutyStaffPosts } from '../duty-signin/duty-signin.service.js';

export const HANDOVER_SETTINGS_KEY = 'handover.meeting';
export interface HandoverSettings {
  /** Start and end of the meeting, HH:mm. */
  start: string;
  end: string;
}
export const DEFAULT_HANDOVER_SETTINGS: HandoverSettings = { start: '08:30', end: '09:00' };

export interface HandoverView {
  date: IsoDate;
  startsAt: string;
  endsAt: string;
  dayType: string;
  commanderLed: boolean;
  chair: { personId: string; name: string; label: string } | null;
  participants: (HandoverParticipant & { attended: boolean })[];
  previousOfficerReport: string | null;
  previousLeaderReport: string | null;
  leaderInstructions: string | null;
  matters: string | null;
  record: string | null;
  confirmedAt: string | null;
  confirmedBy: string | null;
  saved: boolean;
}

export interface HandoverInput {
  attendedPersonIds: string[];
  previousOfficerReport?: string | null;
  previousLeaderReport?: string | null;
  leaderInstructions?: string | null;
  matters?: string | null;
  record?: string | null;
}

function staffOf(day: FinalRosterDay) {
  return { commander: day.commander, shiftLeader: day.shiftLeader, officers: day.officers };
}

/** Returns the meeting of a duty day: the saved record, or the plan from both days' rosters. */
export async function getHandover(ctx: AppContext, db: Executor, date: IsoDate): Promise<HandoverView> {
  const settings = await readSetting(db, HANDOVER_SETTINGS_KEY, DEFAULT_HANDOVER_SETTINGS);
  const [previous, current] = [await dutyStaffOn(ctx, db, addDays(date, -1)), await dutyStaffOn(ctx, db, date)];
  const plan = planHandover(current.dayType, staffOf(previous), staffOf(current));
  const row = await db.selectFrom('handover_meetings').selectAll().where('duty_date', '=', date).executeTakeFirst();
  const tz = ctx.config.timeZone;
  const attended = new Set(row ? fromDbJson<{ personId: string; shift: string; attended: boolean }[]>(row.participants, []).filter((p) => p.attended).map((p) => `${p.shift}:${p.personId}`) : []);
  return {
    date,
    startsAt: row ? formatInstant(new Date(row.starts_at), tz) : formatInstant(zonedInstant(date, settings.start, tz), tz),
    endsAt: row ? formatInstant(new Date(row.ends_at), tz) : formatInstant(zonedInstant(date, settings.end, tz), tz),
    dayType: current.dayType,
    commanderLed: plan.commanderLed,
    chair: plan.chair,
    participants: plan.participants.map((participant) => ({ ...participant, attended: attended.has(`${participant.shift}:${participant.personId}`) })),
    previousOfficerReport: row?.previous_officer_report ?? null,
    previousLeaderReport: row?.previous_leader_report ?? null,
    leaderInstructions: row?.leader_instructions ?? null,
    matters: row?.matters ?? null,
    record: row?.record ?? null,
    confirmedAt: row?.confirmed_at ? formatInstant(new Date(row.confirmed_at), tz) : null,
    confirmedBy: row?.confirmed_by_name ?? null,
    saved: Boolean(row),
  };
}

/** Saves attendance and what was handed over; a confirmed meeting can no longer change. */
export async function saveHandover(ctx: AppContext, actor: AuditActor, date: IsoDate, input: HandoverInput): Promise<HandoverView> {
  const now = ctx.clock.now();
  const view = await getHandover(ctx, ctx.db.kysely, date);
  if (view.confirmedAt) throw invalidState('交接班已由当日值班人员确认，记录不能再修改。');
  const known = new Set(view.participants.map((participant) => participant.personId));
  const unknown = input.attendedPersonIds.find((id) => !known.has(id));
  if (unknown) throw invalidState('出席人员不在本次交接班会的应参加人员中，请刷新后重新勾选。');

  const attended = new Set(input.attendedPersonIds);
  const participants = view.participants.map((participant) => ({ personId: participant.personId, name: participant.name, shift: participant.shift, post: participant.post, attended: attended.has(participant.personId) }));
  const values = {
    starts_at: toDbInstant(new Date(view.startsAt)),
    ends_at: toDbInstant(new Date(view.endsAt)),
    chair_person_id: view.chair?.personId ?? null,
    chair_name: view.chair?.name ?? null,
    participants: toDbJson(participants),
    previous_officer_report: input.previousOfficerReport ?? null,
    previous_leader_report: input.previousLeaderReport ?? null,
    leader_instructions: input.leaderInstructions ?? null,
    matters: input.matters ?? null,
    record: input.record ?? null,
    updated_at: toDbInstant(now),
    updated_by_name: actor.name ?? '未知',
  };
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('handover_meetings').select('duty_date').where('duty_date', '=', date).executeTakeFirst();
    if (exists) await trx.updateTable('handover_meetings').set(values).where('duty_date', '=', date).execute();
    else await trx.insertInto('handover_meetings').values({ duty_date: date, confirmed_at: null, confirmed_by_name: null, ...values }).execute();
    await appendAudit(trx, actor, { action: 'handover.saved', entityType: 'handover_meeting', entityId: date, summary: `保存 ${date} 交接班记录`, after: values }, now);
  });
  return getHandover(ctx, ctx.db.kysely, date);
}

/** Records the new shift's confirmation of the handover; only a person on the date's duty (after swaps) may confirm. */
export async function confirmHandover(ctx: AppContext, user: SessionUser, actor: AuditActor, date: IsoDate): Promise<HandoverView> {
  const now = ctx.clock.now();
  const staff = await dutyStaffOn(ctx, ctx.db.kysely, date);
  const post = dutyStaffPosts(staff).find((entry) => entry.personId === user.personId);
  if (!post) throw forbidden(`只有 ${date} 当日的值班人员（以换班替班后的值班表为准）才能确认接班。`);
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('handover_meetings').select(['confirmed_at']).where('duty_date', '=', date).executeTakeFirst();
    if (!row) throw invalidState('请先填写并保存交接班记录，再确认接班。');
    if (row.confirmed_at) throw invalidState('交接班已确认，请勿重复确认。');
    await trx.updateTable('handover_meetings').set({ confirmed_at: toDbInstant(now), confirmed_by_name: post.name }).where('duty_date', '=', date).execute();
    await appendAudit(trx, actor, { action: 'handover.confirmed', entityType: 'handover_meeting', entityId: date, summary: `${post.name}确认 ${date} 接班` }, now);
  });
  return getHandover(ctx, ctx.db.kysely, date);
}

export interface ResponsibleShift {
  /** Duty date of the shift that is responsible now. */
  date: IsoDate;
  /** True while the new shift has not confirmed the handover and the previous shift stays responsible. */
  awaitingHandover: boolean;
  commander: { personId: string; name: string } | null;
  shiftLeader: { personId: string; name: string } | null;
  officers: { personId: string; name: string }[];
}

/**
 * Returns the shift responsible at `now`: the shift of the current duty day
 * once it confirmed the handover, otherwise the previous day's shift.
 */
export async function responsibleShift(ctx: AppContext, db: Executor, now: Date): Promise<ResponsibleShift> {
  const today = dutyDateOf(now, ctx.config.timeZone, ctx.config.handoverTime);
  const meeting = await db.selectFrom('handover_meetings').select('confirmed_at').where('duty_date', '=', today).executeTakeFirst();
  const confirmed = Boolean(meeting?.confirmed_at);
  const date = confirmed ? today : addDays(today, -1);
  const staff = await dutyStaffOn(ctx, db, date);
  return { date, awaitingHandover: !confirmed, commander: staff.commander, shiftLeader: staff.shiftLeader, officers: staff.officers };
}
