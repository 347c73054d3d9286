import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DAY_TYPES, DUTY_LEVEL_LABELS, DAY_TYPE_LABELS, onSiteHoursRequired } from '../../domain/calendar/index.js';
import { DUTY_ROLES } from '../../domain/roster/index.js';
import { dutyDayBounds, formatInstant } from '../../domain/time.js';
import { roles } from '../../shared/roles.js';
import { appendAudit } from '../audit/audit-log.js';
import { currentDutyDate } from '../calendar/calendar.service.js';
import type { AppContext } from '../context.js';
import { rolesAccess, staffRoles } from '../http/access.js';
import { currentUser } from '../http/auth-hook.js';
import { registerFieldLabels } from '../http/field-labels.js';
import { auditActorOf } from '../http/request-context.js';
import { idParam, isoDate, monthKey, optionalText, requiredText } from '../http/schemas.js';
import { writeSetting } from '../settings.js';
import { dutyStaffOn } from './duty-staff.js';
import { answerDutyRequest, cancelDutyRequest, createDutyRequest, decideDutyRequest, listDutyRequests } from './duty-requests.service.js';
import { decideLeave, listLeaves, requestLeave } from './leave.service.js';
import { readRosterSettings, ROSTER_MANAGER_ROLES, ROSTER_SETTINGS_KEY } from './roster-settings.js';
import { adjustPost, generateMonth, getRoster, listCandidates, listChanges, publishRoster, setOfficersOnDate } from './roster.service.js';

registerFieldLabels({
  confirmRegenerate: '确认重新生成',
  role: '岗位',
  slot: '岗位序号',
  officers: '值班员人数',
  counterpartPersonId: '对方人员',
  counterpartDate: '对方日期',
  requesterPersonId: '申请人',
  leaveId: '请假记录',
  officersPerDay: '每日值班员人数',
  minRestDays: '最小间隔天数',
  fairnessWindow: '均衡统计区间',
  approverRoles: '审批角色',
  approve: '审批结果',
  agree: '是否同意',
  scope: '范围',
}, ['/api/duty/', '/api/duty-leaves', '/api/duty-requests', '/api/roster-candidates', '/api/roster-officer-counts', '/api/roster-settings', '/api/rosters']);

const slot = z.object({ personId: z.string(), name: z.string() });
const issue = z.object({
  date: z.string(), role: z.enum(DUTY_ROLES as [string, ...string[]]), severity: z.string(), code: z.string(),
  personId: z.string().optional(), missing: z.number().optional(), message: z.string(),
});
const rosterDay = z.object({
  date: z.string(), dayType: z.string(), dutyLevel: z.string(), name: z.string().nullable(), official: z.boolean(),
  commander: slot.nullable(), shiftLeader: slot.nullable(), officers: z.array(slot), officersNeeded: z.number(), flags: z.array(z.string()),
});
const rosterResponse = z.object({
  month: z.string(),
  status: z.enum(['draft', 'published']),
  generatedAt: z.string(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  official: z.boolean(),
  days: z.array(rosterDay),
  fairness: z.unknown(),
  gaps: z.array(issue),
  warnings: z.array(issue),
});
const dutyRole = z.enum(DUTY_ROLES as ['commander', 'shiftLeader', 'officer']);
const monthParams = z.object({ month: monthKey });

const settingsSchema = z.object({
  officersPerDay: z.object(Object.fromEntries(DAY_TYPES.map((type) => [type, z.number().int().min(1).max(50)])) as Record<(typeof DAY_TYPES)[number], z.ZodNumber>),
  minRestDays: z.number().int().min(0).max(30),
  fairnessWindow: z.enum(['calendar_year', 'rolling_year']),
  approverRoles: z.object({
    commander: z.array(z.enum(roles)).min(1),
    shiftLeader: z.array(z.enum(roles)).min(1),
    officer: z.array(z.enum(roles)).min(1),
  }),
});

const leaveSchema = z.object({
  id: z.string(), personId: z.string(), personName: z.string(), from: z.string(), to: z.string(), reason: z.string(),
  status: z.enum(['requested', 'approved', 'rejected']), requestedAt: z.string(), decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(), decisionNote: z.string().nullable(),
  affectedDuties: z.array(z.object({ date: z.string(), role: z.string() })),
});

const requestSchema = z.object({
  id: z.string(), kind: z.enum(['swap', 'substitution']),
  status: z.enum(['pending_counterpart', 'pending_approval', 'approved', 'rejected', 'cancelled']),
  role: dutyRole, date: z.string(), requesterPersonId: z.string(), requesterName: z.string(), counterpartPersonId: z.string(),
  counterpartName: z.string(), counterpartDate: z.string().nullable(), leaveId: z.string().nullable(), reason: z.string(),
  createdAt: z.string(), counterpartAgreedAt: z.string().nullable(), decidedBy: z.string().nullable(), decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(), canAgree: z.boolean(), canApprove: z.boolean(), canCancel: z.boolean(),
});

const decisionBody = z.object({ approve: z.boolean(), note: optionalText(200) });

/**
 * Access: every staff member reads rosters and requests leave, swaps and
 * substitutions. The personnel office prepares rosters through the shift
 * leader and duty commander accounts (and the system administrator), so
 * those roles generate, adjust and publish. The roster settings name the
 * roles that approve swaps of each duty role.
 */
export async function rosterRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const readers = { access: rolesAccess(staffRoles) };
  const managers = { access: rolesAccess(ROSTER_MANAGER_ROLES) };

  app.get(
    '/api/duty/today',
    {
      config: { access: rolesAccess(staffRoles, { display: true }) },
      schema: {
        tags: ['排班'],
        summary: '今日值班（交接班前仍为前一值班日）',
        response: {
          200: z.object({
            date: z.string(), dayType: z.string(), dayTypeLabel: z.string(), dutyLevel: z.string(), dutyLevelLabel: z.string(),
            name: z.string().nullable(), official: z.boolean(), published: z.boolean(),
            commander: slot.nullable(), shiftLeader: slot.nullable(), officers: z.array(slot),
            startsAt: z.string(), endsAt: z.string(),
            onSiteHours: z.object({ commander: z.number(), shiftLeader: z.number(), officer: z.number() }),
          }),
        },
      },
    },
    async () => {
      const date = currentDutyDate(ctx);
      const day = await dutyStaffOn(ctx, ctx.db.kysely, date);
      const bounds = dutyDayBounds(date, ctx.config.timeZone, ctx.config.handoverTime);
      return {
        ...day,
        dayTypeLabel: DAY_TYPE_LABELS[day.dayType],
        dutyLevelLabel: DUTY_LEVEL_LABELS[day.dutyLevel],
        startsAt: formatInstant(bounds.start, ctx.config.timeZone),
        endsAt: formatInstant(bounds.end, ctx.config.timeZone),
        onSiteHours: onSiteHoursRequired(day.dutyLevel),
      };
    },
  );

  app.get(
    '/api/rosters/:month',
    { config: readers, schema: { tags: ['排班'], summary: '月排班（换班、替班后的最终排班）', params: monthParams, response: { 200: rosterResponse } } },
    async (request) => getRoster(ctx, ctx.db.kysely, request.params.month),
  );

  app.post(
    '/api/rosters/:month/generate',
    {
      config: managers,
      schema: {
        tags: ['排班'],
        summary: '生成月排班草稿；已发布的月份须确认，只重排今天以后的值班日',
        params: monthParams,
        body: z.object({ confirmRegenerate: z.boolean().optional() }).nullish(),
        response: { 201: rosterResponse },
      },
    },
    async (request, reply) => {
      const roster = await generateMonth(ctx, auditActorOf(request), request.params.month, { confirmRegenerate: request.body?.confirmRegenerate ?? false });
      void reply.status(201);
      return roster;
    },
  );

  app.post(
    '/api/rosters/:month/publish',
    { config: managers, schema: { tags: ['排班'], summary: '发布排班（有空缺时拒绝并列出）', params: monthParams, response: { 200: rosterResponse } } },
    async (request) => publishRoster(ctx, auditActorOf(request), request.params.month),
  );

  app.put(
    '/api/rosters/:month/posts',
    {
      config: managers,
      schema: {
        tags: ['排班'],
        summary: '调整草稿中某日某岗位的人员',
        params: monthParams,
        body: z.object({ date: isoDate, role: dutyRole, slot: z.number().int().min(0).max(49).default(0), personId: z.string().min(1).max(64) }),
        response: { 200: rosterResponse },
      },
    },
    async (request) => adjustPost(ctx, auditActorOf(request), request.params.month, request.body),
  );

  app.get(
    '/api/rosters/:month/changes',
    {
      config: readers,
      schema: {
        tags: ['排班'],
        summary: '排班变更记录（原计划、变更后、审批人）',
        params: monthParams,
        response: {
          200: z.object({
            changes: z.array(z.object({
              id: z.string(), at: z.string(), kind: z.string(), date: z.string().nullable(), role: z.string().nullable(),
              fromPerson: z.string().nullable(), toPerson: z.string().nullable(), actorName: z.string().nullable(),
              approvedBy: z.string().nullable(), note: z.string().nullable(),
            })),
          }),
        },
      },
    },
    async (request) => ({ changes: await listChanges(ctx.db.kysely, request.params.month) }),
  );

  app.get(
    '/api/roster-candidates',
    {
      config: readers,
      schema: {
        tags: ['排班'],
        summary: '某日某岗位可安排的人员（在轮值名单中、未请假、前后一天无值班，负担轻者在前）',
        querystring: z.object({ date: isoDate, role: dutyRole }),
        response: {
          200: z.object({
            candidates: z.array(z.object({ personId: z.string(), name: z.string(), categoryCount: z.number(), totalCount: z.number(), lastDutyDate: z.string().nullable() })),
          }),
        },
      },
    },
    async (request) => ({ candidates: await listCandidates(ctx, ctx.db.kysely, request.query.date, request.query.role) }),
  );

  app.put(
    '/api/roster-officer-counts/:date',
    {
      config: managers,
      schema: {
        tags: ['排班'],
        summary: '设置某日值班员人数（下次生成时生效）',
        params: z.object({ date: isoDate }),
        body: z.object({ officers: z.number().int().min(1).max(50) }),
        response: { 200: z.object({ date: z.string(), officers: z.number() }) },
      },
    },
    async (request) => {
      await setOfficersOnDate(ctx, auditActorOf(request), request.params.date, request.body.officers);
      return { date: request.params.date, officers: request.body.officers };
    },
  );

  app.get(
    '/api/roster-settings',
    { config: readers, schema: { tags: ['排班'], summary: '排班设置', response: { 200: z.object({ settings: settingsSchema }) } } },
    async () => ({ settings: await readRosterSettings(ctx.db.kysely) }),
  );

  app.put(
    '/api/roster-settings',
    {
      config: { access: rolesAccess(['sys_admin', 'duty_commander']) },
      schema: { tags: ['排班'], summary: '修改排班设置（只影响以后生成的排班）', body: settingsSchema, response: { 200: z.object({ settings: settingsSchema }) } },
    },
    async (request) => {
      const now = ctx.clock.now();
      const actor = auditActorOf(request);
      await ctx.db.kysely.transaction().execute(async (trx) => {
        const before = await readRosterSettings(trx);
        await writeSetting(trx, ROSTER_SETTINGS_KEY, request.body, now, actor.userId);
        await appendAudit(trx, actor, { action: 'roster.settings', entityType: 'setting', entityId: ROSTER_SETTINGS_KEY, summary: '修改排班设置', before, after: request.body }, now);
      });
      return { settings: await readRosterSettings(ctx.db.kysely) };
    },
  );

  app.get(
    '/api/duty-leaves',
    {
      config: readers,
      schema: {
        tags: ['排班'],
        summary: '请假记录（本人的；排班人员可看全部）',
        querystring: z.object({ scope: z.enum(['mine', 'all']).default('mine') }),
        response: { 200: z.object({ leaves: z.array(leaveSchema) }) },
      },
    },
    async (request) => ({ leaves: await listLeaves(ctx.db.kysely, currentUser(request), request.query.scope) }),
  );

  app.post(
    '/api/duty-leaves',
    {
      config: readers,
      schema: {
        tags: ['排班'],
        summary: '申请请假',
        body: z.object({ personId: z.string().max(64).nullish(), from: isoDate, to: isoDate, reason: requiredText(200) }),
        response: { 201: z.object({ leave: leaveSchema }) },
      },
    },
    async (request, reply) => {
      const leave = await requestLeave(ctx, currentUser(request), auditActorOf(request), request.body);
      void reply.status(201);
      return { leave };
    },
  );

  app.post(
    '/api/duty-leaves/:id/decision',
    { config: managers, schema: { tags: ['排班'], summary: '审批请假', params: idParam, body: decisionBody, response: { 200: z.object({ leave: leaveSchema }) } } },
    async (request) => ({
      leave: await decideLeave(ctx, currentUser(request), auditActorOf(request), request.params.id, request.body.approve, request.body.note ?? null),
    }),
  );

  app.get(
    '/api/duty-requests',
    {
      config: readers,
      schema: {
        tags: ['排班'],
        summary: '换班、替班申请（mine 本人相关；to_handle 待我确认或审批；all 排班人员看全部）',
        querystring: z.object({ scope: z.enum(['mine', 'to_handle', 'all']).default('mine') }),
        response: { 200: z.object({ requests: z.array(requestSchema) }) },
      },
    },
    async (request) => ({ requests: await listDutyRequests(ctx, ctx.db.kysely, currentUser(request), request.query.scope) }),
  );

  app.post(
    '/api/duty-requests',
    {
      config: readers,
      schema: {
        tags: ['排班'],
        summary: '申请换班或替班',
        body: z.object({
          kind: z.enum(['swap', 'substitution']),
          date: isoDate,
          role: dutyRole,
          counterpartPersonId: z.string().min(1).max(64),
          counterpartDate: isoDate.nullish(),
          leaveId: z.string().max(64).nullish(),
          reason: requiredText(200),
          requesterPersonId: z.string().max(64).nullish(),
        }),
        response: { 201: z.object({ request: requestSchema }) },
      },
    },
    async (request, reply) => {
      const created = await createDutyRequest(ctx, currentUser(request), auditActorOf(request), request.body);
      void reply.status(201);
      return { request: created };
    },
  );

  app.post(
    '/api/duty-requests/:id/answer',
    { config: readers, schema: { tags: ['排班'], summary: '对方人员同意或不同意', params: idParam, body: z.object({ agree: z.boolean() }), response: { 200: z.object({ request: requestSchema }) } } },
    async (request) => ({ request: await answerDutyRequest(ctx, currentUser(request), auditActorOf(request), request.params.id, request.body.agree) }),
  );

  app.post(
    '/api/duty-requests/:id/decision',
    { config: readers, schema: { tags: ['排班'], summary: '审批换班或替班（批准后排班才改变）', params: idParam, body: decisionBody, response: { 200: z.object({ request: requestSchema }) } } },
    async (request) => ({
      request: await decideDutyRequest(ctx, currentUser(request), auditActorOf(request), request.params.id, request.body.approve, request.body.note ?? null),
    }),
  );

  app.post(
    '/api/duty-requests/:id/cancel',
    { config: readers, schema: { tags: ['排班'], summary: '撤回申请', params: idParam, response: { 200: z.object({ request: requestSchema }) } } },
    async (request) => ({ request: await cancelDutyRequest(ctx, currentUser(request), auditActorOf(request), request.params.id) }),
  );
}
