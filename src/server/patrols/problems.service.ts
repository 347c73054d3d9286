/**
 * Problems found by video patrols and night checks, and their rectification
 * (整改): the unit returns a written report signed by its head, the center
 * verifies it and closes the problem (销号) or sends it back.
 */
import type { ProblemKind, ProblemSource, ProblemStatus } from '../../domain/patrols/index.js';
import { PROBLEM_KIND_LABELS } from '../../domain/patrols/index.js';
import { appendAudit, systemActor, type AuditActor } from '../audit/audit-log.js';
import { linkAttachments } from '../attachments/attachments.service.js';
import type { SessionUser } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import type { PatrolProblemsTable } from '../db/patrols-tables.js';
import { fromDbBool, fromDbJson, newId, toDbInstant, toDbJson } from '../db/sql-values.js';
import { AppError, invalidState, notFound } from '../errors.js';
import { seesAllUnits } from '../http/request-context.js';
import { readSetting, writeSetting } from '../settings.js';
import { assertUnitVisible, showInstant, showOptionalInstant } from './common.js';
import { requireSite } from './sites.service.js';

export interface ProblemSettings {
  /** Calendar days from discovery to the rectification deadline. */
  rectificationDays: number;
}

export const PROBLEM_SETTINGS_KEY = 'patrols.problems';
export const DEFAULT_PROBLEM_SETTINGS: ProblemSettings = { rectificationDays: 3 };

export interface NewProblem {
  siteId?: string | null;
  unitId?: string | null;
  kind: ProblemKind;
  description: string;
  evidenceIds?: string[];
  source: ProblemSource;
  sourceId?: string | null;
  foundByName: string;
  foundAt: Date;
}

export interface PatrolProblem {
  id: string;
  siteId: string | null;
  siteName: string | null;
  unitId: string;
  unitName: string;
  kind: ProblemKind;
  description: string;
  evidenceIds: string[];
  source: ProblemSource;
  sourceId: string | null;
  foundByName: string;
  foundAt: string;
  deadline: string;
  status: ProblemStatus;
  overdue: boolean;
  report: {
    text: string | null;
    attachmentIds: string[];
    headName: string | null;
    headConfirmed: boolean;
    submittedAt: string | null;
  } | null;
  verifiedByName: string | null;
  verifiedAt: string | null;
  verifyNote: string | null;
  returnedCount: number;
}

export async function readProblemSettings(db: Executor): Promise<ProblemSettings> {
  return readSetting(db, PROBLEM_SETTINGS_KEY, DEFAULT_PROBLEM_SETTINGS);
}

export async function saveProblemSettings(ctx: AppContext, actor: AuditActor, settings: ProblemSettings): Promise<ProblemSettings> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await readProblemSettings(trx);
    await writeSetting(trx, PROBLEM_SETTINGS_KEY, settings, now, actor.userId);
    await appendAudit(trx, actor, { action: 'patrol_problem.settings', entityType: 'setting', entityId: PROBLEM_SETTINGS_KEY, summary: `整改期限设为${settings.rectificationDays}天`, before, after: settings }, now);
  });
  return settings;
}

/**
 * Inserts a problem inside the caller's transaction and returns its id. The
 * unit comes from the site when a site is given. Call `announceProblem` after
 * the transaction commits.
 */
export async function insertProblem(trx: Executor, actor: AuditActor & { userId: string }, input: NewProblem, now: Date): Promise<{ id: string; unitId: string }> {
  let unitId = input.unitId ?? null;
  if (input.siteId) {
    const site = await requireSite(trx, input.siteId);
    if (unitId && unitId !== site.unit_id) {
      throw new AppError('VALIDATION_FAILED', '「单位」与巡查点位的责任单位不一致，请重新选择。');
    }
    unitId = site.unit_id;
  }
  if (!unitId) throw new AppError('VALIDATION_FAILED', '「单位」不能为空，请选择问题所在的单位或巡查点位。');
  const unit = await trx.selectFrom('units').select('id').where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw notFound('单位');

  const settings = await readProblemSettings(trx);
  const deadline = new Date(input.foundAt.getTime() + settings.rectificationDays * 86_400_000);
  const id = newId();
  await trx
    .insertInto('patrol_problems')
    .values({
      id,
      site_id: input.siteId ?? null,
      unit_id: unitId,
      kind: input.kind,
      description: input.description,
      evidence_ids: toDbJson(input.evidenceIds ?? []),
      source: input.source,
      source_id: input.sourceId ?? null,
      found_by_name: input.foundByName,
      found_at: toDbInstant(input.foundAt),
      deadline: toDbInstant(deadline),
      status: 'open',
      report_text: null,
      report_attachment_ids: '[]',
      head_name: null,
      head_confirmed: 0,
      report_submitted_at: null,
      report_submitted_by: null,
      verified_by_name: null,
      verified_at: null,
      verify_note: null,
      returned_count: 0,
      reminded_at: null,
      created_by: actor.userId,
      created_at: toDbInstant(now),
      updated_at: toDbInstant(now),
    })
    .execute();
  await appendAudit(trx, actor, { action: 'patrol_problem.create', entityType: 'patrol_problem', entityId: id, summary: `登记巡查问题（${PROBLEM_KIND_LABELS[input.kind]}）`, after: input }, now);
  return { id, unitId };
}

/** Notifies the unit (and the center) of a new problem. */
export async function announceProblem(ctx: AppContext, problemId: string): Promise<void> {
  const problem = await getProblem(ctx, ctx.db.kysely, problemId);
  await ctx.events.publish({
    type: 'patrol.problem_created',
    title: `巡查发现问题：${problem.unitName}${problem.siteName ? `（${problem.siteName}）` : ''}${PROBLEM_KIND_LABELS[problem.kind]}，请于${problem.deadline.slice(0, 16).replace('T', ' ')}前报送整改报告`,
    unitId: problem.unitId,
    urgent: problem.kind === 'off_post' || problem.kind === 'asleep' || problem.kind === 'hazard',
    data: { problemId: problem.id, unitId: problem.unitId },
    at: toDbInstant(ctx.clock.now()),
  });
}

export async function createProblem(ctx: AppContext, actor: AuditActor & { userId: string }, input: NewProblem): Promise<PatrolProblem> {
  const now = ctx.clock.now();
  const created = await ctx.db.kysely.transaction().execute(async (trx) => {
    const result = await insertProblem(trx, actor, input, now);
    if (input.evidenceIds && input.evidenceIds.length > 0) await linkAttachments(trx, input.evidenceIds, 'patrol_problem', result.id);
    return result;
  });
  ctx.log.info({ problemId: created.id, unitId: created.unitId }, 'patrol problem created');
  await announceProblem(ctx, created.id);
  return getProblem(ctx, ctx.db.kysely, created.id);
}

type ProblemRow = PatrolProblemsTable & { unit_name: string; site_name: string | null };

function problemQuery(db: Executor) {
  return db
    .selectFrom('patrol_problems')
    .innerJoin('units', 'units.id', 'patrol_problems.unit_id')
    .leftJoin('patrol_sites', 'patrol_sites.id', 'patrol_problems.site_id')
    .selectAll('patrol_problems')
    .select(['units.name as unit_name', 'patrol_sites.name as site_name']);
}

function toProblem(ctx: AppContext, row: ProblemRow, now: Date): PatrolProblem {
  const status = row.status as ProblemStatus;
  const hasReport = row.report_submitted_at !== null;
  return {
    id: row.id,
    siteId: row.site_id,
    siteName: row.site_name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    kind: row.kind as ProblemKind,
    description: row.description,
    evidenceIds: fromDbJson<string[]>(row.evidence_ids, []),
    source: row.source as ProblemSource,
    sourceId: row.source_id,
    foundByName: row.found_by_name,
    foundAt: showInstant(ctx, row.found_at),
    deadline: showInstant(ctx, row.deadline),
    status,
    overdue: (status === 'open' || status === 'returned') && new Date(row.deadline).getTime() < now.getTime(),
    report: hasReport
      ? {
          text: row.report_text,
          attachmentIds: fromDbJson<string[]>(row.report_attachment_ids, []),
          headName: row.head_name,
          headConfirmed: fromDbBool(row.head_confirmed),
          submittedAt: showOptionalInstant(ctx, row.report_submitted_at),
        }
      : null,
    verifiedByName: row.verified_by_name,
    verifiedAt: showOptionalInstant(ctx, row.verified_at),
    verifyNote: row.verify_note,
    returnedCount: row.returned_count,
  };
}

export async function getProblem(ctx: AppContext, db: Executor, id: string): Promise<PatrolProblem> {
  const row = await problemQuery(db).where('patrol_problems.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('巡查问题');
  return toProblem(ctx, row, ctx.clock.now());
}

export async function getVisibleProblem(ctx: AppContext, user: SessionUser, id: string): Promise<PatrolProblem> {
  const problem = await getProblem(ctx, ctx.db.kysely, id);
  assertUnitVisible(user, problem.unitId);
  return problem;
}

export interface ProblemFilter {
  status?: ProblemStatus;
  unitId?: string;
  siteId?: string;
  /** Found on or after this instant. */
  from?: Date;
  /** Found before this instant. */
  to?: Date;
  overdueOnly?: boolean;
}

export async function listProblems(ctx: AppContext, db: Executor, filter: ProblemFilter): Promise<PatrolProblem[]> {
  let query = problemQuery(db);
  if (filter.status) query = query.where('patrol_problems.status', '=', filter.status);
  if (filter.unitId) query = query.where('patrol_problems.unit_id', '=', filter.unitId);
  if (filter.siteId) query = query.where('patrol_problems.site_id', '=', filter.siteId);
  if (filter.from) query = query.where('patrol_problems.found_at', '>=', toDbInstant(filter.from));
  if (filter.to) query = query.where('patrol_problems.found_at', '<', toDbInstant(filter.to));
  const rows = await query.orderBy('patrol_problems.found_at', 'desc').execute();
  const now = ctx.clock.now();
  const problems = rows.map((row) => toProblem(ctx, row, now));
  return filter.overdueOnly ? problems.filter((problem) => problem.overdue) : problems;
}

/** Problems a user may see: every unit's for the center, the own unit's for a liaison. */
export async function listVisibleProblems(ctx: AppContext, user: SessionUser, filter: ProblemFilter): Promise<PatrolProblem[]> {
  if (!seesAllUnits(user)) {
    if (filter.unitId && filter.unitId !== user.unitId) assertUnitVisible(user, filter.unitId);
    return listProblems(ctx, ctx.db.kysely, { ...filter, unitId: user.unitId });
  }
  return listProblems(ctx, ctx.db.kysely, filter);
}

export interface RectificationInput {
  reportText?: string | null;
  reportAttachmentIds: string[];
  headName: string;
  headConfirmed: boolean;
}

/** Records the unit's written rectification report signed by its head (整改报告). */
export async function submitRectification(ctx: AppContext, user: SessionUser, actor: AuditActor, id: string, input: RectificationInput): Promise<PatrolProblem> {
  if (input.reportAttachmentIds.length === 0) {
    throw new AppError('VALIDATION_FAILED', '「整改报告扫描件」不能为空，请上传经本单位主要负责同志签字的书面整改报告。', { fields: [{ field: 'reportAttachmentIds', message: '请上传签字的整改报告扫描件' }] });
  }
  if (!input.headConfirmed) {
    throw new AppError('VALIDATION_FAILED', '「负责同志确认」未勾选，请由本单位主要负责同志确认已签字后再报送。', { fields: [{ field: 'headConfirmed', message: '请确认负责同志已签字' }] });
  }
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('patrol_problems').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('巡查问题');
    assertUnitVisible(user, row.unit_id);
    if (row.status !== 'open' && row.status !== 'returned') {
      throw invalidState(row.status === 'closed' ? '该问题已销号，不能再报送整改报告。' : '该问题的整改报告已报送，正在等待指挥中心核验，请勿重复报送。');
    }
    // A liaison may use only attachments uploaded by the own unit.
    await linkAttachments(trx, input.reportAttachmentIds, 'patrol_problem_report', id, seesAllUnits(user) ? undefined : user.unitId);
    await trx
      .updateTable('patrol_problems')
      .set({
        status: 'submitted',
        report_text: input.reportText ?? null,
        report_attachment_ids: toDbJson(input.reportAttachmentIds),
        head_name: input.headName,
        head_confirmed: 1,
        report_submitted_at: toDbInstant(now),
        report_submitted_by: user.id,
        updated_at: toDbInstant(now),
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, actor, { action: 'patrol_problem.rectify', entityType: 'patrol_problem', entityId: id, summary: `报送整改报告（负责同志：${input.headName}）`, after: input }, now);
  });
  const problem = await getProblem(ctx, ctx.db.kysely, id);
  await ctx.events.publish({
    type: 'patrol.problem_rectified',
    title: `${problem.unitName}已报送整改报告，请核验`,
    roles: ['duty_commander', 'shift_leader', 'duty_officer'],
    data: { problemId: id },
    at: toDbInstant(now),
  });
  return problem;
}

/** Closes (销号) a problem after the center has verified the unit's signed report. */
export async function closeProblem(ctx: AppContext, actor: AuditActor, id: string, note: string | null): Promise<PatrolProblem> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('patrol_problems').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('巡查问题');
    if (row.status === 'closed') throw invalidState('该问题已销号，无需重复操作。');
    const signed = row.report_submitted_at !== null && fromDbBool(row.head_confirmed) && fromDbJson<string[]>(row.report_attachment_ids, []).length > 0;
    if (row.status !== 'submitted' || !signed) {
      throw invalidState('该问题尚未收到单位主要负责同志签字的书面整改报告，不能销号。请督促单位上传签字的整改报告后再核验。');
    }
    await trx
      .updateTable('patrol_problems')
      .set({ status: 'closed', verified_by_name: actor.name, verified_at: toDbInstant(now), verify_note: note, updated_at: toDbInstant(now) })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, actor, { action: 'patrol_problem.close', entityType: 'patrol_problem', entityId: id, summary: '核验整改报告并销号', after: { note } }, now);
  });
  ctx.log.info({ problemId: id }, 'patrol problem closed');
  return getProblem(ctx, ctx.db.kysely, id);
}

/** Sends the report back to the unit, which must submit a new one. */
export async function returnProblem(ctx: AppContext, actor: AuditActor, id: string, reason: string): Promise<PatrolProblem> {
  const now = ctx.clock.now();
  const unitId = await ctx.db.kysely.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('patrol_problems').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('巡查问题');
    if (row.status !== 'submitted') throw invalidState('只有已报送、待核验的整改报告才能退回。');
    await trx
      .updateTable('patrol_problems')
      .set({ status: 'returned', verified_by_name: actor.name, verified_at: toDbInstant(now), verify_note: reason, returned_count: row.returned_count + 1, updated_at: toDbInstant(now) })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, actor, { action: 'patrol_problem.return', entityType: 'patrol_problem', entityId: id, summary: `退回整改报告：${reason}`, after: { reason } }, now);
    return row.unit_id;
  });
  await ctx.events.publish({ type: 'patrol.problem_returned', title: `整改报告被退回：${reason}`, unitId, data: { problemId: id }, at: toDbInstant(now) });
  return getProblem(ctx, ctx.db.kysely, id);
}

/** Problems not yet closed, overdue first, for the command hall screen. */
export async function openPatrolProblems(ctx: AppContext, db: Executor): Promise<{ total: number; overdue: number; problems: PatrolProblem[] }> {
  const rows = await problemQuery(db).where('patrol_problems.status', '!=', 'closed').orderBy('patrol_problems.deadline').execute();
  const now = ctx.clock.now();
  const problems = rows.map((row) => toProblem(ctx, row, now)).sort((a, b) => Number(b.overdue) - Number(a.overdue));
  return { total: problems.length, overdue: problems.filter((problem) => problem.overdue).length, problems };
}

/**
 * Sends one reminder for each overdue problem. The conditional UPDATE claims
 * the problem, so with several instances only one of them sends it.
 */
export async function remindOverdueProblems(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const due = await ctx.db.kysely
    .selectFrom('patrol_problems')
    .innerJoin('units', 'units.id', 'patrol_problems.unit_id')
    .select(['patrol_problems.id', 'patrol_problems.unit_id', 'patrol_problems.kind', 'units.name as unit_name'])
    .where('patrol_problems.status', 'in', ['open', 'returned'])
    .where('patrol_problems.deadline', '<', toDbInstant(now))
    .where('patrol_problems.reminded_at', 'is', null)
    .execute();
  let sent = 0;
  for (const problem of due) {
    const claimed = await ctx.db.kysely.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('patrol_problems')
        .set({ reminded_at: toDbInstant(now) })
        .where('id', '=', problem.id)
        .where('reminded_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await appendAudit(trx, systemActor, { action: 'patrol_problem.remind', entityType: 'patrol_problem', entityId: problem.id, summary: `催办逾期未整改问题（${problem.unit_name}）` }, now);
      return true;
    });
    if (!claimed) continue;
    sent += 1;
    await ctx.events.publish({
      type: 'patrol.problem_overdue',
      title: `${problem.unit_name}${PROBLEM_KIND_LABELS[problem.kind as ProblemKind]}问题已超过整改期限，请尽快报送签字的整改报告`,
      unitId: problem.unit_id,
      urgent: true,
      data: { problemId: problem.id },
      at: toDbInstant(now),
    });
  }
  if (sent > 0) ctx.log.info({ reminders: sent }, 'overdue patrol problems reminded');
  return sent;
}
