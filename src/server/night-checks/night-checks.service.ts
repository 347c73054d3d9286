/**
 * Night checks (夜查): the plan of each duty date's night drawn from a stored
 * seed, the officer's check records, and coverage against the sampling rule.
 */
import { randomBytes } from 'node:crypto';
import type { DayType } from '../../domain/calendar/index.js';
import {
  nightCheckCoverage,
  planNightChecks,
  type CheckMethod,
  type NightCheckCoverage,
  type NightCheckPlan,
  type NightCheckSite,
  type PlanNightChecksInput,
  type ProblemKind,
} from '../../domain/patrols/index.js';
import { addDays, zonedInstant, type IsoDate } from '../../domain/time.js';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import { linkAttachments } from '../attachments/attachments.service.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import type { NightCheckPlansTable } from '../db/patrols-tables.js';
import { fromDbBool, fromDbJson, newId, toDbBool, toDbInstant, toDbJson } from '../db/sql-values.js';
import { AppError, notFound } from '../errors.js';
import { showInstant } from '../patrols/common.js';
import { dayOf } from '../patrols/duty-sources.js';
import { announceProblem, insertProblem, listProblems, type PatrolProblem } from '../patrols/problems.service.js';
import { listSites } from '../patrols/sites.service.js';
import { readSetting, writeSetting } from '../settings.js';

export interface NightCheckSettings {
  /** Minutes kept between two planned checks. */
  minIntervalMinutes: number;
  /** Duty dates of major events (重大活动), which take the elevated ratio. */
  majorEventDates: { date: IsoDate; name: string }[];
}

export const NIGHT_CHECK_SETTINGS_KEY = 'nightChecks.settings';
export const DEFAULT_NIGHT_CHECK_SETTINGS: NightCheckSettings = { minIntervalMinutes: 15, majorEventDates: [] };

/** Nights of history handed to the planner; more than ceil(sites / sample) for any realistic site count. */
const HISTORY_NIGHTS = 60;

/** Stored planner input without the seed, enough to draw the plan again. */
type StoredInputs = Omit<PlanNightChecksInput, 'seed'>;

/** The contract body of POST /api/night-checks/plans. */
export interface PlanSummary {
  date: IsoDate;
  sampleRatio: number;
  activeSites: number;
  sites: { siteId: string; name: string; plannedAt: string }[];
}

export async function readNightCheckSettings(db: Executor): Promise<NightCheckSettings> {
  return readSetting(db, NIGHT_CHECK_SETTINGS_KEY, DEFAULT_NIGHT_CHECK_SETTINGS);
}

export async function saveNightCheckSettings(ctx: AppContext, actor: AuditActor, settings: NightCheckSettings): Promise<NightCheckSettings> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await readNightCheckSettings(trx);
    await writeSetting(trx, NIGHT_CHECK_SETTINGS_KEY, settings, now, actor.userId);
    await appendAudit(trx, actor, { action: 'night_check.settings', entityType: 'setting', entityId: NIGHT_CHECK_SETTINGS_KEY, summary: '修改夜查设置', before, after: settings }, now);
  });
  return settings;
}

function storedPlanSites(row: NightCheckPlansTable): { siteId: string; name: string; plannedAt: string }[] {
  return fromDbJson<{ siteId: string; name: string; plannedAt: string }[]>(row.sites_json, []);
}

function toSummary(ctx: AppContext, row: NightCheckPlansTable): PlanSummary {
  return {
    date: row.date,
    sampleRatio: Number(row.sample_ratio),
    activeSites: row.active_sites,
    sites: storedPlanSites(row).map((site) => ({ siteId: site.siteId, name: site.name, plannedAt: showInstant(ctx, site.plannedAt) })),
  };
}

async function findPlanRow(db: Executor, date: IsoDate): Promise<NightCheckPlansTable | undefined> {
  return db.selectFrom('night_check_plans').selectAll().where('date', '=', date).executeTakeFirst();
}

async function requirePlanRow(db: Executor, date: IsoDate): Promise<NightCheckPlansTable> {
  const row = await findPlanRow(db, date);
  if (!row) throw new AppError('NOT_FOUND', `${date} 的夜查计划尚未生成，请先生成夜查计划。`);
  return row;
}

/**
 * Draws and stores the plan of a duty date's night, or returns the stored one
 * (`created: false`) so that a second request never re-draws the sample.
 */
export async function createPlan(
  ctx: AppContext,
  actor: AuditActor,
  date: IsoDate,
  options: { majorEvent?: boolean } = {},
): Promise<{ created: boolean; plan: PlanSummary }> {
  const existing = await findPlanRow(ctx.db.kysely, date);
  if (existing) return { created: false, plan: toSummary(ctx, existing) };

  const now = ctx.clock.now();
  const row = await drawPlanRow(ctx, ctx.db.kysely, date, { majorEvent: options.majorEvent, createdBy: actor.userId, now });
  try {
    await ctx.db.kysely.transaction().execute(async (trx) => {
      await trx.insertInto('night_check_plans').values(row).execute();
      await appendAudit(trx, actor, {
        action: 'night_check.plan',
        entityType: 'night_check_plan',
        entityId: row.id,
        summary: `生成 ${date} 夜查计划（抽查${row.required_count}个点位，比例${Math.round(row.sample_ratio * 100)}%）`,
        after: { seed: row.seed, sites: storedPlanSites(row).map((site) => site.siteId) },
      }, now);
    });
  } catch (error) {
    // A concurrent request stored the plan first: return that one.
    const stored = await findPlanRow(ctx.db.kysely, date);
    if (stored) return { created: false, plan: toSummary(ctx, stored) };
    throw error;
  }
  ctx.log.info({ date, sites: row.required_count, ratio: row.sample_ratio }, 'night-check plan drawn');
  const stored = await requirePlanRow(ctx.db.kysely, date);
  return { created: true, plan: toSummary(ctx, stored) };
}

/**
 * Draws a plan with a fresh seed from the active sites, the day type, the
 * major-event flag and the history of stored plans, and returns the row to
 * store. It reads through `db`, so inside a transaction the history includes
 * that transaction's earlier plans.
 */
export async function drawPlanRow(
  ctx: AppContext,
  db: Executor,
  date: IsoDate,
  options: { majorEvent?: boolean; createdBy: string | null; now: Date },
): Promise<NightCheckPlansTable> {
  const settings = await readNightCheckSettings(db);
  const day = await dayOf(ctx, db, date);
  const majorEvent = options.majorEvent ?? settings.majorEventDates.some((entry) => entry.date === date);
  const sites: NightCheckSite[] = (await listSites(db, { activeOnly: true })).map((site) => ({ siteId: site.id, name: site.name }));
  if (sites.length === 0) {
    throw new AppError('INVALID_STATE', '没有启用的巡查点位，无法生成夜查计划。请先在“巡查点位”中添加并启用点位。');
  }
  const inputs: StoredInputs = {
    date,
    sites,
    dayType: day.dayType,
    majorEvent,
    history: await historyBefore(db, date),
    minIntervalMinutes: settings.minIntervalMinutes,
    timeZone: ctx.config.timeZone,
  };
  const seed = randomBytes(16).toString('hex');
  const plan = planNightChecks({ ...inputs, seed });
  return {
    id: newId(),
    date,
    seed,
    day_type: day.dayType,
    major_event: toDbBool(majorEvent),
    sample_ratio: plan.sampleRatio,
    active_sites: plan.activeSites,
    required_count: plan.requiredCount,
    min_interval_minutes: plan.minIntervalMinutes,
    inputs_json: toDbJson(inputs),
    sites_json: toDbJson(plan.sites.map((site) => ({ siteId: site.siteId, name: site.name, plannedAt: toDbInstant(site.plannedAt) }))),
    created_by: options.createdBy,
    created_at: toDbInstant(options.now),
  };
}

/** Site ids of the stored plans before `date`, most recent night first. */
async function historyBefore(db: Executor, date: IsoDate): Promise<string[][]> {
  const rows = await db
    .selectFrom('night_check_plans')
    .select(['date', 'sites_json'])
    .where('date', '<', date)
    .orderBy('date', 'desc')
    .limit(HISTORY_NIGHTS)
    .execute();
  return rows.map((row) => fromDbJson<{ siteId: string }[]>(row.sites_json, []).map((site) => site.siteId));
}

function toDomainPlan(ctx: AppContext, row: NightCheckPlansTable): NightCheckPlan {
  const night = addDays(row.date, 1);
  return {
    date: row.date,
    sampleRatio: Number(row.sample_ratio),
    activeSites: row.active_sites,
    requiredCount: row.required_count,
    windowStart: zonedInstant(night, '00:00', ctx.config.timeZone),
    windowEnd: zonedInstant(night, '06:00', ctx.config.timeZone),
    minIntervalMinutes: row.min_interval_minutes,
    seed: row.seed,
    sites: storedPlanSites(row).map((site) => ({ siteId: site.siteId, name: site.name, plannedAt: new Date(site.plannedAt) })),
  };
}

export interface NightCheckRecordView {
  id: string;
  siteId: string;
  siteName: string;
  unitName: string;
  checkedAt: string;
  method: CheckMethod;
  reached: boolean;
  answeredBy: string | null;
  inPost: boolean;
  findings: string | null;
  planned: boolean;
  inWindow: boolean;
}

export interface PlanDetail extends PlanSummary {
  dayType: DayType;
  majorEvent: boolean;
  requiredCount: number;
  windowStart: string;
  windowEnd: string;
  minIntervalMinutes: number;
  createdAt: string;
  sites: { siteId: string; name: string; unitName: string; checkMethod: CheckMethod; plannedAt: string; checked: boolean }[];
  records: NightCheckRecordView[];
  coverage: NightCheckCoverage;
  /** Problems found on the previous night: followed up first (跟踪督办). */
  followUps: PatrolProblem[];
}

async function loadRecords(ctx: AppContext, db: Executor, plan: NightCheckPlan, planId: string): Promise<NightCheckRecordView[]> {
  const rows = await db
    .selectFrom('night_check_records')
    .innerJoin('patrol_sites', 'patrol_sites.id', 'night_check_records.site_id')
    .innerJoin('units', 'units.id', 'patrol_sites.unit_id')
    .selectAll('night_check_records')
    .select(['patrol_sites.name as site_name', 'units.name as unit_name'])
    .where('night_check_records.plan_id', '=', planId)
    .orderBy('night_check_records.checked_at')
    .execute();
  const from = plan.windowStart.getTime();
  const to = plan.windowEnd.getTime();
  return rows.map((row) => {
    const time = new Date(row.checked_at).getTime();
    return {
      id: row.id,
      siteId: row.site_id,
      siteName: row.site_name,
      unitName: row.unit_name,
      checkedAt: showInstant(ctx, row.checked_at),
      method: row.method as CheckMethod,
      reached: fromDbBool(row.reached),
      answeredBy: row.answered_by,
      inPost: fromDbBool(row.in_post),
      findings: row.findings,
      planned: fromDbBool(row.planned),
      inWindow: time >= from && time <= to,
    };
  });
}

export async function getPlanDetail(ctx: AppContext, db: Executor, date: IsoDate): Promise<PlanDetail> {
  const row = await requirePlanRow(db, date);
  const plan = toDomainPlan(ctx, row);
  const records = await loadRecords(ctx, db, plan, row.id);
  const coverage = nightCheckCoverage(plan, records.map((record) => ({ siteId: record.siteId, checkedAt: new Date(record.checkedAt) })));
  const allSites = await listSites(db);
  const missed = new Set(coverage.missedSiteIds);

  const previous = toDomainPlan(ctx, { ...row, date: addDays(date, -1) });
  const followUps = (await listProblems(ctx, db, { from: previous.windowStart, to: new Date(previous.windowEnd.getTime() + 1) }))
    .filter((problem) => problem.source === 'night_check')
    .sort((a, b) => Number(a.status === 'closed') - Number(b.status === 'closed'));

  return {
    ...toSummary(ctx, row),
    dayType: row.day_type as DayType,
    majorEvent: fromDbBool(row.major_event),
    requiredCount: row.required_count,
    windowStart: showInstant(ctx, toDbInstant(plan.windowStart)),
    windowEnd: showInstant(ctx, toDbInstant(plan.windowEnd)),
    minIntervalMinutes: row.min_interval_minutes,
    createdAt: showInstant(ctx, row.created_at),
    sites: plan.sites.map((site) => {
      const info = allSites.find((candidate) => candidate.id === site.siteId);
      return {
        siteId: site.siteId,
        name: site.name,
        unitName: info?.unitName ?? '',
        checkMethod: info?.checkMethod ?? 'video',
        plannedAt: showInstant(ctx, toDbInstant(site.plannedAt)),
        checked: !missed.has(site.siteId),
      };
    }),
    records,
    coverage,
    followUps,
  };
}

/** Draws the stored plan again from its seed and inputs and compares the result (抽查复核). */
export async function auditPlan(ctx: AppContext, db: Executor, date: IsoDate): Promise<{ date: IsoDate; seed: string; matches: boolean; stored: PlanSummary['sites']; redrawn: PlanSummary['sites'] }> {
  const row = await requirePlanRow(db, date);
  const inputs = fromDbJson<StoredInputs>(row.inputs_json, {} as StoredInputs);
  const redrawnPlan = planNightChecks({ ...inputs, seed: row.seed });
  const stored = toSummary(ctx, row).sites;
  const redrawn = redrawnPlan.sites.map((site) => ({ siteId: site.siteId, name: site.name, plannedAt: showInstant(ctx, toDbInstant(site.plannedAt)) }));
  const matches =
    stored.length === redrawn.length &&
    stored.every((site, index) => site.siteId === redrawn[index]?.siteId && site.plannedAt === redrawn[index]?.plannedAt) &&
    Number(row.sample_ratio) === redrawnPlan.sampleRatio;
  return { date, seed: row.seed, matches, stored, redrawn };
}

export interface NightCheckInput {
  siteId: string;
  checkedAt: Date;
  method: CheckMethod;
  reached: boolean;
  answeredBy?: string | null;
  inPost: boolean;
  findings?: string | null;
  problem?: { kind: ProblemKind; description: string } | null;
  evidenceIds?: string[];
}

/** Records one check of the night; a problem, when given, is registered and sent to the unit. */
export async function recordCheck(ctx: AppContext, actor: AuditActor & { userId: string; name: string | null }, date: IsoDate, input: NightCheckInput): Promise<NightCheckRecordView> {
  const now = ctx.clock.now();
  if (input.checkedAt.getTime() > now.getTime() + 5 * 60_000) {
    throw new AppError('VALIDATION_FAILED', '「夜查时间」晚于当前时间，请填写实际夜查的时间。', { fields: [{ field: 'checkedAt', message: '不能晚于当前时间' }] });
  }
  const row = await requirePlanRow(ctx.db.kysely, date);
  const plan = toDomainPlan(ctx, row);
  const id = newId();
  const problemId = await ctx.db.kysely.transaction().execute(async (trx) => {
    const site = await trx.selectFrom('patrol_sites').select(['id', 'name']).where('id', '=', input.siteId).executeTakeFirst();
    if (!site) throw notFound('巡查点位');
    const planned = plan.sites.some((candidate) => candidate.siteId === input.siteId);
    await trx
      .insertInto('night_check_records')
      .values({
        id,
        plan_id: row.id,
        site_id: input.siteId,
        checked_at: toDbInstant(input.checkedAt),
        method: input.method,
        reached: toDbBool(input.reached),
        answered_by: input.answeredBy ?? null,
        in_post: toDbBool(input.inPost),
        findings: input.findings ?? null,
        planned: toDbBool(planned),
        recorded_by: actor.userId,
        created_at: toDbInstant(now),
      })
      .execute();
    if (input.evidenceIds && input.evidenceIds.length > 0) await linkAttachments(trx, input.evidenceIds, 'night_check_record', id);
    await appendAudit(trx, actor, { action: 'night_check.record', entityType: 'night_check_record', entityId: id, summary: `登记夜查：${site.name}`, after: input }, now);
    if (!input.problem) return null;
    const problem = await insertProblem(
      trx,
      actor,
      {
        siteId: input.siteId,
        kind: input.problem.kind,
        description: input.problem.description,
        evidenceIds: input.evidenceIds ?? [],
        source: 'night_check',
        sourceId: id,
        foundByName: actor.name ?? '值班员',
        foundAt: input.checkedAt,
      },
      now,
    );
    return problem.id;
  });
  ctx.log.info({ date, siteId: input.siteId, problemId }, 'night check recorded');
  if (problemId) await announceProblem(ctx, problemId);
  const records = await loadRecords(ctx, ctx.db.kysely, plan, row.id);
  return records.find((record) => record.id === id)!;
}

export interface NightCoverageRow {
  date: IsoDate;
  sampleRatio: number;
  activeSites: number;
  requiredCount: number;
  planned: number;
  checkedSites: number;
  plannedChecked: number;
  meetsRule: boolean;
}

/** Coverage of every stored plan whose date lies in [from, to]. */
export async function coverageBetween(ctx: AppContext, db: Executor, from: IsoDate, to: IsoDate): Promise<NightCoverageRow[]> {
  const rows = await db.selectFrom('night_check_plans').selectAll().where('date', '>=', from).where('date', '<=', to).orderBy('date').execute();
  if (rows.length === 0) return [];
  const records = await db
    .selectFrom('night_check_records')
    .select(['plan_id', 'site_id', 'checked_at'])
    .where('plan_id', 'in', rows.map((row) => row.id))
    .execute();
  return rows.map((row) => {
    const plan = toDomainPlan(ctx, row);
    const coverage = nightCheckCoverage(
      plan,
      records.filter((record) => record.plan_id === row.id).map((record) => ({ siteId: record.site_id, checkedAt: new Date(record.checked_at) })),
    );
    return {
      date: row.date,
      sampleRatio: plan.sampleRatio,
      activeSites: plan.activeSites,
      requiredCount: plan.requiredCount,
      planned: coverage.planned,
      checkedSites: coverage.checkedSites,
      plannedChecked: coverage.plannedChecked,
      meetsRule: coverage.meetsRule,
    };
  });
}
