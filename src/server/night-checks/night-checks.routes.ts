import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DAY_TYPES } from '../../domain/calendar/index.js';
import { checkMethods } from '../../domain/patrols/index.js';
import { addDays, zonedParts } from '../../domain/time.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { dutyHandlerRoles, dutyStaffRoles, rolesAccess, staffRoles } from '../http/access.js';
import { currentUser } from '../http/auth-hook.js';
import { registerFieldLabels } from '../http/field-labels.js';
import { auditActorOf } from '../http/request-context.js';
import { instant, isoDate, optionalText, requiredText } from '../http/schemas.js';
import { attachmentIdList, problemFinding, problemSchema } from '../patrols/patrols.schemas.js';
import { auditPlan, coverageBetween, createPlan, getPlanDetail, readNightCheckSettings, recordCheck, saveNightCheckSettings } from './night-checks.service.js';

registerFieldLabels({
  majorEvent: '重大活动',
  checkedAt: '夜查时间',
  reached: '是否联通',
  answeredBy: '应答人',
  inPost: '是否在岗在位',
  findings: '夜查情况',
  minIntervalMinutes: '最小间隔（分钟）',
  majorEventDates: '重大活动日期',
}, ['/api/night-checks']);

const dateParam = z.object({ date: isoDate });

const plannedSite = z.object({ siteId: z.string(), name: z.string(), plannedAt: z.string() });

/** The contract body: exactly these four fields. */
const planSummarySchema = z.strictObject({
  date: z.string(),
  sampleRatio: z.number(),
  activeSites: z.number(),
  sites: z.array(plannedSite),
});

const recordSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  unitName: z.string(),
  checkedAt: z.string(),
  method: z.enum(checkMethods),
  reached: z.boolean(),
  answeredBy: z.string().nullable(),
  inPost: z.boolean(),
  findings: z.string().nullable(),
  planned: z.boolean(),
  inWindow: z.boolean(),
});

const planDetailSchema = z.object({
  date: z.string(),
  sampleRatio: z.number(),
  activeSites: z.number(),
  dayType: z.enum(DAY_TYPES),
  majorEvent: z.boolean(),
  requiredCount: z.number(),
  windowStart: z.string(),
  windowEnd: z.string(),
  minIntervalMinutes: z.number(),
  createdAt: z.string(),
  sites: z.array(plannedSite.extend({ unitName: z.string(), checkMethod: z.enum(checkMethods), checked: z.boolean() })),
  records: z.array(recordSchema),
  coverage: z.object({
    planned: z.number(),
    plannedChecked: z.number(),
    checkedSites: z.number(),
    coverageRatio: z.number(),
    requiredCount: z.number(),
    meetsRule: z.boolean(),
    missedSiteIds: z.array(z.string()),
    outsideWindow: z.number(),
  }),
  followUps: z.array(problemSchema),
});

const settingsSchema = z.object({
  minIntervalMinutes: z.number().int().min(0).max(60),
  majorEventDates: z.array(z.object({ date: isoDate, name: requiredText(100) })).max(366),
});

export async function nightCheckRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['夜查'];

  app.post(
    '/api/night-checks/plans',
    {
      config: { access: rolesAccess(dutyHandlerRoles) },
      schema: {
        tags,
        summary: '生成夜查计划',
        description:
          '为值班日 date 之后的夜间（次日 00:00-06:00）随机抽取点位和时间：平时不少于20%（向上取整），法定节假日、重要敏感时期和重大活动不少于25%。同一日期重复提交返回已生成的计划（200），不会重新抽取。',
        body: z.object({ date: isoDate, majorEvent: z.boolean().optional() }),
        response: { 200: planSummarySchema, 201: planSummarySchema },
      },
    },
    async (request, reply) => {
      const result = await createPlan(ctx, auditActorOf(request), request.body.date, { majorEvent: request.body.majorEvent });
      void reply.status(result.created ? 201 : 200);
      return result.plan;
    },
  );

  app.get(
    '/api/night-checks/plans/:date',
    {
      config: { access: rolesAccess(dutyStaffRoles) },
      schema: { tags, summary: '夜查计划及完成情况', description: '含计划点位、夜查记录、覆盖率和前一夜发现问题的跟踪督办清单。', params: dateParam, response: { 200: z.object({ plan: planDetailSchema }) } },
    },
    async (request) => ({ plan: await getPlanDetail(ctx, ctx.db.kysely, request.params.date) }),
  );

  app.get(
    '/api/night-checks/plans/:date/audit',
    {
      config: { access: rolesAccess([...dutyStaffRoles, 'audit_admin']) },
      schema: {
        tags,
        summary: '按存储的随机种子复核夜查计划',
        params: dateParam,
        response: { 200: z.object({ date: z.string(), seed: z.string(), matches: z.boolean(), stored: z.array(plannedSite), redrawn: z.array(plannedSite) }) },
      },
    },
    async (request) => auditPlan(ctx, ctx.db.kysely, request.params.date),
  );

  app.post(
    '/api/night-checks/plans/:date/records',
    {
      config: { access: rolesAccess(dutyHandlerRoles) },
      schema: {
        tags,
        summary: '登记夜查情况',
        description: '只有在当夜 00:00-06:00 之间的夜查计入覆盖率；填写 problem 时自动登记巡查问题并通知责任单位。',
        params: dateParam,
        body: z.object({
          siteId: z.string().min(1).max(64),
          checkedAt: instant,
          method: z.enum(checkMethods),
          reached: z.boolean(),
          answeredBy: optionalText(50),
          inPost: z.boolean(),
          findings: optionalText(2000),
          problem: problemFinding.nullish(),
          evidenceIds: attachmentIdList.optional(),
        }),
        response: { 201: z.object({ record: recordSchema }) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { checkedAt, ...rest } = request.body;
      const record = await recordCheck(ctx, { ...auditActorOf(request), userId: user.id, name: user.name }, request.params.date, { ...rest, checkedAt: new Date(checkedAt) });
      void reply.status(201);
      return { record };
    },
  );

  app.get(
    '/api/night-checks/coverage',
    {
      config: { access: rolesAccess(dutyStaffRoles) },
      schema: {
        tags,
        summary: '夜查覆盖情况',
        querystring: z.object({ from: isoDate.optional(), to: isoDate.optional() }),
        response: {
          200: z.object({
            nights: z.array(z.object({ date: z.string(), sampleRatio: z.number(), activeSites: z.number(), requiredCount: z.number(), planned: z.number(), checkedSites: z.number(), plannedChecked: z.number(), meetsRule: z.boolean() })),
          }),
        },
      },
    },
    async (request) => {
      const today = zonedParts(ctx.clock.now(), ctx.config.timeZone).date;
      const to = request.query.to ?? today;
      const from = request.query.from ?? addDays(to, -29);
      if (from > to) throw new AppError('VALIDATION_FAILED', `「开始日期」${from} 晚于结束日期 ${to}，请修改。`);
      return { nights: await coverageBetween(ctx, ctx.db.kysely, from, to) };
    },
  );

  app.get(
    '/api/night-checks/settings',
    { config: { access: rolesAccess(staffRoles) }, schema: { tags, summary: '夜查设置', response: { 200: settingsSchema } } },
    async () => readNightCheckSettings(ctx.db.kysely),
  );

  app.put(
    '/api/night-checks/settings',
    { config: { access: rolesAccess(['sys_admin', 'shift_leader']) }, schema: { tags, summary: '修改夜查设置（最小间隔、重大活动日期）', body: settingsSchema, response: { 200: settingsSchema } } },
    async (request) => saveNightCheckSettings(ctx, auditActorOf(request), request.body),
  );
}
