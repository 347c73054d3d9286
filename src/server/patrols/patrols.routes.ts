import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkMethods, patrollerRoles, problemKinds, problemStatuses, siteKinds } from '../../domain/patrols/index.js';
import { addDays, monthBounds, zonedInstant, zonedParts } from '../../domain/time.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { dutyHandlerRoles, dutyStaffRoles, rolesAccess, staffRoles } from '../http/access.js';
import { currentUser } from '../http/auth-hook.js';
import { auditActorOf } from '../http/request-context.js';
import { booleanQuery, idParam, instant, isoDate, monthKey, optionalText, requiredText } from '../http/schemas.js';
import { nightCheckRoutes } from '../night-checks/night-checks.routes.js';
import { platformCheckRoutes } from '../platform-checks/platform-checks.routes.js';
import { rollCallRoutes } from '../roll-calls/roll-calls.routes.js';
import { monthlyAnalysis, monthlyAnalysisDocument } from './analysis.service.js';
import { analysisSchema, attachmentIdList, patrolSchema, problemFinding, problemSchema, siteSchema } from './patrols.schemas.js';
import { createPatrol, getPatrol, listPatrols } from './patrols.service.js';
import {
  closeProblem,
  createProblem,
  getVisibleProblem,
  listVisibleProblems,
  openPatrolProblems,
  readProblemSettings,
  returnProblem,
  saveProblemSettings,
  submitRectification,
} from './problems.service.js';
import { createSite, listSites, updateSite } from './sites.service.js';

/** Roles that configure sites, platforms and the module's settings. */
const configRoles = ['sys_admin', 'shift_leader'] as const;
/** Duty staff and the seats that patrol by video (警务督查, 戒毒管理). */
const patrolRoles = [...dutyHandlerRoles, 'seat_staff'] as const;

const siteBody = z.object({
  name: requiredText(100),
  unitId: z.string().min(1).max(64),
  kind: z.enum(siteKinds),
  checkMethod: z.enum(checkMethods),
  sortOrder: z.number().int().min(0).max(9999).optional(),
  note: optionalText(500),
});

const patrolBody = z.object({
  patrolledAt: instant,
  patrollerRole: z.enum(patrollerRoles),
  patrollerName: requiredText(50).optional(),
  method: z.enum(checkMethods),
  summary: optionalText(2000),
  items: z
    .array(
      z.object({
        siteId: z.string().min(1).max(64),
        observation: requiredText(1000),
        attachmentIds: attachmentIdList.optional(),
        problem: problemFinding.nullish(),
      }),
    )
    .min(1)
    .max(100),
});

/** Registers the routes of video patrols, night checks, roll calls and platform checks. */
export async function patrolsRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['视频巡查'];

  app.get(
    '/api/patrol-sites',
    {
      config: { access: rolesAccess(staffRoles) },
      schema: { tags, summary: '巡查点位列表', querystring: z.object({ activeOnly: booleanQuery.optional() }), response: { 200: z.object({ sites: z.array(siteSchema) }) } },
    },
    async (request) => ({ sites: await listSites(ctx.db.kysely, { activeOnly: request.query.activeOnly === true }) }),
  );

  app.post(
    '/api/patrol-sites',
    { config: { access: rolesAccess(configRoles) }, schema: { tags, summary: '新增巡查点位', body: siteBody, response: { 201: z.object({ site: siteSchema }) } } },
    async (request, reply) => {
      const site = await createSite(ctx, auditActorOf(request), request.body);
      void reply.status(201);
      return { site };
    },
  );

  app.patch(
    '/api/patrol-sites/:id',
    {
      config: { access: rolesAccess(configRoles) },
      schema: { tags, summary: '修改或停用巡查点位', params: idParam, body: siteBody.partial().extend({ active: z.boolean().optional() }), response: { 200: z.object({ site: siteSchema }) } },
    },
    async (request) => ({ site: await updateSite(ctx, auditActorOf(request), request.params.id, request.body) }),
  );

  app.get(
    '/api/patrols',
    {
      config: { access: rolesAccess(dutyStaffRoles) },
      schema: { tags, summary: '视频巡查记录', description: '按值班日查询，默认最近7天。', querystring: z.object({ from: isoDate.optional(), to: isoDate.optional() }), response: { 200: z.object({ patrols: z.array(patrolSchema) }) } },
    },
    async (request) => {
      const today = zonedParts(ctx.clock.now(), ctx.config.timeZone).date;
      const to = request.query.to ?? today;
      const from = request.query.from ?? addDays(to, -6);
      if (from > to) throw new AppError('VALIDATION_FAILED', `「开始日期」${from} 晚于结束日期 ${to}，请修改。`);
      return { patrols: await listPatrols(ctx, ctx.db.kysely, { from, to }) };
    },
  );

  app.get(
    '/api/patrols/:id',
    { config: { access: rolesAccess(dutyStaffRoles) }, schema: { tags, summary: '视频巡查记录详情', params: idParam, response: { 200: z.object({ patrol: patrolSchema }) } } },
    async (request) => ({ patrol: await getPatrol(ctx, ctx.db.kysely, request.params.id) }),
  );

  app.post(
    '/api/patrols',
    {
      config: { access: rolesAccess(patrolRoles) },
      schema: { tags, summary: '登记视频巡查', description: '按巡查顺序列出点位；有问题的点位自动登记为巡查问题并通知责任单位。', body: patrolBody, response: { 201: z.object({ patrol: patrolSchema }) } },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { patrolledAt, patrollerName, ...rest } = request.body;
      const patrol = await createPatrol(ctx, { ...auditActorOf(request), userId: user.id }, { ...rest, patrolledAt: new Date(patrolledAt), patrollerName: patrollerName ?? user.name });
      void reply.status(201);
      return { patrol };
    },
  );

  app.get(
    '/api/patrols/analysis',
    {
      config: { access: rolesAccess(dutyStaffRoles) },
      schema: { tags, summary: '月度巡查问题分析', querystring: z.object({ month: monthKey }), response: { 200: z.object({ analysis: analysisSchema }) } },
    },
    async (request) => ({ analysis: await monthlyAnalysis(ctx, ctx.db.kysely, request.query.month) }),
  );

  app.get(
    '/api/patrols/analysis/export',
    { config: { access: rolesAccess(dutyStaffRoles) }, schema: { tags, summary: '导出月度分析报告（Word）', querystring: z.object({ month: monthKey }) } },
    async (request, reply) => {
      const { fileName, content } = await monthlyAnalysisDocument(ctx, ctx.db.kysely, request.query.month);
      void reply
        .header('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
      return reply.send(content);
    },
  );

  await problemRoutes(api, ctx);
  await nightCheckRoutes(api, ctx);
  await rollCallRoutes(api, ctx);
  await platformCheckRoutes(api, ctx);
}

async function problemRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['巡查问题整改'];
  const viewerRoles = [...dutyStaffRoles, 'unit_liaison'] as const;

  app.get(
    '/api/patrol-problems',
    {
      config: { access: rolesAccess(viewerRoles) },
      schema: {
        tags,
        summary: '巡查问题列表',
        description: '单位信息员只能看到本单位的问题。',
        querystring: z.object({ status: z.enum(problemStatuses).optional(), unitId: z.string().max(64).optional(), overdueOnly: booleanQuery.optional(), month: monthKey.optional() }),
        response: { 200: z.object({ problems: z.array(problemSchema) }) },
      },
    },
    async (request) => {
      const { month, ...filter } = request.query;
      const tz = ctx.config.timeZone;
      const range = month
        ? { from: zonedInstant(monthBounds(month).first, '00:00', tz), to: zonedInstant(addDays(monthBounds(month).last, 1), '00:00', tz) }
        : {};
      return { problems: await listVisibleProblems(ctx, currentUser(request), { ...filter, ...range }) };
    },
  );

  app.get(
    '/api/patrol-problems/open',
    {
      config: { access: rolesAccess(dutyStaffRoles, { display: true }) },
      schema: { tags, summary: '未销号的巡查问题（指挥大厅）', response: { 200: z.object({ total: z.number(), overdue: z.number(), problems: z.array(problemSchema) }) } },
    },
    async () => openPatrolProblems(ctx, ctx.db.kysely),
  );

  app.get(
    '/api/patrol-problems/settings',
    { config: { access: rolesAccess(staffRoles) }, schema: { tags, summary: '整改期限设置', response: { 200: z.object({ rectificationDays: z.number() }) } } },
    async () => readProblemSettings(ctx.db.kysely),
  );

  app.put(
    '/api/patrol-problems/settings',
    {
      config: { access: rolesAccess(configRoles) },
      schema: { tags, summary: '修改整改期限', body: z.object({ rectificationDays: z.number().int().min(1).max(60) }), response: { 200: z.object({ rectificationDays: z.number() }) } },
    },
    async (request) => saveProblemSettings(ctx, auditActorOf(request), request.body),
  );

  app.get(
    '/api/patrol-problems/:id',
    { config: { access: rolesAccess(viewerRoles) }, schema: { tags, summary: '巡查问题详情', params: idParam, response: { 200: z.object({ problem: problemSchema }) } } },
    async (request) => ({ problem: await getVisibleProblem(ctx, currentUser(request), request.params.id) }),
  );

  app.post(
    '/api/patrol-problems',
    {
      config: { access: rolesAccess(patrolRoles) },
      schema: {
        tags,
        summary: '登记巡查问题',
        description: '通过其他渠道发现的问题；巡查和夜查登记时填写的问题会自动登记。',
        body: z.object({
          siteId: z.string().min(1).max(64).nullish(),
          unitId: z.string().min(1).max(64).nullish(),
          kind: z.enum(problemKinds),
          description: requiredText(1000),
          evidenceIds: attachmentIdList.optional(),
          foundAt: instant,
          foundByName: requiredText(50).optional(),
        }),
        response: { 201: z.object({ problem: problemSchema }) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const body = request.body;
      const foundAt = new Date(body.foundAt);
      if (foundAt.getTime() > ctx.clock.now().getTime() + 5 * 60_000) {
        throw new AppError('VALIDATION_FAILED', '「发现时间」晚于当前时间，请填写实际发现问题的时间。');
      }
      const problem = await createProblem(ctx, { ...auditActorOf(request), userId: user.id }, {
        ...body,
        foundAt,
        source: 'manual',
        foundByName: body.foundByName ?? user.name,
      });
      void reply.status(201);
      return { problem };
    },
  );

  app.post(
    '/api/patrol-problems/:id/rectification',
    {
      config: { access: rolesAccess(['unit_liaison', ...dutyHandlerRoles]) },
      schema: {
        tags,
        summary: '报送整改报告',
        description: '上传经单位主要负责同志签字的书面整改报告扫描件（先 POST /api/attachments），填写负责同志姓名并确认。',
        params: idParam,
        body: z.object({
          reportText: optionalText(5000),
          reportAttachmentIds: attachmentIdList,
          headName: requiredText(50),
          headConfirmed: z.boolean(),
        }),
        response: { 200: z.object({ problem: problemSchema }) },
      },
    },
    async (request) => ({ problem: await submitRectification(ctx, currentUser(request), auditActorOf(request), request.params.id, request.body) }),
  );

  app.post(
    '/api/patrol-problems/:id/close',
    {
      config: { access: rolesAccess(dutyHandlerRoles) },
      schema: { tags, summary: '核验并销号', params: idParam, body: z.object({ note: optionalText(1000) }), response: { 200: z.object({ problem: problemSchema }) } },
    },
    async (request) => ({ problem: await closeProblem(ctx, auditActorOf(request), request.params.id, request.body.note ?? null) }),
  );

  app.post(
    '/api/patrol-problems/:id/return',
    {
      config: { access: rolesAccess(dutyHandlerRoles) },
      schema: { tags, summary: '退回整改报告', params: idParam, body: z.object({ reason: requiredText(1000) }), response: { 200: z.object({ problem: problemSchema }) } },
    },
    async (request) => ({ problem: await returnProblem(ctx, auditActorOf(request), request.params.id, request.body.reason) }),
  );
}
