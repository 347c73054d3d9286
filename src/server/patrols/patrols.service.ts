/** Video patrol records (视频巡查记录): who looked at which sites, in order, and what they saw. */
import type { CheckMethod, PatrollerRole, ProblemKind } from '../../domain/patrols/index.js';
import { PATROLLER_ROLE_LABELS } from '../../domain/patrols/index.js';
import { dutyDateOf } from '../../domain/time.js';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import { linkAttachments } from '../attachments/attachments.service.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import { fromDbBool, fromDbJson, newId, toDbInstant, toDbJson } from '../db/sql-values.js';
import { AppError, notFound } from '../errors.js';
import { showInstant } from './common.js';
import { announceProblem, insertProblem } from './problems.service.js';
import { requireSite } from './sites.service.js';

export interface PatrolItemInput {
  siteId: string;
  observation: string;
  attachmentIds?: string[];
  /** A problem seen at this site; it is registered and sent to the site's unit. */
  problem?: { kind: ProblemKind; description: string } | null;
}

export interface PatrolInput {
  patrolledAt: Date;
  patrollerRole: PatrollerRole;
  patrollerName: string;
  method: CheckMethod;
  summary?: string | null;
  items: PatrolItemInput[];
}

export interface PatrolRecord {
  id: string;
  patrolledAt: string;
  dutyDate: string;
  patrollerRole: PatrollerRole;
  patrollerName: string;
  method: CheckMethod;
  summary: string | null;
  items: { siteId: string; siteName: string; unitName: string; position: number; observation: string; hasProblem: boolean; attachmentIds: string[] }[];
  problemIds: string[];
}

export async function createPatrol(ctx: AppContext, actor: AuditActor & { userId: string }, input: PatrolInput): Promise<PatrolRecord> {
  const now = ctx.clock.now();
  if (input.patrolledAt.getTime() > now.getTime() + 5 * 60_000) {
    throw new AppError('VALIDATION_FAILED', '「巡查时间」晚于当前时间，请填写实际巡查的时间。', { fields: [{ field: 'patrolledAt', message: '不能晚于当前时间' }] });
  }
  const siteIds = input.items.map((item) => item.siteId);
  if (new Set(siteIds).size !== siteIds.length) {
    throw new AppError('VALIDATION_FAILED', '「巡查点位」有重复，同一次巡查中每个点位只记录一次。');
  }
  const id = newId();
  const problemIds = await ctx.db.kysely.transaction().execute(async (trx) => {
    for (const item of input.items) await requireSite(trx, item.siteId);
    await trx
      .insertInto('patrol_records')
      .values({
        id,
        patrolled_at: toDbInstant(input.patrolledAt),
        duty_date: dutyDateOf(input.patrolledAt, ctx.config.timeZone, ctx.config.handoverTime),
        patroller_role: input.patrollerRole,
        patroller_name: input.patrollerName,
        method: input.method,
        summary: input.summary ?? null,
        recorded_by: actor.userId,
        created_at: toDbInstant(now),
      })
      .execute();
    const attachmentIds = input.items.flatMap((item) => item.attachmentIds ?? []);
    if (attachmentIds.length > 0) await linkAttachments(trx, attachmentIds, 'patrol_record', id);

    const created: string[] = [];
    for (const [position, item] of input.items.entries()) {
      await trx
        .insertInto('patrol_record_items')
        .values({
          id: newId(),
          record_id: id,
          site_id: item.siteId,
          position: position + 1,
          observation: item.observation,
          has_problem: item.problem ? 1 : 0,
          attachment_ids: toDbJson(item.attachmentIds ?? []),
        })
        .execute();
      if (!item.problem) continue;
      const problem = await insertProblem(
        trx,
        actor,
        {
          siteId: item.siteId,
          kind: item.problem.kind,
          description: item.problem.description,
          evidenceIds: item.attachmentIds ?? [],
          source: 'patrol',
          sourceId: id,
          foundByName: input.patrollerName,
          foundAt: input.patrolledAt,
        },
        now,
      );
      created.push(problem.id);
    }
    await appendAudit(trx, actor, {
      action: 'patrol.create',
      entityType: 'patrol_record',
      entityId: id,
      summary: `登记视频巡查（${PATROLLER_ROLE_LABELS[input.patrollerRole]} ${input.patrollerName}，${input.items.length}个点位，发现问题${created.length}个）`,
      after: input,
    }, now);
    return created;
  });
  ctx.log.info({ patrolId: id, sites: input.items.length, problems: problemIds.length }, 'video patrol recorded');
  for (const problemId of problemIds) await announceProblem(ctx, problemId);
  return getPatrol(ctx, ctx.db.kysely, id);
}

export async function getPatrol(ctx: AppContext, db: Executor, id: string): Promise<PatrolRecord> {
  const records = await loadPatrols(ctx, db, { id });
  const record = records[0];
  if (!record) throw notFound('巡查记录');
  return record;
}

export async function listPatrols(ctx: AppContext, db: Executor, range: { from: string; to: string }): Promise<PatrolRecord[]> {
  return loadPatrols(ctx, db, range);
}

async function loadPatrols(ctx: AppContext, db: Executor, filter: { id?: string; from?: string; to?: string }): Promise<PatrolRecord[]> {
  let query = db.selectFrom('patrol_records').selectAll();
  if (filter.id) query = query.where('id', '=', filter.id);
  if (filter.from) query = query.where('duty_date', '>=', filter.from);
  if (filter.to) query = query.where('duty_date', '<=', filter.to);
  const records = await query.orderBy('patrolled_at', 'desc').limit(500).execute();
  if (records.length === 0) return [];
  const ids = records.map((record) => record.id);
  const items = await db
    .selectFrom('patrol_record_items')
    .innerJoin('patrol_sites', 'patrol_sites.id', 'patrol_record_items.site_id')
    .innerJoin('units', 'units.id', 'patrol_sites.unit_id')
    .selectAll('patrol_record_items')
    .select(['patrol_sites.name as site_name', 'units.name as unit_name'])
    .where('patrol_record_items.record_id', 'in', ids)
    .orderBy('patrol_record_items.position')
    .execute();
  const problems = await db.selectFrom('patrol_problems').select(['id', 'source_id']).where('source', '=', 'patrol').where('source_id', 'in', ids).execute();
  return records.map((record) => ({
    id: record.id,
    patrolledAt: showInstant(ctx, record.patrolled_at),
    dutyDate: record.duty_date,
    patrollerRole: record.patroller_role as PatrollerRole,
    patrollerName: record.patroller_name,
    method: record.method as CheckMethod,
    summary: record.summary,
    items: items
      .filter((item) => item.record_id === record.id)
      .map((item) => ({
        siteId: item.site_id,
        siteName: item.site_name,
        unitName: item.unit_name,
        position: item.position,
        observation: item.observation,
        hasProblem: fromDbBool(item.has_problem),
        attachmentIds: fromDbJson<string[]>(item.attachment_ids, []),
      })),
    problemIds: problems.filter((problem) => problem.source_id === record.id).map((problem) => problem.id),
  }));
}
