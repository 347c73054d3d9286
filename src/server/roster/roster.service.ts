/**
 * 排班: generation, manual adjustment of a draft and publication. After
 * publication a roster changes only through approved swaps and substitutions
 * (duty-requests.service.ts) or an explicit, confirmed regeneration of its
 * future days. Days up to today's duty date are never regenerated.
 */
import {
  DUTY_ROLE_LABELS,
  generateRoster,
  proposeSubstitutes,
  type DutyRole,
  type LockedDay,
  type RosterDay,
  type SubstituteCandidate,
} from '../../domain/roster/index.js';
import { addDays, type IsoDate } from '../../domain/time.js';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import { classifyDate, currentDutyDate, loadCalendarContext } from '../calendar/calendar.service.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import type { AssignmentRole, RosterAssignmentsTable, RosterChangeKind } from '../db/calendar-roster-tables.js';
import { newId, toDbInstant, toDbJson } from '../db/sql-values.js';
import { AppError, invalidField, invalidState } from '../errors.js';
import { checkedMonth, classifyMonth, getRoster, officersNeededByDate, toRosterValidationError, type RosterView } from './roster-read.js';
import { fairnessWindowOf, readRosterSettings } from './roster-settings.js';
import { loadApprovedLeave, loadAssignmentsAsHistory, loadQueues, syncRotationMembers } from './rotation.js';

export { finalRosterForRange, dutyStaffOn, type FinalRosterDay } from './duty-staff.js';
export { getRoster, type RosterView } from './roster-read.js';

/** Days of history loaded around a month, so the rest rule and the round-robin see the neighbouring months. */
const NEIGHBOUR_DAYS = 62;

export interface GenerateOptions {
  /** Needed to regenerate a published month; only days after today's duty date change. */
  confirmRegenerate?: boolean;
}

export async function generateMonth(ctx: AppContext, actor: AuditActor, month: string, options: GenerateOptions = {}): Promise<RosterView> {
  const { first, last } = checkedMonth(month);
  const now = ctx.clock.now();
  const today = currentDutyDate(ctx);

  await ctx.db.kysely.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('rosters').selectAll().where('month', '=', month).executeTakeFirst();
    const published = existing?.status === 'published';
    if (published && last <= today) {
      throw invalidState(`${month} 的排班已发布且值班日均已开始或过去，不能重新生成`);
    }
    if (published && !options.confirmRegenerate) {
      throw new AppError(
        'CONFIRMATION_REQUIRED',
        `${month} 的排班已发布。重新生成只改 ${addDays(today, 1)} 及以后的值班日，并记入变更记录；请确认后重试（confirmRegenerate: true）`,
      );
    }

    // A newcomer joins on the first day this generation can give them, so the
    // generator neither draws them earlier nor makes them catch up on past duties.
    const firstOpenDay = [first, addDays(today, 1)].sort()[1]!;
    await syncRotationMembers(trx, firstOpenDay);
    const { calendar, days } = await classifyMonth(ctx, trx, month);
    const settings = await readRosterSettings(trx);
    const current = await trx.selectFrom('roster_assignments').selectAll().where('month', '=', month).execute();
    const lockedDays = lockDaysUpTo(current, today);
    const needed = await officersNeededByDate(trx, days, settings);
    const window = fairnessWindowOf(settings, month);
    const historyFrom = [window?.from ?? `${month.slice(0, 4)}-01-01`, addDays(first, -NEIGHBOUR_DAYS)].sort()[0]!;

    let result;
    try {
      result = generateRoster({
        month,
        days,
        queues: await loadQueues(trx),
        history: await loadAssignmentsAsHistory(trx, calendar, historyFrom, addDays(last, NEIGHBOUR_DAYS), month),
        officersOnDate: Object.fromEntries(needed),
        unavailability: await loadApprovedLeave(trx, addDays(first, -1), addDays(last, 1)),
        minRestDays: settings.minRestDays,
        lockedDays,
        ...(window ? { fairnessWindow: window } : {}),
      });
    } catch (error) {
      throw toRosterValidationError(error);
    }
    if (published && result.gapReport.length > 0) {
      throw new AppError('ROSTER_HAS_GAPS', `重新生成后仍有空缺，已保留原排班：${summarize(result.gapReport.map((gap) => gap.message))}`);
    }

    const lockedDates = new Set(lockedDays.map((day) => day.date));
    const previous = current.filter((row) => !lockedDates.has(row.date));
    await trx.deleteFrom('roster_assignments').where('month', '=', month).where('date', 'not in', [...lockedDates, '0000-00-00']).execute();
    for (const day of result.days.filter((candidate) => !lockedDates.has(candidate.date))) {
      await insertDay(trx, month, day, published, now);
    }
    if (published) await recordRegeneratedPosts(trx, actor, month, previous, result.days, now);

    const report = toDbJson({ gapReport: result.gapReport, warnings: result.warnings });
    if (existing) {
      await trx
        .updateTable('rosters')
        .set({ generated_at: toDbInstant(now), generated_by: actor.userId, report_json: report, updated_at: toDbInstant(now) })
        .where('id', '=', existing.id)
        .execute();
    } else {
      await trx
        .insertInto('rosters')
        .values({
          id: newId(), month, status: 'draft', generated_at: toDbInstant(now), generated_by: actor.userId,
          published_at: null, published_by: null, published_by_name: null, report_json: report, updated_at: toDbInstant(now),
        })
        .execute();
    }
    const kind: RosterChangeKind = existing ? 'regenerate' : 'generate';
    await insertChange(trx, actor, { month, kind, note: `${lockedDays.length} 天保持不变` }, now);
    await appendAudit(trx, actor, {
      action: existing ? 'roster.regenerate' : 'roster.generate',
      entityType: 'roster',
      entityId: month,
      summary: `${existing ? '重新生成' : '生成'} ${month} 排班（保留 ${lockedDays.length} 天，空缺 ${result.gapReport.length} 处）`,
      after: { lockedDays: lockedDays.length, gaps: result.gapReport.length, warnings: result.warnings.length },
    }, now);
  });

  ctx.log.info({ month, actorUserId: actor.userId }, 'roster generated');
  return getRoster(ctx, ctx.db.kysely, month);
}

/** Publishes a draft. A roster with empty posts, double posts or people on leave is rejected with the list. */
export async function publishRoster(ctx: AppContext, actor: AuditActor, month: string): Promise<RosterView> {
  checkedMonth(month);
  const now = ctx.clock.now();
  const view = await getRoster(ctx, ctx.db.kysely, month);
  if (view.status === 'published') throw invalidState(`${month} 的排班已于 ${view.publishedAt ?? ''} 发布，无需重复发布`);
  if (view.gaps.length > 0) {
    throw new AppError('ROSTER_HAS_GAPS', `排班存在 ${view.gaps.length} 处空缺或冲突，不能发布：${summarize(view.gaps.map((gap) => gap.message))}`, { gaps: view.gaps });
  }

  await ctx.db.kysely.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('rosters')
      .set({ status: 'published', published_at: toDbInstant(now), published_by: actor.userId, published_by_name: actor.name, updated_at: toDbInstant(now) })
      .where('month', '=', month)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw invalidState(`${month} 的排班已被他人发布，请刷新`);
    const rows = await trx.selectFrom('roster_assignments').select(['id', 'person_id', 'person_name']).where('month', '=', month).execute();
    for (const row of rows) {
      await trx.updateTable('roster_assignments').set({ planned_person_id: row.person_id, planned_person_name: row.person_name }).where('id', '=', row.id).execute();
    }
    await insertChange(trx, actor, { month, kind: 'publish' }, now);
    await appendAudit(trx, actor, { action: 'roster.publish', entityType: 'roster', entityId: month, summary: `发布 ${month} 排班` }, now);
  });

  await ctx.events.publish({ type: 'roster.published', title: `${month} 值班表已发布`, data: { month }, at: toDbInstant(now) });
  ctx.log.info({ month, actorUserId: actor.userId }, 'roster published');
  return getRoster(ctx, ctx.db.kysely, month);
}

export interface AdjustInput {
  date: IsoDate;
  role: DutyRole;
  /** Officer slot 0, 1, …; a slot equal to the number of officers adds one. Ignored for the other roles. */
  slot: number;
  personId: string;
}

/** Puts another eligible person on a post of a draft roster. */
export async function adjustPost(ctx: AppContext, actor: AuditActor, month: string, input: AdjustInput): Promise<RosterView> {
  checkedMonth(month);
  const now = ctx.clock.now();
  const today = currentDutyDate(ctx);
  if (input.date.slice(0, 7) !== month) throw invalidField('日期', `${input.date} 不属于 ${month}，请选择该月的日期`);
  if (input.date <= today) throw invalidField('日期', `${input.date} 的值班已开始或已过去，不能调整`);
  const slot = input.role === 'officer' ? input.slot : 0;

  await ctx.db.kysely.transaction().execute(async (trx) => {
    const roster = await trx.selectFrom('rosters').select('status').where('month', '=', month).executeTakeFirst();
    if (!roster) throw invalidState(`${month} 尚未生成排班，请先生成`);
    if (roster.status === 'published') throw new AppError('ROSTER_PUBLISHED');

    const dayRows = await trx.selectFrom('roster_assignments').selectAll().where('date', '=', input.date).execute();
    const officers = dayRows.filter((row) => row.role === 'officer').length;
    if (input.role === 'officer' && slot > officers) {
      throw invalidField('岗位序号', `${input.date} 现有值班员 ${officers} 人，序号应为 0 到 ${officers}`);
    }
    const person = await assertEligible(trx, input.date, input.role, input.personId, dayRows.filter((row) => !(row.role === input.role && row.slot === slot)));
    const before = dayRows.find((row) => row.role === input.role && row.slot === slot);

    if (before) {
      await trx
        .updateTable('roster_assignments')
        .set({ person_id: person.personId, person_name: person.name, source: 'adjusted', updated_at: toDbInstant(now) })
        .where('id', '=', before.id)
        .execute();
    } else {
      await insertPost(trx, month, input.date, input.role, slot, person, false, 'adjusted', now);
    }
    await insertChange(trx, actor, {
      month, date: input.date, role: input.role, slot, kind: 'adjust',
      fromPersonId: before?.person_id ?? null, fromPersonName: before?.person_name ?? null, toPersonId: person.personId, toPersonName: person.name,
    }, now);
    await appendAudit(trx, actor, {
      action: 'roster.adjust',
      entityType: 'roster',
      entityId: month,
      summary: `调整 ${input.date} ${DUTY_ROLE_LABELS[input.role]}：${before?.person_name ?? '空缺'} → ${person.name}`,
      before: before ? { personId: before.person_id } : null,
      after: { date: input.date, role: input.role, slot, personId: person.personId },
    }, now);
  });
  return getRoster(ctx, ctx.db.kysely, month);
}

/**
 * Checks that a person may take a post on a date: in the role's rotation, not
 * on approved leave, holding no other post that day and no duty the day
 * before or after. `otherPosts` are the day's posts except the one changing.
 */
export async function assertEligible(
  db: Executor,
  date: IsoDate,
  role: DutyRole,
  personId: string,
  otherPosts: readonly RosterAssignmentsTable[],
  ignoreNeighbourIds: readonly string[] = [],
): Promise<{ personId: string; name: string }> {
  const queue = (await loadQueues(db))[role];
  const person = queue.find((candidate) => candidate.personId === personId);
  if (!person) throw invalidField('人员', `所选人员不在${DUTY_ROLE_LABELS[role]}轮值名单中（须为在用人员且具有该值班角色），请重新选择`);
  if (otherPosts.some((row) => row.person_id === personId)) {
    throw invalidField('人员', `${person.name} 在 ${date} 已有其他值班岗位，同一人一天只能担任一个岗位`);
  }
  const leave = await loadApprovedLeave(db, date, date);
  if (leave.some((range) => range.personId === personId)) {
    throw invalidField('人员', `${person.name} 在 ${date} 已获准请假，请选择其他人员`);
  }
  const neighbour = await db
    .selectFrom('roster_assignments')
    .select('date')
    .where('person_id', '=', personId)
    .where('date', 'in', [addDays(date, -1), addDays(date, 1)])
    .where('id', 'not in', [...ignoreNeighbourIds, ''])
    .executeTakeFirst();
  if (neighbour) {
    throw invalidField('人员', `${person.name} 在 ${neighbour.date} 值班，不能连续两天值班，请选择其他人员`);
  }
  return { personId: person.personId, name: person.name };
}

/** Proposes who can take a post on a date, least loaded first, skipping the post's current holders. */
export async function listCandidates(ctx: AppContext, db: Executor, date: IsoDate, role: DutyRole, excludePersonIds: readonly string[] = []): Promise<SubstituteCandidate[]> {
  const day = await classifyDate(ctx, db, date);
  const settings = await readRosterSettings(db);
  const month = date.slice(0, 7);
  const window = fairnessWindowOf(settings, month) ?? { from: `${date.slice(0, 4)}-01-01`, to: `${date.slice(0, 4)}-12-31` };
  const calendar = await loadCalendarContext(ctx, db);
  const from = [window.from, addDays(date, -NEIGHBOUR_DAYS)].sort()[0]!;
  const assignments = await loadAssignmentsAsHistory(db, calendar, from, [window.to, addDays(date, NEIGHBOUR_DAYS)].sort()[1]!);
  const holders = assignments.filter((entry) => entry.date === date && entry.role === role).map((entry) => entry.personId);
  try {
    return proposeSubstitutes({
      date,
      dayType: day.dayType,
      role,
      queue: (await loadQueues(db))[role],
      assignments,
      unavailability: await loadApprovedLeave(db, date, date),
      excludePersonIds: [...holders, ...excludePersonIds],
      fairnessWindow: window,
    });
  } catch (error) {
    throw toRosterValidationError(error);
  }
}

/** Sets how many officers one date needs; the next generation of its month uses it. */
export async function setOfficersOnDate(ctx: AppContext, actor: AuditActor, date: IsoDate, officers: number): Promise<void> {
  const now = ctx.clock.now();
  const today = currentDutyDate(ctx);
  if (date <= today) throw invalidField('日期', `${date} 的值班已开始或已过去，不能修改值班员人数`);
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto('duty_day_officer_counts')
      .values({ date, officers, updated_at: toDbInstant(now), updated_by: actor.userId })
      .onConflict((oc) => oc.column('date').doUpdateSet({ officers, updated_at: toDbInstant(now), updated_by: actor.userId }))
      .execute();
    await appendAudit(trx, actor, { action: 'roster.officers_on_date', entityType: 'roster', entityId: date.slice(0, 7), summary: `设置 ${date} 值班员人数为 ${officers} 人`, after: { date, officers } }, now);
  });
}

export interface RosterChangeView {
  id: string;
  at: string;
  kind: RosterChangeKind;
  date: IsoDate | null;
  role: AssignmentRole | null;
  fromPerson: string | null;
  toPerson: string | null;
  actorName: string | null;
  approvedBy: string | null;
  note: string | null;
}

export async function listChanges(db: Executor, month: string): Promise<RosterChangeView[]> {
  checkedMonth(month);
  const rows = await db.selectFrom('roster_changes').selectAll().where('month', '=', month).orderBy('at', 'desc').orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id, at: row.at, kind: row.kind, date: row.date, role: row.role,
    fromPerson: row.from_person_name, toPerson: row.to_person_name, actorName: row.actor_name, approvedBy: row.approved_by_name, note: row.note,
  }));
}

export interface ChangeEntry {
  month: string;
  kind: RosterChangeKind;
  date?: IsoDate | null;
  role?: AssignmentRole | null;
  slot?: number | null;
  fromPersonId?: string | null;
  fromPersonName?: string | null;
  toPersonId?: string | null;
  toPersonName?: string | null;
  requestId?: string | null;
  approvedByName?: string | null;
  note?: string | null;
}

export async function insertChange(trx: Executor, actor: AuditActor, entry: ChangeEntry, now: Date): Promise<void> {
  await trx
    .insertInto('roster_changes')
    .values({
      id: newId(),
      month: entry.month,
      date: entry.date ?? null,
      role: entry.role ?? null,
      slot: entry.slot ?? null,
      kind: entry.kind,
      from_person_id: entry.fromPersonId ?? null,
      from_person_name: entry.fromPersonName ?? null,
      to_person_id: entry.toPersonId ?? null,
      to_person_name: entry.toPersonName ?? null,
      request_id: entry.requestId ?? null,
      actor_user_id: actor.userId,
      actor_name: actor.name,
      approved_by_name: entry.approvedByName ?? null,
      note: entry.note ?? null,
      at: toDbInstant(now),
    })
    .execute();
}

function lockDaysUpTo(rows: readonly RosterAssignmentsTable[], today: IsoDate): LockedDay[] {
  const dates = [...new Set(rows.filter((row) => row.date <= today).map((row) => row.date))].sort();
  return dates.map((date) => {
    const day = rows.filter((row) => row.date === date);
    const slot = (row: RosterAssignmentsTable | undefined) => (row ? { personId: row.person_id, name: row.person_name } : null);
    return {
      date,
      commander: slot(day.find((row) => row.role === 'commander')),
      shiftLeader: slot(day.find((row) => row.role === 'shiftLeader')),
      officers: day.filter((row) => row.role === 'officer').sort((a, b) => a.slot - b.slot).map((row) => ({ personId: row.person_id, name: row.person_name })),
    };
  });
}

async function insertDay(trx: Executor, month: string, day: RosterDay, planned: boolean, now: Date): Promise<void> {
  if (day.commander) await insertPost(trx, month, day.date, 'commander', 0, day.commander, planned, 'generated', now);
  if (day.shiftLeader) await insertPost(trx, month, day.date, 'shiftLeader', 0, day.shiftLeader, planned, 'generated', now);
  for (const [index, officer] of day.officers.entries()) {
    await insertPost(trx, month, day.date, 'officer', index, officer, planned, 'generated', now);
  }
}

export async function insertPost(
  trx: Executor,
  month: string,
  date: IsoDate,
  role: AssignmentRole,
  slot: number,
  person: { personId: string; name: string },
  planned: boolean,
  source: RosterAssignmentsTable['source'],
  now: Date,
): Promise<void> {
  await trx
    .insertInto('roster_assignments')
    .values({
      id: newId(), month, date, role, slot, person_id: person.personId, person_name: person.name,
      planned_person_id: planned ? person.personId : null, planned_person_name: planned ? person.name : null,
      source, flag: null, updated_at: toDbInstant(now),
    })
    .execute();
}

async function recordRegeneratedPosts(
  trx: Executor,
  actor: AuditActor,
  month: string,
  previous: readonly RosterAssignmentsTable[],
  days: readonly RosterDay[],
  now: Date,
): Promise<void> {
  for (const day of days.filter((candidate) => !candidate.locked)) {
    const posts: [AssignmentRole, number, { personId: string; name: string } | null][] = [
      ['commander', 0, day.commander],
      ['shiftLeader', 0, day.shiftLeader],
      ...day.officers.map((officer, index): [AssignmentRole, number, { personId: string; name: string }] => ['officer', index, officer]),
    ];
    for (const [role, slot, person] of posts) {
      const before = previous.find((row) => row.date === day.date && row.role === role && row.slot === slot);
      if (before?.person_id === person?.personId) continue;
      await insertChange(trx, actor, {
        month, date: day.date, role, slot, kind: 'regenerate',
        fromPersonId: before?.person_id ?? null, fromPersonName: before?.person_name ?? null,
        toPersonId: person?.personId ?? null, toPersonName: person?.name ?? null,
      }, now);
    }
  }
}

function summarize(messages: readonly string[]): string {
  const shown = messages.slice(0, 10).join('；');
  return messages.length > 10 ? `${shown}；等共 ${messages.length} 处` : shown;
}

