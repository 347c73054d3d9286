/** 突发案事件: intake, elements, reports (续报/核报/终报) and the listing of incidents. */
import { INCIDENT_GRADE_LABELS, checkIncidentTimes, followUpLabel, type IncidentGrade, type ReportChannel } from '../../domain/incidents/index.js';
import { zonedParts } from '../../domain/time.js';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import { linkAttachments } from '../attachments/attachments.service.js';
import type { SessionUser } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import type { IncidentsTable } from '../db/incidents-tables.js';
import { nextSequenceValue } from '../db/sequences.js';
import { fromDbBool, newId, toDbBool, toDbInstant, toDbJson } from '../db/sql-values.js';
import { AppError, forbidden, invalidState, notFound } from '../errors.js';
import { seesAllUnits } from '../http/request-context.js';
import { phoneReaderRoles } from '../../shared/roles.js';
import { findDutyStaff } from './duty-staff-lookup.js';
import { publishIncidentEvent } from './incident-events.js';
import { computeDeadlines, delayText, missingElementsOf, nextFollowUpDue, toIncidentView, type IncidentView } from './incident-model.js';
import { appendStep } from './incident-steps.js';

/** Free-text elements of an incident, all optional at intake. */
export interface IncidentElementsInput {
  type?: string | null;
  earlySign?: boolean;
  place?: string | null;
  reporterName?: string | null;
  reporterContact?: string | null;
  onSiteCommanderName?: string | null;
  onSiteCommanderContact?: string | null;
  facts?: string | null;
  casualties?: string | null;
  trend?: string | null;
  measures?: string | null;
  publicOpinion?: string | null;
  background?: string | null;
  attachmentIds?: string[];
}

export interface CreateIncidentInput extends IncidentElementsInput {
  title: string;
  unitId: string;
  grade: IncidentGrade;
  occurredAt: string;
  discoveredAt: string;
  receivedAt: string;
  channel: ReportChannel;
}

const fieldLabels = { occurredAt: '发生时间', discoveredAt: '发现时间', receivedAt: '接报时间' } as const;

function elementColumns(ctx: AppContext, input: IncidentElementsInput): Partial<IncidentsTable> {
  const columns: Partial<IncidentsTable> = {};
  if (input.type !== undefined) columns.incident_type = input.type;
  if (input.earlySign !== undefined) columns.early_sign = toDbBool(input.earlySign);
  if (input.place !== undefined) columns.place = input.place;
  if (input.reporterName !== undefined) columns.reporter_name = input.reporterName;
  if (input.reporterContact !== undefined) columns.reporter_contact = ctx.cipher.encryptOptional(input.reporterContact);
  if (input.onSiteCommanderName !== undefined) columns.on_site_commander_name = input.onSiteCommanderName;
  if (input.onSiteCommanderContact !== undefined) columns.on_site_commander_contact = ctx.cipher.encryptOptional(input.onSiteCommanderContact);
  if (input.facts !== undefined) columns.facts = input.facts;
  if (input.casualties !== undefined) columns.casualties = input.casualties;
  if (input.trend !== undefined) columns.trend = input.trend;
  if (input.measures !== undefined) columns.measures = input.measures;
  if (input.publicOpinion !== undefined) columns.public_opinion = input.publicOpinion;
  if (input.background !== undefined) columns.background = input.background;
  if (input.attachmentIds !== undefined) columns.attachment_ids = toDbJson(input.attachmentIds);
  return columns;
}

/** Audit copy of an input with phone numbers masked. */
function auditCopy(input: IncidentElementsInput): Record<string, unknown> {
  return {
    ...input,
    reporterContact: input.reporterContact ? '[已加密]' : input.reporterContact,
    onSiteCommanderContact: input.onSiteCommanderContact ? '[已加密]' : input.onSiteCommanderContact,
  };
}

function parseTimes(input: Pick<CreateIncidentInput, 'occurredAt' | 'discoveredAt' | 'receivedAt'>, now: Date) {
  const times = { occurredAt: new Date(input.occurredAt), discoveredAt: new Date(input.discoveredAt), receivedAt: new Date(input.receivedAt) };
  const problems = checkIncidentTimes(times, now);
  if (problems.length > 0) {
    const fields = problems.map((problem) => ({ field: problem.field, label: fieldLabels[problem.field], message: problem.message }));
    throw new AppError('VALIDATION_FAILED', problems.map((problem) => problem.message).join(''), { fields });
  }
  return times;
}

/** Throws 403 unless the user may act for the incident's unit. */
export function assertUnitAccess(user: SessionUser, unitId: string): void {
  if (!seesAllUnits(user) && user.unitId !== unitId) {
    throw forbidden('您只能查看和报送本单位的突发案事件。');
  }
}

function mayReadContacts(user: SessionUser, unitId: string): boolean {
  return user.roles.some((role) => phoneReaderRoles.includes(role)) || (user.roles.includes('unit_liaison') && user.unitId === unitId);
}

async function unitNameOf(db: Executor, unitId: string): Promise<string> {
  const unit = await db.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirst();
  return unit?.name ?? '';
}

export async function requireIncident(db: Executor, id: string): Promise<IncidentsTable> {
  const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('突发案事件');
  return row;
}

/**
 * Records an incident at once with whatever is known. Missing elements never
 * block intake; they are listed and reminded until the written report is complete.
 */
export async function createIncident(ctx: AppContext, user: SessionUser, actor: AuditActor, input: CreateIncidentInput): Promise<IncidentView> {
  const now = ctx.clock.now();
  const times = parseTimes(input, now);
  assertUnitAccess(user, input.unitId);
  const tz = ctx.config.timeZone;
  const deadlines = computeDeadlines({ grade: input.grade, discoveredAt: times.discoveredAt, receivedAt: times.receivedAt, channel: input.channel }, tz, ctx.config.handoverTime);
  const id = newId();

  const row = await ctx.db.kysely.transaction().execute(async (trx) => {
    const unit = await trx.selectFrom('units').select(['name', 'active']).where('id', '=', input.unitId).executeTakeFirst();
    if (!unit || !fromDbBool(unit.active)) {
      throw new AppError('VALIDATION_FAILED', '「单位」不存在或已停用，请重新选择报送单位。', { fields: [{ field: 'unitId', label: '单位', message: '不存在或已停用' }] });
    }
    const staff = await findDutyStaff(ctx, trx, deadlines.dutyDate);
    const year = Number(zonedParts(times.receivedAt, tz).date.slice(0, 4));
    const serialNo = await nextSequenceValue(trx, `incident-${year}`);

    const draft: IncidentsTable = {
      id,
      serial_year: year,
      serial_no: serialNo,
      title: input.title,
      unit_id: input.unitId,
      grade: input.grade,
      incident_type: null,
      early_sign: 0,
      place: null,
      occurred_at: toDbInstant(times.occurredAt),
      discovered_at: toDbInstant(times.discoveredAt),
      received_at: toDbInstant(times.receivedAt),
      channel: input.channel,
      reporter_name: null,
      reporter_contact: null,
      on_site_commander_name: null,
      on_site_commander_contact: null,
      facts: null,
      casualties: null,
      trend: null,
      measures: null,
      public_opinion: null,
      background: null,
      attachment_ids: '[]',
      report_deadline: toDbInstant(deadlines.reportDeadline),
      reported_late: toDbBool(deadlines.reportedLate),
      delay_minutes: deadlines.delayMinutes,
      written_report_due: toDbInstant(deadlines.writtenReportDue),
      written_report_at: null,
      verification_due: toDbInstant(deadlines.verificationDue),
      verified_at: null,
      final_report_at: null,
      follow_up_count: 0,
      next_follow_up_due: input.earlySign ? toDbInstant(nextFollowUpDue(times.receivedAt)) : null,
      status: 'received',
      duty_date: deadlines.dutyDate,
      commander_person_id: staff?.commander?.personId ?? null,
      commander_name: staff?.commander?.name ?? null,
      shift_leader_person_id: staff?.shiftLeader?.personId ?? null,
      shift_leader_name: staff?.shiftLeader?.name ?? null,
      officers: toDbJson(staff?.officers ?? []),
      summary_process: null,
      summary_handling: null,
      summary_lessons: null,
      created_by: user.id,
      created_at: toDbInstant(now),
      updated_at: toDbInstant(now),
      ...elementColumns(ctx, input),
    };
    // A written or system report with every element is the written first report itself.
    if (input.channel !== 'phone' && missingElementsOf(draft).length === 0) draft.written_report_at = draft.received_at;

    await trx.insertInto('incidents').values(draft).execute();
    if (input.attachmentIds?.length) {
      await linkAttachments(trx, input.attachmentIds, 'incident', id, seesAllUnits(user) ? undefined : user.unitId);
    }
    await appendStep(trx, id, {
      kind: 'received',
      actor,
      at: now,
      note: `${unit.name}${input.channel === 'phone' ? '电话' : input.channel === 'written' ? '书面' : '通过系统'}报告`,
      data: { channel: input.channel, reportedLate: deadlines.reportedLate, delayMinutes: deadlines.delayMinutes },
    });
    await appendAudit(trx, actor, {
      action: 'incident.create',
      entityType: 'incident',
      entityId: id,
      summary: `登记突发案事件 ${input.title}`,
      after: { ...auditCopy(input), title: input.title, unitId: input.unitId, grade: input.grade, channel: input.channel },
    }, now);
    return { ...draft, unitName: unit.name };
  });

  ctx.log.info({ incidentId: id, grade: input.grade, late: deadlines.reportedLate }, 'incident created');
  const view = toIncidentView(ctx, row, row.unitName, mayReadContacts(user, row.unit_id));
  await publishIncidentEvent(ctx, {
    type: 'incident.created',
    title: `新突发案事件：${row.unitName}「${input.title}」（${INCIDENT_GRADE_LABELS[input.grade]}）`,
    unitId: input.unitId,
    urgent: true,
    data: { incidentId: id, grade: input.grade, reportDeadline: view.reportDeadline },
  });
  if (deadlines.reportedLate) {
    await publishIncidentEvent(ctx, {
      type: 'incident.reported_late',
      title: `${row.unitName}迟报突发案事件「${input.title}」，迟报${delayText(deadlines.delayMinutes)}`,
      unitId: input.unitId,
      urgent: true,
      data: { incidentId: id, delayMinutes: deadlines.delayMinutes },
    });
  }
  return view;
}

export interface IncidentListQuery {
  scope: 'open' | 'all';
  unitId?: string;
  page: number;
  pageSize: number;
}

/** Lists incidents, open ones first and newest first. A unit liaison gets only the own unit's incidents. */
export async function listIncidents(ctx: AppContext, user: SessionUser, query: IncidentListQuery): Promise<{ items: IncidentView[]; total: number }> {
  let base = ctx.db.kysely.selectFrom('incidents').innerJoin('units', 'units.id', 'incidents.unit_id');
  if (!seesAllUnits(user)) base = base.where('incidents.unit_id', '=', user.unitId);
  else if (query.unitId) base = base.where('incidents.unit_id', '=', query.unitId);
  if (query.scope === 'open') base = base.where('incidents.status', '!=', 'archived');

  const counted = await base.select((eb) => eb.fn.countAll().as('count')).executeTakeFirst();
  const rows = await base
    .selectAll('incidents')
    .select('units.name as unit_name')
    .orderBy((eb) => eb.case().when('incidents.status', '=', 'archived').then(1).else(0).end())
    .orderBy('incidents.received_at', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    items: rows.map(({ unit_name, ...row }) => toIncidentView(ctx, row, unit_name, false)),
    total: Number(counted?.count ?? 0),
  };
}

/** Returns one incident; reading its contact numbers is audited as a confidential read. */
export async function getIncident(ctx: AppContext, user: SessionUser, actor: AuditActor, id: string): Promise<IncidentView> {
  const row = await requireIncident(ctx.db.kysely, id);
  assertUnitAccess(user, row.unit_id);
  const showContacts = mayReadContacts(user, row.unit_id);
  if (showContacts && (row.reporter_contact || row.on_site_commander_contact)) {
    await appendAudit(ctx.db.kysely, actor, { action: 'confidential.read', entityType: 'incident_contact', entityId: id, summary: `查看突发案事件联系电话 ${row.title}` }, ctx.clock.now());
  }
  return toIncidentView(ctx, row, await unitNameOf(ctx.db.kysely, row.unit_id), showContacts);
}

/**
 * Adds or corrects elements. When the last missing element arrives for a
 * written or system report, the written first report becomes complete.
 */
export async function updateIncident(
  ctx: AppContext,
  user: SessionUser,
  actor: AuditActor,
  id: string,
  patch: IncidentElementsInput & { title?: string },
): Promise<IncidentView> {
  const now = ctx.clock.now();
  const row = await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await requireIncident(trx, id);
    assertUnitAccess(user, before.unit_id);
    if (before.status === 'archived') throw invalidState('该突发案事件已归档，不能再修改。');

    const changes: Partial<IncidentsTable> = { ...elementColumns(ctx, patch), updated_at: toDbInstant(now) };
    if (patch.title !== undefined) changes.title = patch.title;
    if (patch.earlySign === true && !before.next_follow_up_due && !before.final_report_at) changes.next_follow_up_due = toDbInstant(nextFollowUpDue(now));
    if (patch.earlySign === false) changes.next_follow_up_due = null;
    const after = { ...before, ...changes };
    if (before.channel !== 'phone' && !before.written_report_at && missingElementsOf(after).length === 0) {
      changes.written_report_at = toDbInstant(now);
      after.written_report_at = changes.written_report_at;
    }
    await trx.updateTable('incidents').set(changes).where('id', '=', id).execute();
    if (patch.attachmentIds?.length) {
      await linkAttachments(trx, patch.attachmentIds, 'incident', id, seesAllUnits(user) ? undefined : user.unitId);
    }
    const changed = Object.keys(patch).filter((key) => (patch as Record<string, unknown>)[key] !== undefined);
    await appendStep(trx, id, { kind: 'elements_updated', actor, at: now, data: { fields: changed } });
    await appendAudit(trx, actor, { action: 'incident.update', entityType: 'incident', entityId: id, summary: `补充突发案事件要素 ${after.title}`, after: auditCopy(patch) }, now);
    return after;
  });
  ctx.log.info({ incidentId: id }, 'incident elements updated');
  await publishIncidentEvent(ctx, { type: 'incident.updated', title: `「${row.title}」要素已更新`, unitId: row.unit_id, data: { incidentId: id } });
  return toIncidentView(ctx, row, await unitNameOf(ctx.db.kysely, row.unit_id), mayReadContacts(user, row.unit_id));
}

export type ReportKind = 'written' | 'follow_up' | 'verification' | 'final';

/**
 * Records a report after the first one: the written report of a phone report
 * (only once every required element is present), a numbered follow-up
 * (续报一, 续报二…), the same-day verification (核报) or the final report
 * (终报), after which reporting is closed.
 */
export async function addIncidentReport(
  ctx: AppContext,
  user: SessionUser,
  actor: AuditActor,
  id: string,
  input: { kind: ReportKind; content: string; reportedAt?: string },
): Promise<IncidentView> {
  const now = ctx.clock.now();
  const reportedAt = input.reportedAt ? new Date(input.reportedAt) : now;
  if (reportedAt.getTime() > now.getTime() + 5 * 60_000) {
    throw new AppError('VALIDATION_FAILED', '「报告时间」晚于当前时间，请核对后重新填写。', { fields: [{ field: 'reportedAt', label: '报告时间', message: '晚于当前时间' }] });
  }

  const { row, label } = await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await requireIncident(trx, id);
    assertUnitAccess(user, before.unit_id);
    if (before.status === 'archived') throw invalidState('该突发案事件已归档，不能再报送。');
    if (before.final_report_at) throw invalidState('该突发案事件已报送终报，报送已结束。');

    const changes: Partial<IncidentsTable> = { updated_at: toDbInstant(now) };
    let number = 0;
    let label: string;
    if (input.kind === 'written') {
      const missing = missingElementsOf(before);
      if (missing.length > 0) {
        throw new AppError('INVALID_STATE', `书面报告要素不全，尚缺：${missing.join('、')}。请先补充这些要素，再登记书面报告。`, { missingElements: missing });
      }
      if (before.written_report_at) throw invalidState('该突发案事件的书面报告已登记，后续情况请登记续报。');
      changes.written_report_at = toDbInstant(reportedAt);
      label = before.channel === 'phone' ? '书面补报' : '书面初报';
    } else if (input.kind === 'follow_up') {
      const last = await trx.selectFrom('incident_reports').select((eb) => eb.fn.max('number').as('max_number')).where('incident_id', '=', id).where('kind', '=', 'follow_up').executeTakeFirst();
      number = Number(last?.max_number ?? 0) + 1;
      label = followUpLabel(number);
      changes.follow_up_count = number;
    } else if (input.kind === 'verification') {
      if (before.verified_at) throw invalidState('该突发案事件已核报，后续情况请登记续报。');
      changes.verified_at = toDbInstant(reportedAt);
      label = fromDbBool(before.early_sign) ? '核报（初步核查结论）' : '核报';
    } else {
      changes.final_report_at = toDbInstant(reportedAt);
      changes.next_follow_up_due = null;
      label = '终报';
    }
    // An early sign's next rolling follow-up is due one interval after its latest report.
    if (fromDbBool(before.early_sign) && input.kind !== 'final') changes.next_follow_up_due = toDbInstant(nextFollowUpDue(reportedAt));

    const reportCount = await trx.selectFrom('incident_reports').select((eb) => eb.fn.countAll().as('count')).where('incident_id', '=', id).executeTakeFirst();
    await trx
      .insertInto('incident_reports')
      .values({ id: newId(), incident_id: id, seq: Number(reportCount?.count ?? 0) + 1, kind: input.kind, number, label, content: input.content, reported_at: toDbInstant(reportedAt), created_by: user.id, created_by_name: user.name, created_at: toDbInstant(now) })
      .execute();
    await trx.updateTable('incidents').set(changes).where('id', '=', id).execute();
    await appendStep(trx, id, { kind: `report_${input.kind}`, actor, at: now, note: input.content, data: { label, reportedAt: toDbInstant(reportedAt) } });
    await appendAudit(trx, actor, { action: `incident.report.${input.kind}`, entityType: 'incident', entityId: id, summary: `登记${label} ${before.title}`, after: input }, now);
    return { row: { ...before, ...changes }, label };
  });
  ctx.log.info({ incidentId: id, kind: input.kind }, 'incident report recorded');
  await publishIncidentEvent(ctx, { type: 'incident.report', title: `「${row.title}」${label}已报送`, unitId: row.unit_id, data: { incidentId: id, kind: input.kind } });
  return toIncidentView(ctx, row, await unitNameOf(ctx.db.kysely, row.unit_id), mayReadContacts(user, row.unit_id));
}
