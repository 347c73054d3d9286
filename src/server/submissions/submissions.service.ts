/**
 * 月度人员报送: the personnel office (人事警务科) and the departments of the
 * standby seats submit next month's duty staff and seat standby staff. The
 * center checks who has submitted, who is late and who is missing, and reminds (催报) the rest.
 */
import { formatInstant, zonedParts } from '../../domain/time.js';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import { fromDbBool, fromDbInstant, fromDbJson, newId, toDbInstant, toDbJson } from '../db/sql-values.js';
import { AppError, invalidField, invalidState, notFound } from '../errors.js';
import { readSetting, writeSetting } from '../settings.js';
import { listSeats } from '../seats/seats.service.js';
import { dutyRoleLabels, type DutyRole } from '../../shared/roles.js';
import {
  defaultDeadlineRule,
  submissionDeadline,
  submissionStatus,
  type SubmissionDeadlineRule,
  type SubmissionEntry,
  type SubmissionRole,
  type SubmissionStatus,
} from './submission-rules.js';

export const SUBMISSION_SETTINGS_KEY = 'submissions.rules';

export interface SubmissionSettings extends SubmissionDeadlineRule {
  /** The personnel office that submits the duty staff; null means the unit named 人事警务科. */
  personnelUnitId: string | null;
}

export const defaultSubmissionSettings: SubmissionSettings = { ...defaultDeadlineRule, personnelUnitId: null };

/** The Haikou personnel office, found by name when no unit is configured. */
const DEFAULT_PERSONNEL_UNIT_NAME = '人事警务科';

/** A unit that must submit, and what it submits. */
export interface SubmittingUnit {
  unitId: string;
  unitName: string;
  /** Submits the duty staff (值班指挥长, 值班长, 值班员): the personnel office. */
  submitsDutyStaff: boolean;
  /** Seats whose standby staff the unit submits. */
  seats: { id: string; name: string }[];
}

export interface UnitSubmissionView extends SubmittingUnit {
  status: SubmissionStatus;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  submittedByName: string | null;
  revision: number;
  entries: SubmissionEntry[];
  note: string | null;
  reminders: { at: string; byName: string }[];
}

export interface SubmissionInput {
  entries: { role: SubmissionRole; seatId?: string | null; personIds: string[] }[];
  note?: string | null;
}

export async function readSubmissionSettings(db: Executor): Promise<SubmissionSettings> {
  return readSetting(db, SUBMISSION_SETTINGS_KEY, defaultSubmissionSettings);
}

export async function saveSubmissionSettings(ctx: AppContext, actor: AuditActor, settings: SubmissionSettings): Promise<SubmissionSettings> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    if (settings.personnelUnitId) {
      const unit = await trx.selectFrom('units').select('id').where('id', '=', settings.personnelUnitId).executeTakeFirst();
      if (!unit) throw invalidField('人事部门', '所选单位不存在，请重新选择。');
    }
    const before = await readSubmissionSettings(trx);
    await writeSetting(trx, SUBMISSION_SETTINGS_KEY, settings, now, actor.userId);
    await appendAudit(trx, actor, { action: 'submission.settings', entityType: 'setting', entityId: SUBMISSION_SETTINGS_KEY, summary: `修改月度人员报送时限：每月${settings.deadlineDay}日${settings.deadlineTime}前`, before, after: settings }, now);
  });
  return readSubmissionSettings(ctx.db.kysely);
}

/** Lists the personnel office and the departments of every active standby seat, in unit order. */
export async function submittingUnits(ctx: AppContext, db: Executor): Promise<SubmittingUnit[]> {
  const settings = await readSubmissionSettings(db);
  const units = await db.selectFrom('units').select(['id', 'name', 'sort_order', 'active']).orderBy('sort_order').orderBy('name').execute();
  const personnel = settings.personnelUnitId
    ? units.find((unit) => unit.id === settings.personnelUnitId)
    : units.find((unit) => unit.name === DEFAULT_PERSONNEL_UNIT_NAME);
  const seats = (await listSeats(ctx, db, { activeOnly: true })).filter((seat) => !seat.isGeneral);

  const result: SubmittingUnit[] = [];
  for (const unit of units) {
    if (!fromDbBool(unit.active)) continue;
    const unitSeats = seats.filter((seat) => seat.units.some((candidate) => candidate.id === unit.id)).map((seat) => ({ id: seat.id, name: seat.name }));
    const submitsDutyStaff = personnel?.id === unit.id;
    if (!submitsDutyStaff && unitSeats.length === 0) continue;
    result.push({ unitId: unit.id, unitName: unit.name, submitsDutyStaff, seats: unitSeats });
  }
  return result;
}

export async function submissionDeadlineFor(ctx: AppContext, db: Executor, month: string): Promise<Date> {
  return submissionDeadline(month, await readSubmissionSettings(db), ctx.config.timeZone);
}

/** Lists every submitting unit's status for a target month, or only the status of `onlyUnitId`. */
export async function submissionOverview(ctx: AppContext, db: Executor, month: string, onlyUnitId?: string) {
  const zone = ctx.config.timeZone;
  const deadline = await submissionDeadlineFor(ctx, db, month);
  const now = ctx.clock.now();
  let units = await submittingUnits(ctx, db);
  if (onlyUnitId !== undefined) units = units.filter((unit) => unit.unitId === onlyUnitId);

  const submissions = await db.selectFrom('duty_submissions').selectAll().where('month', '=', month).execute();
  const reminders = await db.selectFrom('submission_reminders').selectAll().where('month', '=', month).orderBy('reminded_at').execute();
  const views: UnitSubmissionView[] = units.map((unit) => {
    const row = submissions.find((candidate) => candidate.unit_id === unit.unitId);
    const first = row ? fromDbInstant(row.first_submitted_at) : null;
    return {
      ...unit,
      status: submissionStatus(first, deadline, now),
      firstSubmittedAt: first ? formatInstant(first, zone) : null,
      submittedAt: row ? formatInstant(fromDbInstant(row.submitted_at), zone) : null,
      submittedByName: row?.submitted_by_name ?? null,
      revision: row ? Number(row.revision) : 0,
      entries: row ? fromDbJson<SubmissionEntry[]>(row.entries, []) : [],
      note: row?.note ?? null,
      reminders: reminders
        .filter((reminder) => reminder.unit_id === unit.unitId)
        .map((reminder) => ({ at: formatInstant(fromDbInstant(reminder.reminded_at), zone), byName: reminder.reminded_by_name })),
    };
  });

  const count = (status: SubmissionStatus) => views.filter((view) => view.status === status).length;
  return {
    month,
    deadline: formatInstant(deadline, zone),
    units: views,
    summary: { total: views.length, submitted: count('submitted'), late: count('late'), missing: count('missing'), pending: count('pending') },
  };
}

export async function findSubmittingUnit(ctx: AppContext, db: Executor, unitId: string): Promise<SubmittingUnit> {
  const unit = (await submittingUnits(ctx, db)).find((candidate) => candidate.unitId === unitId);
  if (!unit) {
    const exists = await db.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirst();
    if (!exists) throw notFound('单位');
    throw invalidState(`${exists.name}不是需要报送值班人员或席位备勤人员的单位。`);
  }
  return unit;
}

export interface CandidateGroup {
  role: SubmissionRole;
  seatId: string | null;
  label: string;
  candidates: { personId: string; name: string; unitName: string }[];
}

/**
 * Lists the lines a unit's form shows, each with the people it may propose: for the
 * personnel office everyone who may hold the duty role, for a seat the seat
 * standby staff (席位备勤) of the submitting unit.
 */
export async function submissionForm(ctx: AppContext, db: Executor, unit: SubmittingUnit): Promise<CandidateGroup[]> {
  const people = await db
    .selectFrom('people')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select(['people.id', 'people.name', 'people.unit_id', 'people.duty_roles', 'units.name as unit_name'])
    .where('people.active', '=', 1)
    .orderBy('units.sort_order')
    .orderBy('people.name')
    .execute();
  const holding = (role: DutyRole) => people.filter((person) => fromDbJson<DutyRole[]>(person.duty_roles, []).includes(role));
  const toCandidate = (person: (typeof people)[number]) => ({ personId: person.id, name: person.name, unitName: person.unit_name });

  const groups: CandidateGroup[] = [];
  if (unit.submitsDutyStaff) {
    for (const role of ['commander', 'shift_leader', 'officer'] as const) {
      groups.push({ role, seatId: null, label: dutyRoleLabels[role], candidates: holding(role).map(toCandidate) });
    }
  }
  for (const seat of unit.seats) {
    const standby = holding('seat_standby').filter((person) => person.unit_id === unit.unitId);
    groups.push({ role: 'seat_standby', seatId: seat.id, label: `${seat.name}席备勤`, candidates: standby.map(toCandidate) });
  }
  return groups;
}

/**
 * Saves a unit's submission for a month. The first save fixes the submission
 * time that decides on-time or late; a later save replaces the content and
 * raises the revision. Each line is checked against the unit's form.
 */
export async function submitStaff(ctx: AppContext, actor: AuditActor, month: string, unitId: string, input: SubmissionInput): Promise<void> {
  const now = ctx.clock.now();
  const currentMonth = zonedParts(now, ctx.config.timeZone).date.slice(0, 7);
  if (month < currentMonth) throw invalidField('月份', `${month}已过去，不能再报送，请选择本月或以后的月份。`);

  const unit = await findSubmittingUnit(ctx, ctx.db.kysely, unitId);
  const groups = await submissionForm(ctx, ctx.db.kysely, unit);
  const entries: SubmissionEntry[] = [];
  const problems: { field: string; message: string }[] = [];
  const seen = new Set<string>();

  input.entries.forEach((line, index) => {
    const key = `${line.role}:${line.seatId ?? ''}`;
    const field = `entries.${index}`;
    const group = groups.find((candidate) => candidate.role === line.role && candidate.seatId === (line.role === 'seat_standby' ? (line.seatId ?? null) : null));
    if (!group) {
      problems.push({ field, message: line.role === 'seat_standby' ? '本单位不负责所选席位，请只报送本单位负责的席位备勤人员' : `本单位不报送${dutyRoleLabels[line.role]}，值班人员由人事部门报送` });
      return;
    }
    if (seen.has(key)) {
      problems.push({ field, message: `“${group.label}”重复填写，请合并为一行` });
      return;
    }
    seen.add(key);
    const chosen: { personId: string; name: string }[] = [];
    for (const personId of new Set(line.personIds)) {
      const candidate = group.candidates.find((item) => item.personId === personId);
      if (!candidate) problems.push({ field, message: `“${group.label}”中有人员不在可选范围内（须为在职且具备该值班角色的人员）` });
      else chosen.push({ personId, name: candidate.name });
    }
    if (chosen.length > 0) entries.push({ role: line.role, seatId: group.seatId, seatName: group.seatId ? (unit.seats.find((seat) => seat.id === group.seatId)?.name ?? null) : null, people: chosen });
  });
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', `报送内容有${problems.length}处错误：${problems[0]!.message}。`, { fields: problems });
  }
  if (entries.length === 0) throw invalidField('报送人员', '至少选择一名人员后再提交。');

  await ctx.db.kysely.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('duty_submissions').selectAll().where('month', '=', month).where('unit_id', '=', unitId).executeTakeFirst();
    if (existing) {
      await trx
        .updateTable('duty_submissions')
        .set({ submitted_at: toDbInstant(now), submitted_by_user_id: actor.userId, submitted_by_name: actor.name ?? '', entries: toDbJson(entries), note: input.note ?? null, revision: Number(existing.revision) + 1 })
        .where('id', '=', existing.id)
        .execute();
    } else {
      await trx
        .insertInto('duty_submissions')
        .values({
          id: newId(),
          month,
          unit_id: unitId,
          first_submitted_at: toDbInstant(now),
          submitted_at: toDbInstant(now),
          submitted_by_user_id: actor.userId,
          submitted_by_name: actor.name ?? '',
          entries: toDbJson(entries),
          note: input.note ?? null,
          revision: 1,
        })
        .execute();
    }
    await appendAudit(
      trx,
      actor,
      {
        action: existing ? 'submission.revise' : 'submission.submit',
        entityType: 'duty_submission',
        entityId: `${month}:${unitId}`,
        summary: `${unit.unitName}${existing ? '修改' : '报送'}${month}值班人员和席位备勤人员`,
        before: existing ? fromDbJson<SubmissionEntry[]>(existing.entries, []) : undefined,
        after: entries,
      },
      now,
    );
  });
  ctx.log.info({ month, unitId, lines: entries.length }, 'staff submission saved');
}

/** Records a reminder (催报) to a unit that has not submitted and notifies the unit's users live. */
export async function remindUnit(ctx: AppContext, actor: AuditActor, month: string, unitId: string): Promise<{ at: string; byName: string }> {
  const now = ctx.clock.now();
  const unit = await findSubmittingUnit(ctx, ctx.db.kysely, unitId);
  const deadline = await submissionDeadlineFor(ctx, ctx.db.kysely, month);
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const submitted = await trx.selectFrom('duty_submissions').select('id').where('month', '=', month).where('unit_id', '=', unitId).executeTakeFirst();
    if (submitted) throw invalidState(`${unit.unitName}已报送${month}人员，无需催报。`);
    await trx
      .insertInto('submission_reminders')
      .values({ id: newId(), month, unit_id: unitId, reminded_at: toDbInstant(now), reminded_by_user_id: actor.userId, reminded_by_name: actor.name ?? '' })
      .execute();
    await appendAudit(trx, actor, { action: 'submission.remind', entityType: 'duty_submission', entityId: `${month}:${unitId}`, summary: `催报${unit.unitName}${month}值班人员和席位备勤人员` }, now);
  });

  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const deadlineText = formatInstant(deadline, ctx.config.timeZone).slice(0, 16).replace('T', ' ');
  ctx.log.info({ month, unitId }, 'submission reminder sent');
  await ctx.events.publish({
    type: 'submission.reminded',
    title: `催报：请${unit.unitName}报送${year}年${monthNumber}月值班人员和席位备勤人员（截止${deadlineText}）`,
    unitId,
    data: { month, unitId },
    at: formatInstant(now, ctx.config.timeZone),
  });
  return { at: formatInstant(now, ctx.config.timeZone), byName: actor.name ?? '' };
}
