/**
 * 请假: leave requests for duty. Approved leave keeps a person out of
 * generated rosters; leave approved after publication flags the person's
 * published duty days, which then need a substitution (替班).
 */
import type { IsoDate } from '../../domain/time.js';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import type { SessionUser } from '../auth/sessions.js';
import { currentDutyDate } from '../calendar/calendar.service.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import type { DutyLeavesTable, LeaveStatus } from '../db/calendar-roster-tables.js';
import { fromDbBool, newId, toDbInstant } from '../db/sql-values.js';
import { forbidden, invalidField, invalidState, notFound } from '../errors.js';
import { ROSTER_MANAGER_ROLES } from './roster-settings.js';

export interface LeaveView {
  id: string;
  personId: string;
  personName: string;
  from: IsoDate;
  to: IsoDate;
  reason: string;
  status: LeaveStatus;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  /** Published duty days of the person inside the leave, which need a substitute. */
  affectedDuties: { date: IsoDate; role: string }[];
}

export interface LeaveInput {
  personId?: string | null;
  from: IsoDate;
  to: IsoDate;
  reason: string;
}

/** Maximum length of one leave record, so a typo in a year is caught. */
const MAX_LEAVE_DAYS = 366;

export function isRosterManager(user: SessionUser): boolean {
  return user.roles.some((role) => ROSTER_MANAGER_ROLES.includes(role));
}

export async function listLeaves(db: Executor, user: SessionUser, scope: 'mine' | 'all'): Promise<LeaveView[]> {
  let query = db.selectFrom('duty_leaves').selectAll();
  if (scope === 'mine' || !isRosterManager(user)) {
    query = query.where((eb) => eb.or([eb('person_id', '=', user.personId ?? ''), eb('requested_by', '=', user.id)]));
  }
  const rows = await query.orderBy('from_date', 'desc').orderBy('id').limit(500).execute();
  return Promise.all(rows.map((row) => toLeaveView(db, row)));
}

/** Requests leave for oneself, or for anyone when the user prepares rosters. */
export async function requestLeave(ctx: AppContext, user: SessionUser, actor: AuditActor, input: LeaveInput): Promise<LeaveView> {
  const now = ctx.clock.now();
  const personId = input.personId ?? user.personId;
  if (!personId) throw invalidField('人员', '您的账号未关联人员，请选择请假人员');
  if (personId !== user.personId && !isRosterManager(user)) throw forbidden('只能为本人申请请假；为他人登记请假请联系排班人员');
  if (input.to < input.from) throw invalidField('结束日期', `${input.to} 早于开始日期 ${input.from}，请修改`);
  const days = (Date.parse(input.to) - Date.parse(input.from)) / 86_400_000 + 1;
  if (days > MAX_LEAVE_DAYS) throw invalidField('结束日期', `请假 ${days} 天超过上限 ${MAX_LEAVE_DAYS} 天，请分段申请`);

  const person = await ctx.db.kysely.selectFrom('people').select(['id', 'name', 'active']).where('id', '=', personId).executeTakeFirst();
  if (!person || !fromDbBool(person.active)) throw invalidField('人员', '所选人员不存在或已停用，请重新选择');

  const id = newId();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto('duty_leaves')
      .values({
        id, person_id: person.id, person_name: person.name, from_date: input.from, to_date: input.to, reason: input.reason,
        status: 'requested', requested_by: user.id, requested_at: toDbInstant(now),
        decided_by: null, decided_by_name: null, decided_at: null, decision_note: null,
      })
      .execute();
    await appendAudit(trx, actor, { action: 'leave.request', entityType: 'duty_leave', entityId: id, summary: `${person.name} 申请请假 ${input.from} 至 ${input.to}`, after: input }, now);
  });
  ctx.log.info({ leaveId: id }, 'leave requested');
  return getLeave(ctx.db.kysely, id);
}

/**
 * Approves or rejects leave. A roster preparer decides, never for their own
 * leave. Approval flags the person's posts in published months inside the
 * leave as `leave_conflict`.
 */
export async function decideLeave(
  ctx: AppContext,
  user: SessionUser,
  actor: AuditActor,
  id: string,
  approve: boolean,
  note: string | null,
): Promise<LeaveView> {
  const now = ctx.clock.now();
  if (!isRosterManager(user)) throw forbidden('请假由排班人员（值班长、值班指挥长或系统管理员）审批');

  let flagged = 0;
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const leave = await trx.selectFrom('duty_leaves').selectAll().where('id', '=', id).executeTakeFirst();
    if (!leave) throw notFound('请假申请');
    if (leave.status !== 'requested') throw invalidState(`该请假申请已${leave.status === 'approved' ? '批准' : '驳回'}，不能重复审批`);
    if (leave.person_id === user.personId) throw forbidden('不能审批本人的请假申请，请由其他排班人员审批');

    await trx
      .updateTable('duty_leaves')
      .set({ status: approve ? 'approved' : 'rejected', decided_by: user.id, decided_by_name: user.name, decided_at: toDbInstant(now), decision_note: note })
      .where('id', '=', id)
      .execute();
    if (approve) flagged = await flagLeaveConflicts(trx, leave.person_id, leave.from_date, leave.to_date, currentDutyDate(ctx), now);
    await appendAudit(trx, actor, {
      action: approve ? 'leave.approve' : 'leave.reject',
      entityType: 'duty_leave',
      entityId: id,
      summary: `${approve ? '批准' : '驳回'} ${leave.person_name} 的请假（${leave.from_date} 至 ${leave.to_date}）${flagged > 0 ? `，${flagged} 个已发布值班岗位需替班` : ''}`,
      after: { status: approve ? 'approved' : 'rejected', note, flagged },
    }, now);
  });

  if (flagged > 0) {
    await ctx.events.publish({
      type: 'roster.leave_conflict',
      title: `已批准的请假涉及 ${flagged} 个已发布的值班岗位，请安排替班`,
      roles: [...ROSTER_MANAGER_ROLES],
      data: { leaveId: id },
      at: toDbInstant(now),
    });
  }
  ctx.log.info({ leaveId: id, approve, flagged }, 'leave decided');
  return getLeave(ctx.db.kysely, id);
}

/** Flags the person's published posts from today's duty date on inside the leave; returns how many. */
async function flagLeaveConflicts(trx: Executor, personId: string, from: IsoDate, to: IsoDate, today: IsoDate, now: Date): Promise<number> {
  const publishedMonths = (await trx.selectFrom('rosters').select('month').where('status', '=', 'published').execute()).map((row) => row.month);
  if (publishedMonths.length === 0) return 0;
  const start = from > today ? from : today;
  const result = await trx
    .updateTable('roster_assignments')
    .set({ flag: 'leave_conflict', updated_at: toDbInstant(now) })
    .where('person_id', '=', personId)
    .where('date', '>=', start)
    .where('date', '<=', to)
    .where('month', 'in', publishedMonths)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function getLeave(db: Executor, id: string): Promise<LeaveView> {
  const row = await db.selectFrom('duty_leaves').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('请假申请');
  return toLeaveView(db, row);
}

async function toLeaveView(db: Executor, row: DutyLeavesTable): Promise<LeaveView> {
  const duties = row.status === 'rejected'
    ? []
    : await db
        .selectFrom('roster_assignments')
        .innerJoin('rosters', 'rosters.month', 'roster_assignments.month')
        .select(['roster_assignments.date', 'roster_assignments.role'])
        .where('roster_assignments.person_id', '=', row.person_id)
        .where('roster_assignments.date', '>=', row.from_date)
        .where('roster_assignments.date', '<=', row.to_date)
        .where('rosters.status', '=', 'published')
        .orderBy('roster_assignments.date')
        .execute();
  return {
    id: row.id,
    personId: row.person_id,
    personName: row.person_name,
    from: row.from_date,
    to: row.to_date,
    reason: row.reason,
    status: row.status,
    requestedAt: row.requested_at,
    decidedBy: row.decided_by_name,
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
    affectedDuties: duties.map((duty) => ({ date: duty.date, role: duty.role })),
  };
}
