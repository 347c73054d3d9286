/** The handling flow of an incident: workflow steps, orders (指令) and their execution, seats activation. */
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import type { SessionUser } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { IncidentsTable } from '../db/incidents-tables.js';
import { newId, toDbInstant } from '../db/sql-values.js';
import { AppError, forbidden, invalidState, notFound } from '../errors.js';
import { activateSeats } from '../seats/seat-duty.service.js';
import { publishIncidentEvent } from './incident-events.js';
import { toOrderView, toReportView, toTimelineEntry, type OrderView, type ReportView, type TimelineEntry } from './incident-model.js';
import { appendStep } from './incident-steps.js';
import { INCIDENT_STATUS_LABELS, WORKFLOW_STEPS, type WorkflowStepKind } from './incident-workflow.js';
import { assertUnitAccess, requireIncident } from './incidents.service.js';

export interface StepInput {
  step: WorkflowStepKind;
  note?: string | null;
  /** Id of a tracked leader instruction (领导批示) for `leader_instruction`. */
  instructionId?: string | null;
  /** After-action summary, required by `summarize`. */
  summary?: { process: string; handling: string; lessons: string };
}

function requireRole(user: SessionUser, roles: readonly string[], what: string): void {
  if (!user.roles.some((role) => roles.includes(role))) throw forbidden(`您的角色不能${what}。`);
}

/** Records one step of the handling flow and moves the incident to the step's next state, if it has one. */
export async function recordStep(ctx: AppContext, user: SessionUser, actor: AuditActor, id: string, input: StepInput): Promise<void> {
  const definition = WORKFLOW_STEPS[input.step];
  requireRole(user, definition.roles, `登记“${definition.label}”`);
  const note = input.note?.trim() || null;
  if (definition.noteRequired && !note) {
    throw new AppError('VALIDATION_FAILED', `「说明」不能为空：${definition.noteRequired}。`, { fields: [{ field: 'note', label: '说明', message: definition.noteRequired }] });
  }
  if (input.step === 'summarize' && !input.summary) {
    throw new AppError('VALIDATION_FAILED', '「总结分析」不能为空：请填写事件过程、处置情况和经验教训。', { fields: [{ field: 'summary', label: '总结分析', message: '请填写' }] });
  }
  const now = ctx.clock.now();

  const row = await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await requireIncident(trx, id);
    assertUnitAccess(user, before.unit_id);
    if (!definition.from.includes(before.status)) {
      throw invalidState(`当前处于“${INCIDENT_STATUS_LABELS[before.status]}”阶段，不能登记“${definition.label}”。请刷新后查看最新状态。`);
    }
    if (input.step === 'archive' && !before.final_report_at) {
      throw invalidState('归档前需登记终报，请先登记终报。');
    }
    if (input.instructionId) {
      const instruction = await trx.selectFrom('leader_instructions').select('id').where('id', '=', input.instructionId).executeTakeFirst();
      if (!instruction) {
        throw new AppError('VALIDATION_FAILED', '「领导批示」所选批示不存在，请在领导批示登记后重新选择。', { fields: [{ field: 'instructionId', label: '领导批示', message: '不存在' }] });
      }
    }
    const changes: Partial<IncidentsTable> = { updated_at: toDbInstant(now) };
    if (definition.to) changes.status = definition.to;
    if (input.summary) {
      changes.summary_process = input.summary.process;
      changes.summary_handling = input.summary.handling;
      changes.summary_lessons = input.summary.lessons;
    }
    await trx.updateTable('incidents').set(changes).where('id', '=', id).execute();

    const data: Record<string, unknown> = {};
    if (input.step === 'report') {
      data.shiftLeader = before.shift_leader_name;
      data.commander = before.commander_name;
    }
    if (input.instructionId) data.instructionId = input.instructionId;
    const stepNote = input.step === 'report' && !note ? `已报告值班长${before.shift_leader_name ?? '（未排班）'}、值班指挥长${before.commander_name ?? '（未排班）'}` : note;
    await appendStep(trx, id, { kind: input.step, actor, at: now, note: stepNote, data });
    await appendAudit(trx, actor, { action: `incident.step.${input.step}`, entityType: 'incident', entityId: id, summary: `${definition.label} ${before.title}`, after: { note, ...data } }, now);
    return { ...before, ...changes };
  });
  ctx.log.info({ incidentId: id, step: input.step, status: row.status }, 'incident step recorded');
  await publishIncidentEvent(ctx, { type: 'incident.step', title: `「${row.title}」${definition.label}`, unitId: row.unit_id, data: { incidentId: id, step: input.step, status: row.status } });
}

/** Issues an order for the incident (值班长按值班指挥长指示下达指令); it stays open until reported done. */
export async function issueOrder(ctx: AppContext, user: SessionUser, actor: AuditActor, id: string, input: { content: string; assignee: string }): Promise<void> {
  requireRole(user, ['duty_commander', 'shift_leader'], '下达指令');
  const now = ctx.clock.now();
  const row = await ctx.db.kysely.transaction().execute(async (trx) => {
    const incident = await requireIncident(trx, id);
    if (incident.status !== 'handling' && incident.status !== 'tracking') {
      throw invalidState(`当前处于“${INCIDENT_STATUS_LABELS[incident.status]}”阶段，只有处置和跟踪协调阶段可以下达指令。`);
    }
    await trx
      .insertInto('incident_orders')
      .values({ id: newId(), incident_id: id, content: input.content, assignee: input.assignee, issued_by_name: user.name, issued_at: toDbInstant(now), status: 'open', result: null, done_at: null, done_by_name: null })
      .execute();
    await appendStep(trx, id, { kind: 'order_issued', actor, at: now, note: `${input.assignee}：${input.content}` });
    await appendAudit(trx, actor, { action: 'incident.order.issue', entityType: 'incident', entityId: id, summary: `下达指令 ${incident.title}`, after: input }, now);
    return incident;
  });
  await publishIncidentEvent(ctx, { type: 'incident.order', title: `「${row.title}」新指令：${input.assignee}`, unitId: row.unit_id, data: { incidentId: id } });
}

/** Records that an order was carried out, with its result. */
export async function completeOrder(ctx: AppContext, user: SessionUser, actor: AuditActor, id: string, orderId: string, result: string): Promise<void> {
  requireRole(user, ['duty_officer', 'shift_leader', 'duty_commander'], '登记指令落实情况');
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const incident = await requireIncident(trx, id);
    const order = await trx.selectFrom('incident_orders').selectAll().where('id', '=', orderId).where('incident_id', '=', id).executeTakeFirst();
    if (!order) throw notFound('指令');
    if (order.status === 'done') throw invalidState('该指令已登记落实完毕。');
    await trx.updateTable('incident_orders').set({ status: 'done', result, done_at: toDbInstant(now), done_by_name: user.name }).where('id', '=', orderId).execute();
    await appendStep(trx, id, { kind: 'order_done', actor, at: now, note: `${order.assignee}：${result}`, data: { orderId } });
    await appendAudit(trx, actor, { action: 'incident.order.done', entityType: 'incident', entityId: id, summary: `指令落实完毕 ${incident.title}`, after: { orderId, result } }, now);
  });
}

/** Activates the joint seats for this incident (启动联合坐席) through the seats module. */
export async function activateSeatsForIncident(ctx: AppContext, user: SessionUser, actor: AuditActor, id: string, reason: string): Promise<void> {
  requireRole(user, ['duty_commander', 'shift_leader'], '启动联合坐席');
  const incident = await requireIncident(ctx.db.kysely, id);
  if (incident.status === 'archived') throw invalidState('该突发案事件已归档，不能启动联合坐席。');

  const { created } = await activateSeats(ctx, actor, { reason, incidentId: id });
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await appendStep(trx, id, { kind: 'seats_activated', actor, at: now, note: created ? reason : `${reason}（联合坐席此前已启用）` });
    await appendAudit(trx, actor, { action: 'incident.seats.activate', entityType: 'incident', entityId: id, summary: `启动联合坐席 ${incident.title}`, after: { reason } }, now);
  });
}

export interface IncidentRecords {
  timeline: TimelineEntry[];
  reports: ReportView[];
  orders: OrderView[];
}

/** Returns the timeline, reports and orders of an incident, oldest first. */
export async function incidentRecords(ctx: AppContext, id: string): Promise<IncidentRecords> {
  const tz = ctx.config.timeZone;
  const [steps, reports, orders] = await Promise.all([
    ctx.db.kysely.selectFrom('incident_steps').selectAll().where('incident_id', '=', id).orderBy('seq').execute(),
    ctx.db.kysely.selectFrom('incident_reports').selectAll().where('incident_id', '=', id).orderBy('seq').execute(),
    ctx.db.kysely.selectFrom('incident_orders').selectAll().where('incident_id', '=', id).orderBy('issued_at').execute(),
  ]);
  return {
    timeline: steps.map((row) => toTimelineEntry(row, tz)),
    reports: reports.map((row) => toReportView(row, tz)),
    orders: orders.map((row) => toOrderView(row, tz)),
  };
}
