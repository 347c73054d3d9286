import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DAY_TYPES } from '../../domain/calendar/index.js';
import { addDays, daysBetween, zonedParts } from '../../domain/time.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { dutyHandlerRoles, dutyStaffRoles, rolesAccess, staffRoles } from '../http/access.js';
import { currentUser } from '../http/auth-hook.js';
import { registerFieldLabels } from '../http/field-labels.js';
import { auditActorOf } from '../http/request-context.js';
import { clockTime, instant, isoDate, optionalText, requiredText } from '../http/schemas.js';
import {
  answerSheet,
  getRehabDaily,
  listRollCalls,
  readRollCallSettings,
  recordRollCall,
  rollCallStatus,
  saveRehabDaily,
  saveRollCallSettings,
  windowsBetween,
} from './roll-calls.service.js';

registerFieldLabels({
  calledAt: '点名时间',
  caller: '点名人',
  answeredBy: '应答人',
  answers: '问答记录',
  question: '问询',
  answer: '应答',
  inmateCount: '戒毒人员数量',
  policeOnDuty: '干警在岗在位情况',
  activities: '一日活动',
  orderStatus: '监管安全秩序',
  windows: '点名时段',
  start: '开始时间',
  end: '结束时间',
  dayTypes: '点名日期类型',
  rehabUnitName: '戒毒所单位名称',
  checklist: '准备事项',
}, ['/api/roll-calls', '/api/rehab-daily']);

/** Maximum days of one windows query. */
const MAX_WINDOW_DAYS = 62;

const person = z.object({ personId: z.string(), name: z.string() });
const windowSchema = z.object({ date: z.string(), startTime: z.string(), endTime: z.string(), start: z.string(), end: z.string() });
const rehabSchema = z.object({
  date: z.string(),
  unitId: z.string(),
  inmateCount: z.number(),
  policeOnDuty: z.string(),
  activities: z.string(),
  orderStatus: z.string(),
  submittedByName: z.string(),
  updatedAt: z.string(),
});
const rollCallSchema = z.object({
  id: z.string(),
  date: z.string(),
  calledAt: z.string(),
  caller: z.string(),
  answeredBy: z.string(),
  items: z.array(z.object({ question: z.string(), answer: z.string() })),
  remarks: z.string().nullable(),
  createdAt: z.string(),
});
const settingsSchema = z.object({
  windows: z.array(z.object({ start: clockTime, end: clockTime })).min(1).max(10),
  dayTypes: z.array(z.enum(DAY_TYPES)).max(5),
  rehabUnitName: requiredText(100),
  checklist: z.array(requiredText(200)).max(30),
});

export async function rollCallRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['视频点名'];
  const today = () => zonedParts(ctx.clock.now(), ctx.config.timeZone).date;

  app.get(
    '/api/roll-calls/windows',
    {
      config: { access: rolesAccess(dutyStaffRoles, { display: true }) },
      schema: {
        tags,
        summary: '视频点名时段',
        description: '默认从今天起14天；只有法定节假日和重要敏感时期（可配置）有点名时段。',
        querystring: z.object({ from: isoDate.optional(), to: isoDate.optional() }),
        response: {
          200: z.object({
            days: z.array(z.object({ date: z.string(), dayType: z.enum(DAY_TYPES), dayTypeLabel: z.string(), name: z.string().nullable(), windows: z.array(windowSchema) })),
            checklist: z.array(z.string()),
          }),
        },
      },
    },
    async (request) => {
      const from = request.query.from ?? today();
      const to = request.query.to ?? addDays(from, 13);
      if (from > to) throw new AppError('VALIDATION_FAILED', `「开始日期」${from} 晚于结束日期 ${to}，请修改。`);
      if (daysBetween(from, to) >= MAX_WINDOW_DAYS) throw new AppError('VALIDATION_FAILED', `「结束日期」查询范围不能超过${MAX_WINDOW_DAYS}天，请缩小范围。`);
      const settings = await readRollCallSettings(ctx.db.kysely);
      return { days: await windowsBetween(ctx, ctx.db.kysely, from, to), checklist: settings.checklist };
    },
  );

  app.get(
    '/api/roll-calls/status',
    {
      config: { access: rolesAccess(dutyStaffRoles, { display: true }) },
      schema: { tags, summary: '当前和下一个点名时段（指挥大厅）', response: { 200: z.object({ open: windowSchema.nullable(), next: windowSchema.nullable(), checklist: z.array(z.string()) }) } },
    },
    async () => rollCallStatus(ctx, ctx.db.kysely, ctx.clock.now()),
  );

  app.get(
    '/api/roll-calls/answer-sheet',
    {
      config: { access: rolesAccess(dutyStaffRoles) },
      schema: {
        tags,
        summary: '点名应答单',
        description: '按《视频点名、巡查日常用语规范》的问询顺序，用当日值班人员（含换班）、戒毒所每日情况等数据填好应答。',
        querystring: z.object({ date: isoDate.optional() }),
        response: {
          200: z.object({
            sheet: z.object({
              date: z.string(),
              dayType: z.enum(DAY_TYPES),
              dayTypeLabel: z.string(),
              centerName: z.string(),
              commander: person.nullable(),
              shiftLeader: person.nullable(),
              officers: z.array(person),
              rehab: rehabSchema.nullable(),
              items: z.array(z.object({ question: z.string(), answer: z.string(), missing: z.array(z.string()) })),
            }),
          }),
        },
      },
    },
    async (request) => ({ sheet: await answerSheet(ctx, ctx.db.kysely, request.query.date ?? today()) }),
  );

  app.get(
    '/api/roll-calls',
    {
      config: { access: rolesAccess(dutyStaffRoles) },
      schema: { tags, summary: '视频点名记录', querystring: z.object({ from: isoDate.optional(), to: isoDate.optional() }), response: { 200: z.object({ rollCalls: z.array(rollCallSchema) }) } },
    },
    async (request) => {
      const to = request.query.to ?? today();
      const from = request.query.from ?? addDays(to, -30);
      return { rollCalls: await listRollCalls(ctx, ctx.db.kysely, { from, to }) };
    },
  );

  app.post(
    '/api/roll-calls',
    {
      config: { access: rolesAccess(dutyHandlerRoles) },
      schema: {
        tags,
        summary: '登记视频点名',
        body: z.object({
          calledAt: instant,
          caller: requiredText(100),
          answeredBy: requiredText(50),
          answers: z.array(z.object({ question: requiredText(500), answer: requiredText(2000) })).min(1).max(20),
          remarks: optionalText(2000),
        }),
        response: { 201: z.object({ rollCall: rollCallSchema }) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { answers, calledAt, ...rest } = request.body;
      const rollCall = await recordRollCall(ctx, { ...auditActorOf(request), userId: user.id }, { ...rest, items: answers, calledAt: new Date(calledAt) });
      void reply.status(201);
      return { rollCall };
    },
  );

  app.get(
    '/api/roll-calls/settings',
    { config: { access: rolesAccess(staffRoles) }, schema: { tags, summary: '视频点名设置', response: { 200: settingsSchema } } },
    async () => readRollCallSettings(ctx.db.kysely),
  );

  app.put(
    '/api/roll-calls/settings',
    { config: { access: rolesAccess(['sys_admin', 'shift_leader']) }, schema: { tags, summary: '修改视频点名设置', body: settingsSchema, response: { 200: settingsSchema } } },
    async (request) => saveRollCallSettings(ctx, auditActorOf(request), request.body),
  );

  app.get(
    '/api/rehab-daily/:date',
    {
      config: { access: rolesAccess([...dutyStaffRoles, 'unit_liaison']) },
      schema: { tags, summary: '戒毒所每日情况', params: z.object({ date: isoDate }), response: { 200: z.object({ report: rehabSchema.nullable() }) } },
    },
    async (request) => ({ report: await getRehabDaily(ctx, ctx.db.kysely, request.params.date) }),
  );

  app.put(
    '/api/rehab-daily/:date',
    {
      config: { access: rolesAccess(['unit_liaison', ...dutyHandlerRoles]) },
      schema: {
        tags,
        summary: '填报戒毒所每日情况',
        description: '由戒毒所信息员每日填报，供视频点名应答使用。',
        params: z.object({ date: isoDate }),
        body: z.object({
          inmateCount: z.number().int().min(0).max(100000),
          policeOnDuty: requiredText(500),
          activities: requiredText(1000),
          orderStatus: requiredText(500),
        }),
        response: { 200: z.object({ report: rehabSchema }) },
      },
    },
    async (request) => ({ report: await saveRehabDaily(ctx, currentUser(request), auditActorOf(request), request.params.date, request.body) }),
  );
}
