import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DAY_TYPES, DUTY_LEVELS } from '../../domain/calendar/index.js';
import type { AppContext } from '../context.js';
import { rolesAccess, staffRoles } from '../http/access.js';
import { registerFieldLabels } from '../http/field-labels.js';
import { auditActorOf } from '../http/request-context.js';
import { idParam, isoDate, okResponse, optionalText, requiredText } from '../http/schemas.js';
import {
  classifyDates,
  createSensitivePeriod,
  deleteCalendarOverride,
  deleteSensitivePeriod,
  listCalendarOverrides,
  listSensitivePeriods,
  upsertCalendarOverride,
  updateSensitivePeriod,
} from './calendar.service.js';

registerFieldLabels({ startDate: '开始日期', endDate: '结束日期', dayType: '日期类型', year: '年份' }, ['/api/calendar']);

const dayTypeEnum = z.enum(DAY_TYPES as [string, ...string[]]);
const officialDayType = z.enum(['holiday', 'makeup_workday', 'workday', 'weekend']);

const classifiedDay = z.object({
  date: z.string(),
  dayType: dayTypeEnum,
  dutyLevel: z.enum(DUTY_LEVELS as [string, ...string[]]),
  name: z.string().nullable(),
  official: z.boolean(),
});

const periodSchema = z.object({
  id: z.string(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  note: z.string().nullable(),
  updatedAt: z.string(),
});

const periodBody = z.object({
  name: requiredText(40),
  startDate: isoDate,
  endDate: isoDate,
  note: optionalText(200),
});

const overrideSchema = z.object({
  id: z.string(),
  date: z.string(),
  dayType: officialDayType,
  name: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: z.string(),
});

/**
 * Every signed-in staff member and the hall screen read the calendar.
 * Sensitive periods are set by the system administrator and the duty
 * commander; official-calendar overrides only by the system administrator.
 */
const periodWriters = rolesAccess(['sys_admin', 'duty_commander']);
const overrideWriters = rolesAccess(['sys_admin']);

export async function calendarRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const readers = rolesAccess(staffRoles, { display: true });

  app.get(
    '/api/calendar/days',
    {
      config: { access: readers },
      schema: {
        tags: ['值班日历'],
        summary: '日期类型与值班等级（最多 366 天）',
        querystring: z.object({ from: isoDate, to: isoDate }),
        response: { 200: z.object({ days: z.array(classifiedDay) }) },
      },
    },
    async (request) => ({ days: await classifyDates(ctx, ctx.db.kysely, request.query.from, request.query.to) }),
  );

  app.get(
    '/api/calendar/sensitive-periods',
    { config: { access: readers }, schema: { tags: ['值班日历'], summary: '重要敏感时期列表', response: { 200: z.object({ periods: z.array(periodSchema) }) } } },
    async () => ({ periods: await listSensitivePeriods(ctx.db.kysely) }),
  );

  app.post(
    '/api/calendar/sensitive-periods',
    { config: { access: periodWriters }, schema: { tags: ['值班日历'], summary: '新增重要敏感时期（从今天起）', body: periodBody, response: { 201: z.object({ period: periodSchema }) } } },
    async (request, reply) => {
      const period = await createSensitivePeriod(ctx, auditActorOf(request), request.body);
      void reply.status(201);
      return { period };
    },
  );

  app.put(
    '/api/calendar/sensitive-periods/:id',
    { config: { access: periodWriters }, schema: { tags: ['值班日历'], summary: '修改重要敏感时期（过去的日期不变）', params: idParam, body: periodBody, response: { 200: z.object({ period: periodSchema }) } } },
    async (request) => ({ period: await updateSensitivePeriod(ctx, auditActorOf(request), request.params.id, request.body) }),
  );

  app.delete(
    '/api/calendar/sensitive-periods/:id',
    { config: { access: periodWriters }, schema: { tags: ['值班日历'], summary: '删除尚未开始的重要敏感时期', params: idParam, response: { 200: okResponse } } },
    async (request) => {
      await deleteSensitivePeriod(ctx, auditActorOf(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/calendar/overrides',
    {
      config: { access: readers },
      schema: {
        tags: ['值班日历'],
        summary: '节假日调整（系统管理员对国务院安排的修正）',
        querystring: z.object({ year: z.coerce.number().int().min(1900).max(9999).optional() }),
        response: { 200: z.object({ overrides: z.array(overrideSchema) }) },
      },
    },
    async (request) => ({ overrides: await listCalendarOverrides(ctx.db.kysely, request.query.year) }),
  );

  app.put(
    '/api/calendar/overrides',
    {
      config: { access: overrideWriters },
      schema: {
        tags: ['值班日历'],
        summary: '设置某日的日期类型（从今天起）',
        body: z.object({ date: isoDate, dayType: officialDayType, name: optionalText(20), note: optionalText(200) }),
        response: { 200: z.object({ override: overrideSchema }) },
      },
    },
    async (request) => ({ override: await upsertCalendarOverride(ctx, auditActorOf(request), request.body) }),
  );

  app.delete(
    '/api/calendar/overrides/:id',
    { config: { access: overrideWriters }, schema: { tags: ['值班日历'], summary: '删除尚未到来的日期调整', params: idParam, response: { 200: okResponse } } },
    async (request) => {
      await deleteCalendarOverride(ctx, auditActorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
}
