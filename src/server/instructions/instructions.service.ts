/**
 * Leaders' instructions (领导批示/指示) passed down by the center: each
 * responsible unit gives feedback the same day and a follow-up (续报) every
 * day until the center closes the instruction.
 */
import { instructionFeedbackStatus } from '../../domain/reports/index.js';
import { formatInstant, zonedParts, type IsoDate } from '../../domain/time.js';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import type { SessionUser } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import type { LeaderInstructionsTable } from '../db/reports-tables.js';
import { newId, toDbInstant } from '../db/sql-values.js';
import { forbidden, invalidField, invalidState, notFound } from '../errors.js';
import { seesAllUnits } from '../http/request-context.js';
import { formatOptionalInstant } from '../reports/report-item-view.js';
import { readDailyReportSettings } from '../reports/report-settings.js';

export interface InstructionInput {
  leaderName: string;
  issuedOn: IsoDate;
  text: string;
  relatedItemId?: string | null;
  relatedIncidentId?: string | null;
  unitIds: string[];
}

export interface InstructionUnitView {
  unitId: string;
  unitName: string;
  /** Earliest day still owing feedback, or null. */
  dueDate: IsoDate | null;
  dueAt: string | null;
  overdue: boolean;
  missedDates: IsoDate[];
  lastFeedbackAt: string | null;
}

export interface FeedbackView {
  id: string;
  unitId: string;
  unitName: string;
  date: IsoDate;
  content: string;
  submittedAt: string;
  submittedBy: string;
}

export interface InstructionView {
  id: string;
  leaderName: string;
  issuedOn: IsoDate;
  text: string;
  relatedItemId: string | null;
  relatedIncidentId: string | null;
  passedDownAt: string;
  registeredBy: string;
  status: 'open' | 'closed';
  closedAt: string | null;
  closedBy: string | null;
  overdue: boolean;
  units: InstructionUnitView[];
  feedback: FeedbackView[];
}

async function requireInstruction(db: Executor, id: string): Promise<LeaderInstructionsTable> {
  const row = await db.selectFrom('leader_instructions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('领导批示');
  return row;
}

async function loadView(ctx: AppContext, db: Executor, row: LeaderInstructionsTable): Promise<InstructionView> {
  const tz = ctx.config.timeZone;
  const settings = await readDailyReportSettings(db);
  const units = await db
    .selectFrom('instruction_units')
    .innerJoin('units', 'units.id', 'instruction_units.unit_id')
    .select(['instruction_units.unit_id', 'units.name'])
    .where('instruction_id', '=', row.id)
    .execute();
  const feedback = await db
    .selectFrom('instruction_feedback')
    .innerJoin('units', 'units.id', 'instruction_feedback.unit_id')
    .selectAll('instruction_feedback')
    .select('units.name as unit_name')
    .where('instruction_id', '=', row.id)
    .orderBy('submitted_at')
    .execute();

  const now = ctx.clock.now();
  const unitViews = units.map((unit): InstructionUnitView => {
    const own = feedback.filter((entry) => entry.unit_id === unit.unit_id);
    const status = instructionFeedbackStatus({
      passedDownAt: new Date(row.passed_down_at),
      feedbackDates: own.map((entry) => entry.feedback_date),
      closedAt: row.closed_at ? new Date(row.closed_at) : null,
      now,
      timeZone: tz,
      dueTime: settings.instructionFeedbackTime,
    });
    const last = own.at(-1);
    return {
      unitId: unit.unit_id,
      unitName: unit.name,
      dueDate: status.dueDate,
      dueAt: status.dueAt ? formatInstant(status.dueAt, tz) : null,
      overdue: status.overdue,
      missedDates: status.missedDates,
      lastFeedbackAt: last ? formatInstant(new Date(last.submitted_at), tz) : null,
    };
  });
  return {
    id: row.id,
    leaderName: row.leader_name,
    issuedOn: row.issued_on,
    text: row.text,
    relatedItemId: row.related_item_id,
    relatedIncidentId: row.related_incident_id,
    passedDownAt: formatInstant(new Date(row.passed_down_at), tz),
    registeredBy: row.registered_by_name,
    status: row.status,
    closedAt: formatOptionalInstant(row.closed_at, tz),
    closedBy: row.closed_by_name,
    overdue: unitViews.some((unit) => unit.overdue),
    units: unitViews,
    feedback: feedback.map((entry) => ({
      id: entry.id,
      unitId: entry.unit_id,
      unitName: entry.unit_name,
      date: entry.feedback_date,
      content: entry.content,
      submittedAt: formatInstant(new Date(entry.submitted_at), tz),
      submittedBy: entry.submitted_by_name,
    })),
  };
}

async function assertVisible(db: Executor, user: SessionUser, id: string): Promise<void> {
  if (seesAllUnits(user)) return;
  const assigned = await db.selectFrom('instruction_units').select('unit_id').where('instruction_id', '=', id).where('unit_id', '=', user.unitId).executeTakeFirst();
  if (!assigned) throw forbidden('该批示未交办本单位，不能查看。');
}

export async function registerInstruction(ctx: AppContext, actor: AuditActor, input: InstructionInput): Promise<InstructionView> {
  const now = ctx.clock.now();
  const id = newId();
  const today = zonedParts(now, ctx.config.timeZone).date;
  if (input.issuedOn > today) throw invalidField('批示日期', `${input.issuedOn} 晚于今天（${today}），请修改。`);
  const unitIds = [...new Set(input.unitIds)];

  await ctx.db.kysely.transaction().execute(async (trx) => {
    const units = await trx.selectFrom('units').select(['id', 'name', 'active']).where('id', 'in', unitIds).execute();
    if (units.length !== unitIds.length || units.some((unit) => unit.active !== 1)) throw invalidField('承办单位', '所选单位不存在或已停用，请重新选择。');
    if (input.relatedItemId) {
      const item = await trx.selectFrom('report_items').select('id').where('id', '=', input.relatedItemId).executeTakeFirst();
      if (!item) throw invalidField('关联要情信息', '所选要情信息不存在，请重新选择。');
    }
    await trx
      .insertInto('leader_instructions')
      .values({
        id,
        leader_name: input.leaderName,
        issued_on: input.issuedOn,
        text: input.text,
        related_item_id: input.relatedItemId ?? null,
        related_incident_id: input.relatedIncidentId ?? null,
        passed_down_at: toDbInstant(now),
        registered_by_name: actor.name ?? '',
        status: 'open',
        closed_at: null,
        closed_by_name: null,
      })
      .execute();
    await trx.insertInto('instruction_units').values(unitIds.map((unitId) => ({ instruction_id: id, unit_id: unitId }))).execute();
    await appendAudit(trx, actor, { action: 'instruction.register', entityType: 'leader_instruction', entityId: id, summary: `登记${input.leaderName}批示并交办 ${unitIds.length} 个单位`, after: input }, now);
  });

  for (const unitId of unitIds) {
    await ctx.events.publish({
      type: 'instruction.assigned',
      title: `${input.leaderName}批示已交办本单位，请当天反馈贯彻落实情况`,
      roles: ['unit_liaison'],
      unitId,
      urgent: true,
      data: { instructionId: id },
      at: formatInstant(now, ctx.config.timeZone),
    });
  }
  return loadView(ctx, ctx.db.kysely, await requireInstruction(ctx.db.kysely, id));
}

export async function listInstructions(ctx: AppContext, user: SessionUser, status?: 'open' | 'closed'): Promise<InstructionView[]> {
  const db = ctx.db.kysely;
  let select = db.selectFrom('leader_instructions').selectAll();
  if (status) select = select.where('status', '=', status);
  if (!seesAllUnits(user)) {
    select = select.where('id', 'in', db.selectFrom('instruction_units').select('instruction_id').where('unit_id', '=', user.unitId));
  }
  const rows = await select.orderBy('passed_down_at', 'desc').limit(200).execute();
  const views: InstructionView[] = [];
  for (const row of rows) views.push(await loadView(ctx, db, row));
  return views;
}

export async function getInstruction(ctx: AppContext, user: SessionUser, id: string): Promise<InstructionView> {
  const row = await requireInstruction(ctx.db.kysely, id);
  await assertVisible(ctx.db.kysely, user, id);
  return loadView(ctx, ctx.db.kysely, row);
}

/** Records a unit's feedback; the center may record it for a unit that called in. */
export async function addInstructionFeedback(ctx: AppContext, user: SessionUser, actor: AuditActor, id: string, input: { content: string; unitId?: string }): Promise<InstructionView> {
  const now = ctx.clock.now();
  const unitId = seesAllUnits(user) ? input.unitId : user.unitId;
  if (!unitId) throw invalidField('反馈单位', '请选择反馈的承办单位。');
  if (!seesAllUnits(user) && input.unitId && input.unitId !== user.unitId) throw forbidden('只能反馈本单位承办的批示。');

  await ctx.db.kysely.transaction().execute(async (trx) => {
    const row = await requireInstruction(trx, id);
    const assigned = await trx.selectFrom('instruction_units').select('unit_id').where('instruction_id', '=', id).where('unit_id', '=', unitId).executeTakeFirst();
    if (!assigned) {
      if (!seesAllUnits(user)) throw forbidden('该批示未交办本单位，不能反馈。');
      throw invalidField('反馈单位', '所选单位不是该批示的承办单位，请重新选择。');
    }
    if (row.status === 'closed') throw invalidState('该批示已办结，无需再反馈。');
    await trx
      .insertInto('instruction_feedback')
      .values({ id: newId(), instruction_id: id, unit_id: unitId, feedback_date: zonedParts(now, ctx.config.timeZone).date, content: input.content, submitted_at: toDbInstant(now), submitted_by_name: user.name })
      .execute();
    await appendAudit(trx, actor, { action: 'instruction.feedback', entityType: 'leader_instruction', entityId: id, summary: `反馈${row.leader_name}批示落实情况` }, now);
  });
  return loadView(ctx, ctx.db.kysely, await requireInstruction(ctx.db.kysely, id));
}

export async function closeInstruction(ctx: AppContext, actor: AuditActor, id: string): Promise<InstructionView> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const row = await requireInstruction(trx, id);
    if (row.status === 'closed') throw invalidState('该批示已办结。');
    await trx.updateTable('leader_instructions').set({ status: 'closed', closed_at: toDbInstant(now), closed_by_name: actor.name }).where('id', '=', id).execute();
    await appendAudit(trx, actor, { action: 'instruction.close', entityType: 'leader_instruction', entityId: id, summary: `办结${row.leader_name}批示` }, now);
  });
  return loadView(ctx, ctx.db.kysely, await requireInstruction(ctx.db.kysely, id));
}

/**
 * Reminds units whose feedback is overdue, once per instruction, unit and
 * due date even with several server instances: the reminder row is inserted
 * if absent and then claimed with a conditional UPDATE, and only the
 * instance whose UPDATE changed the row publishes the reminder.
 */
export async function remindOverdueInstructions(ctx: AppContext): Promise<number> {
  const db = ctx.db.kysely;
  const open = await db.selectFrom('leader_instructions').selectAll().where('status', '=', 'open').execute();
  let sent = 0;
  for (const row of open) {
    const view = await loadView(ctx, db, row);
    for (const unit of view.units.filter((candidate) => candidate.overdue && candidate.dueDate)) {
      const dueDate = unit.dueDate!;
      const claimed = await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('instruction_reminders')
          .values({ id: newId(), instruction_id: row.id, unit_id: unit.unitId, due_date: dueDate, claimed_at: null })
          .onConflict((oc) => oc.columns(['instruction_id', 'unit_id', 'due_date']).doNothing())
          .execute();
        const result = await trx
          .updateTable('instruction_reminders')
          .set({ claimed_at: toDbInstant(ctx.clock.now()) })
          .where('instruction_id', '=', row.id)
          .where('unit_id', '=', unit.unitId)
          .where('due_date', '=', dueDate)
          .where('claimed_at', 'is', null)
          .executeTakeFirst();
        return Number(result.numUpdatedRows) === 1;
      });
      if (!claimed) continue;
      sent += 1;
      ctx.log.info({ instructionId: row.id, unitId: unit.unitId, dueDate }, 'overdue instruction feedback reminded');
      await ctx.events.publish({
        type: 'instruction.overdue',
        title: `${row.leader_name}批示的${dueDate}落实情况反馈已超时，请立即反馈`,
        roles: ['unit_liaison', 'duty_officer', 'shift_leader'],
        unitId: unit.unitId,
        urgent: true,
        data: { instructionId: row.id, dueDate },
        at: formatInstant(ctx.clock.now(), ctx.config.timeZone),
      });
    }
  }
  return sent;
}
