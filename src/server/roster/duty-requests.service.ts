/**
 * 换班 and 替班 on a published roster. A swap exchanges the requester's post
 * on one date with the counterpart's post of the same role on another date.
 * A substitution gives the requester's post to the counterpart. Both need
 * the counterpart's agreement and then the approval of an account with a
 * role that the roster settings name for the duty role. Nothing changes on
 * the roster until approval.
 */
import { DUTY_ROLE_LABELS, type DutyRole } from '../../domain/roster/index.js';
import type { IsoDate } from '../../domain/time.js';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import type { SessionUser } from '../auth/sessions.js';
import { currentDutyDate } from '../calendar/calendar.service.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import type { DutyChangeRequestsTable, DutyRequestKind, DutyRequestStatus, RosterAssignmentsTable } from '../db/calendar-roster-tables.js';
import { newId, toDbInstant } from '../db/sql-values.js';
import { forbidden, invalidField, invalidState, notFound } from '../errors.js';
import { isRosterManager } from './leave.service.js';
import { readRosterSettings, type RosterSettings } from './roster-settings.js';
import { assertEligible, insertChange } from './roster.service.js';

export const DUTY_REQUEST_KIND_LABELS: Record<DutyRequestKind, string> = { swap: '换班', substitution: '替班' };

export interface DutyRequestInput {
  kind: DutyRequestKind;
  date: IsoDate;
  role: DutyRole;
  counterpartPersonId: string;
  /** Swap only: the counterpart's duty date of the same role. */
  counterpartDate?: IsoDate | null;
  leaveId?: string | null;
  reason: string;
  /** Defaults to the signed-in user's person. Roster preparers may also request for others. */
  requesterPersonId?: string | null;
}

export interface DutyRequestView {
  id: string;
  kind: DutyRequestKind;
  status: DutyRequestStatus;
  role: DutyRole;
  date: IsoDate;
  requesterPersonId: string;
  requesterName: string;
  counterpartPersonId: string;
  counterpartName: string;
  counterpartDate: IsoDate | null;
  leaveId: string | null;
  reason: string;
  createdAt: string;
  counterpartAgreedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  canAgree: boolean;
  canApprove: boolean;
  canCancel: boolean;
}

export type DutyRequestScope = 'mine' | 'to_handle' | 'all';

export async function listDutyRequests(ctx: AppContext, db: Executor, user: SessionUser, scope: DutyRequestScope): Promise<DutyRequestView[]> {
  const settings = await readRosterSettings(db);
  const rows = await db.selectFrom('duty_change_requests').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(500).execute();
  const views = rows.map((row) => toView(row, user, settings));
  if (scope === 'all' && isRosterManager(user)) return views;
  if (scope === 'to_handle') return views.filter((view) => view.canAgree || view.canApprove);
  const personId = user.personId ?? '';
  return views.filter(
    (view, index) => view.requesterPersonId === personId || view.counterpartPersonId === personId || rows[index]!.created_by === user.id,
  );
}

export async function createDutyRequest(ctx: AppContext, user: SessionUser, actor: AuditActor, input: DutyRequestInput): Promise<DutyRequestView> {
  const now = ctx.clock.now();
  const today = currentDutyDate(ctx);
  const requesterId = input.requesterPersonId ?? user.personId;
  if (!requesterId) throw invalidField('申请人', '您的账号未关联人员，不能申请换班或替班');
  if (requesterId !== user.personId && !isRosterManager(user)) throw forbidden('只能为本人申请换班或替班');
  if (input.counterpartPersonId === requesterId) throw invalidField('对方人员', '对方人员不能是申请人本人，请重新选择');
  if (input.date < today) throw invalidField('日期', `${input.date} 的值班已过去，不能换班或替班`);

  const id = newId();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const own = await publishedPost(trx, input.date, input.role, requesterId, '申请人');
    let counterpartName: string;
    if (input.kind === 'swap') {
      counterpartName = await checkSwap(trx, input, own, today);
    } else {
      counterpartName = await checkSubstitution(trx, input, own);
    }
    const pending = await trx
      .selectFrom('duty_change_requests')
      .select('id')
      .where('status', 'in', ['pending_counterpart', 'pending_approval'])
      .where('date', '=', input.date)
      .where('role', '=', input.role)
      .where('requester_person_id', '=', requesterId)
      .executeTakeFirst();
    if (pending) throw invalidState(`${own.person_name} 在 ${input.date} 的${DUTY_ROLE_LABELS[input.role]}岗位已有待处理的申请，请先撤回或等待处理`);

    await trx
      .insertInto('duty_change_requests')
      .values({
        id, kind: input.kind, status: 'pending_counterpart', role: input.role, date: input.date,
        requester_person_id: requesterId, requester_name: own.person_name,
        counterpart_person_id: input.counterpartPersonId, counterpart_name: counterpartName,
        counterpart_date: input.kind === 'swap' ? input.counterpartDate ?? null : null,
        leave_id: input.leaveId ?? null, reason: input.reason, created_by: user.id, created_at: toDbInstant(now),
        counterpart_agreed_at: null, decided_by: null, decided_by_name: null, decided_at: null, decision_note: null,
      })
      .execute();
    await appendAudit(trx, actor, {
      action: `duty_request.${input.kind}.create`,
      entityType: 'duty_request',
      entityId: id,
      summary: `${own.person_name} 申请${DUTY_REQUEST_KIND_LABELS[input.kind]}：${input.date} ${DUTY_ROLE_LABELS[input.role]}，对方 ${counterpartName}`,
      after: input,
    }, now);
  });
  ctx.log.info({ dutyRequestId: id, kind: input.kind }, 'duty request created');
  return getDutyRequest(ctx.db.kysely, id, user);
}

/** Records the counterpart's agreement or refusal. */
export async function answerDutyRequest(ctx: AppContext, user: SessionUser, actor: AuditActor, id: string, agree: boolean): Promise<DutyRequestView> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const request = await loadRequest(trx, id);
    if (request.status !== 'pending_counterpart') throw invalidState('该申请已不在待对方确认状态，请刷新');
    if (request.counterpart_person_id !== user.personId) throw forbidden(`只有对方人员 ${request.counterpart_name} 本人可以确认此申请`);
    await trx
      .updateTable('duty_change_requests')
      .set(agree ? { status: 'pending_approval', counterpart_agreed_at: toDbInstant(now) } : { status: 'rejected', decided_by: user.id, decided_by_name: user.name, decided_at: toDbInstant(now), decision_note: '对方不同意' })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, actor, {
      action: agree ? 'duty_request.agree' : 'duty_request.decline',
      entityType: 'duty_request',
      entityId: id,
      summary: `${request.counterpart_name} ${agree ? '同意' : '不同意'} ${request.requester_name} 的${DUTY_REQUEST_KIND_LABELS[request.kind]}申请`,
    }, now);
  });
  return getDutyRequest(ctx.db.kysely, id, user);
}

/** The approver approves (applying the change to the roster) or rejects the request. */
export async function decideDutyRequest(
  ctx: AppContext,
  user: SessionUser,
  actor: AuditActor,
  id: string,
  approve: boolean,
  note: string | null,
): Promise<DutyRequestView> {
  const now = ctx.clock.now();
  const today = currentDutyDate(ctx);
  const settings = await readRosterSettings(ctx.db.kysely);
  let applied: DutyChangeRequestsTable | null = null;

  await ctx.db.kysely.transaction().execute(async (trx) => {
    const request = await loadRequest(trx, id);
    if (!canApprove(request, user, settings)) {
      throw forbidden(`${DUTY_ROLE_LABELS[request.role]}的${DUTY_REQUEST_KIND_LABELS[request.kind]}由${approverLabel(settings, request.role)}审批，且不能审批本人参与的申请`);
    }
    if (request.status !== 'pending_approval') {
      throw invalidState(request.status === 'pending_counterpart' ? `请等待 ${request.counterpart_name} 确认后再审批` : '该申请已处理，请刷新');
    }
    if (approve) {
      if (request.date < today || (request.counterpart_date !== null && request.counterpart_date < today)) {
        throw invalidState('申请涉及的值班日已过去，不能再批准，请驳回');
      }
      await recheckRequest(trx, request, today);
      await applyRequest(trx, actor, user, request, now);
      applied = request;
    }
    await trx
      .updateTable('duty_change_requests')
      .set({ status: approve ? 'approved' : 'rejected', decided_by: user.id, decided_by_name: user.name, decided_at: toDbInstant(now), decision_note: note })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, actor, {
      action: approve ? 'duty_request.approve' : 'duty_request.reject',
      entityType: 'duty_request',
      entityId: id,
      summary: `${approve ? '批准' : '驳回'} ${request.requester_name} 与 ${request.counterpart_name} 的${DUTY_REQUEST_KIND_LABELS[request.kind]}（${request.date}）`,
      after: { note },
    }, now);
  });

  if (applied !== null) {
    const request: DutyChangeRequestsTable = applied;
    await ctx.events.publish({
      type: 'roster.changed',
      title: `${request.date} ${DUTY_ROLE_LABELS[request.role]}已${DUTY_REQUEST_KIND_LABELS[request.kind]}：${request.requester_name} → ${request.counterpart_name}`,
      data: { requestId: id, date: request.date },
      at: toDbInstant(now),
    });
  }
  ctx.log.info({ dutyRequestId: id, approve }, 'duty request decided');
  return getDutyRequest(ctx.db.kysely, id, user);
}

export async function cancelDutyRequest(ctx: AppContext, user: SessionUser, actor: AuditActor, id: string): Promise<DutyRequestView> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const request = await loadRequest(trx, id);
    if (request.requester_person_id !== user.personId && request.created_by !== user.id) throw forbidden('只有申请人可以撤回申请');
    if (request.status !== 'pending_counterpart' && request.status !== 'pending_approval') throw invalidState('该申请已处理，不能撤回');
    await trx.updateTable('duty_change_requests').set({ status: 'cancelled', decided_at: toDbInstant(now), decided_by: user.id, decided_by_name: user.name }).where('id', '=', id).execute();
    await appendAudit(trx, actor, { action: 'duty_request.cancel', entityType: 'duty_request', entityId: id, summary: `撤回${DUTY_REQUEST_KIND_LABELS[request.kind]}申请（${request.date}）` }, now);
  });
  return getDutyRequest(ctx.db.kysely, id, user);
}

export async function getDutyRequest(db: Executor, id: string, user: SessionUser): Promise<DutyRequestView> {
  const row = await loadRequest(db, id);
  return toView(row, user, await readRosterSettings(db));
}

async function loadRequest(db: Executor, id: string): Promise<DutyChangeRequestsTable> {
  const row = await db.selectFrom('duty_change_requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('换班/替班申请');
  return row;
}

/** Finds a person's post of a role on a date in a published roster. */
async function publishedPost(db: Executor, date: IsoDate, role: DutyRole, personId: string, holder: '申请人' | '对方人员'): Promise<RosterAssignmentsTable> {
  const roster = await db.selectFrom('rosters').select('status').where('month', '=', date.slice(0, 7)).executeTakeFirst();
  if (!roster || roster.status !== 'published') {
    throw invalidState(`${date.slice(0, 7)} 的排班尚未发布；草稿请由排班人员直接调整`);
  }
  const post = await db
    .selectFrom('roster_assignments')
    .selectAll()
    .where('date', '=', date)
    .where('role', '=', role)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (!post) throw invalidField(holder === '申请人' ? '日期' : '对方日期', `${holder}在 ${date} 没有${DUTY_ROLE_LABELS[role]}值班，请核对日期和岗位`);
  return post;
}

async function checkSwap(db: Executor, input: DutyRequestInput, own: RosterAssignmentsTable, today: IsoDate): Promise<string> {
  const otherDate = input.counterpartDate;
  if (!otherDate) throw invalidField('对方日期', '换班须填写对方的值班日期');
  if (otherDate === input.date) throw invalidField('对方日期', '对方日期与本人日期相同，同一天请申请替班');
  if (otherDate < today) throw invalidField('对方日期', `${otherDate} 的值班已过去，不能换班`);
  const theirs = await publishedPost(db, otherDate, input.role, input.counterpartPersonId, '对方人员');

  const ownDay = await dayPosts(db, input.date);
  const theirDay = await dayPosts(db, otherDate);
  const ignore = [own.id, theirs.id];
  await assertEligible(db, input.date, input.role, input.counterpartPersonId, ownDay.filter((row) => row.id !== own.id), ignore);
  await assertEligible(db, otherDate, input.role, own.person_id, theirDay.filter((row) => row.id !== theirs.id), ignore);
  return theirs.person_name;
}

async function checkSubstitution(db: Executor, input: DutyRequestInput, own: RosterAssignmentsTable): Promise<string> {
  if (input.leaveId) {
    const leave = await db.selectFrom('duty_leaves').selectAll().where('id', '=', input.leaveId).executeTakeFirst();
    if (!leave || leave.person_id !== own.person_id || leave.from_date > input.date || leave.to_date < input.date) {
      throw invalidField('请假记录', `所选请假记录不是 ${own.person_name} 在 ${input.date} 的请假，请重新选择`);
    }
  }
  const day = await dayPosts(db, input.date);
  const person = await assertEligible(db, input.date, input.role, input.counterpartPersonId, day.filter((row) => row.id !== own.id), [own.id]);
  return person.name;
}

function dayPosts(db: Executor, date: IsoDate): Promise<RosterAssignmentsTable[]> {
  return db.selectFrom('roster_assignments').selectAll().where('date', '=', date).execute();
}

/** Runs the request's checks again, because leave or other changes may have been approved since it was made. */
async function recheckRequest(trx: Executor, request: DutyChangeRequestsTable, today: IsoDate): Promise<void> {
  const input: DutyRequestInput = {
    kind: request.kind,
    date: request.date,
    role: request.role,
    counterpartPersonId: request.counterpart_person_id,
    counterpartDate: request.counterpart_date,
    leaveId: request.leave_id,
    reason: request.reason,
  };
  const own = await publishedPost(trx, request.date, request.role, request.requester_person_id, '申请人');
  if (request.kind === 'swap') {
    await checkSwap(trx, input, own, today);
  } else {
    await checkSubstitution(trx, input, own);
  }
}

async function applyRequest(trx: Executor, actor: AuditActor, user: SessionUser, request: DutyChangeRequestsTable, now: Date): Promise<void> {
  // Re-read the posts: another approved change may have moved them since the request.
  const own = await publishedPost(trx, request.date, request.role, request.requester_person_id, '申请人');
  const moves: [RosterAssignmentsTable, { personId: string; name: string }][] = [
    [own, { personId: request.counterpart_person_id, name: request.counterpart_name }],
  ];
  if (request.kind === 'swap') {
    const theirs = await publishedPost(trx, request.counterpart_date!, request.role, request.counterpart_person_id, '对方人员');
    moves.push([theirs, { personId: request.requester_person_id, name: request.requester_name }]);
  }

  for (const [post, person] of moves) {
    await trx
      .updateTable('roster_assignments')
      .set({ person_id: person.personId, person_name: person.name, source: request.kind, flag: null, updated_at: toDbInstant(now) })
      .where('id', '=', post.id)
      .execute();
    await insertChange(trx, actor, {
      month: post.month, date: post.date, role: post.role, slot: post.slot, kind: request.kind,
      fromPersonId: post.person_id, fromPersonName: post.person_name, toPersonId: person.personId, toPersonName: person.name,
      requestId: request.id, approvedByName: user.name, note: request.reason,
    }, now);
  }
}

function canApprove(request: DutyChangeRequestsTable, user: SessionUser, settings: RosterSettings): boolean {
  const allowed = settings.approverRoles[request.role] ?? [];
  const party = user.personId !== null && (user.personId === request.requester_person_id || user.personId === request.counterpart_person_id);
  return !party && user.roles.some((role) => allowed.includes(role));
}

function approverLabel(settings: RosterSettings, role: DutyRole): string {
  const labels: Record<string, string> = { sys_admin: '系统管理员', bureau_leader: '局领导', duty_commander: '值班指挥长', shift_leader: '值班长' };
  return settings.approverRoles[role].map((item) => labels[item] ?? item).join('或');
}

function toView(row: DutyChangeRequestsTable, user: SessionUser, settings: RosterSettings): DutyRequestView {
  const pending = row.status === 'pending_counterpart' || row.status === 'pending_approval';
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    role: row.role,
    date: row.date,
    requesterPersonId: row.requester_person_id,
    requesterName: row.requester_name,
    counterpartPersonId: row.counterpart_person_id,
    counterpartName: row.counterpart_name,
    counterpartDate: row.counterpart_date,
    leaveId: row.leave_id,
    reason: row.reason,
    createdAt: row.created_at,
    counterpartAgreedAt: row.counterpart_agreed_at,
    decidedBy: row.decided_by_name,
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
    canAgree: row.status === 'pending_counterpart' && row.counterpart_person_id === user.personId,
    canApprove: row.status === 'pending_approval' && canApprove(row, user, settings),
    canCancel: pending && (row.requester_person_id === user.personId || row.created_by === user.id),
  };
}
