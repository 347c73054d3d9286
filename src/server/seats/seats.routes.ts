import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { forbidden, invalidField, invalidState } from '../errors.js';
import { dutyHandlerRoles, rolesAccess, staffRoles } from '../http/access.js';
import { currentUser } from '../http/auth-hook.js';
import { registerFieldLabels } from '../http/field-labels.js';
import { auditActorOf } from '../http/request-context.js';
import { idParam, isoDate, monthKey, optionalText, pageQuery, requiredText } from '../http/schemas.js';
import { currentDutyDate } from '../calendar/calendar.service.js';
import type { Role } from '../../shared/roles.js';
import {
  activateSeats,
  addLogEntry,
  checkIn,
  checkOut,
  currentActivation,
  endActivation,
  isCheckedInAt,
  listActivations,
  listCheckins,
  listLogEntries,
} from './seat-duty.service.js';
import { editableSeats, fillStandbyFromSubmissions, standbyCandidates, standbySchedule, updateStandby } from './seat-standby.service.js';
import { createSeat, getSeat, listSeats, seatStaffOn, updateSeat } from './seats.service.js';

registerFieldLabels({
  unitIds: '责任单位',
  incidentId: '关联事件',
  entries: '备勤安排',
  seatId: '席位',
}, ['/api/seats']);

/** Roles that may start and end a seat activation: the duty commander, shift leader, duty officer and bureau leaders. */
const activationRoles: readonly Role[] = ['bureau_leader', ...dutyHandlerRoles];
/** Roles that may check in at a seat and write its log. */
const seatDutyRoles: readonly Role[] = ['seat_staff', ...dutyHandlerRoles];
/** Center staff who manage every seat's standby schedule. */
const standbyManagerRoles: readonly Role[] = ['sys_admin', ...dutyHandlerRoles];

const unitRef = z.object({ id: z.string(), name: z.string() });
const personRef = z.object({ personId: z.string(), name: z.string() });
const seatSchema = z.object({ id: z.string(), name: z.string(), isGeneral: z.boolean(), units: z.array(unitRef), sortOrder: z.number(), active: z.boolean() });
const occupantSchema = z.object({ checkinId: z.string(), personId: z.string(), name: z.string(), checkedInAt: z.string() });
const activationSchema = z.object({
  id: z.string(),
  reason: z.string(),
  incidentId: z.string().nullable(),
  startedAt: z.string(),
  startedByName: z.string().nullable(),
  endedAt: z.string().nullable(),
  endedByName: z.string().nullable(),
  active: z.boolean(),
});
const checkinSchema = z.object({
  id: z.string(),
  seatId: z.string(),
  activationId: z.string().nullable(),
  personId: z.string(),
  name: z.string(),
  checkedInAt: z.string(),
  checkedOutAt: z.string().nullable(),
});
const logEntrySchema = z.object({ id: z.string(), seatId: z.string(), activationId: z.string().nullable(), at: z.string(), authorName: z.string(), content: z.string() });
const standbySchema = z.object({ seatId: z.string(), date: z.string(), personId: z.string(), name: z.string(), source: z.enum(['manual', 'submission']) });

const seatBody = z.object({
  name: requiredText(16),
  unitIds: z.array(z.string().min(1).max(64)).max(10),
  sortOrder: z.number().int().min(0).max(9999),
  active: z.boolean(),
});

const personBody = z.object({ personId: z.string().min(1).max(64).optional() });

export async function seatRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['联合坐席'];

  app.get(
    '/api/seats',
    { config: { access: rolesAccess(staffRoles, { display: true }) }, schema: { tags, summary: '席位配置', response: { 200: z.object({ seats: z.array(seatSchema) }) } } },
    async () => ({ seats: await listSeats(ctx, ctx.db.kysely) }),
  );

  app.post(
    '/api/seats',
    { config: { access: rolesAccess(['sys_admin']) }, schema: { tags, summary: '新增席位', body: seatBody, response: { 201: z.object({ seat: seatSchema }) } } },
    async (request, reply) => {
      const seat = await createSeat(ctx, auditActorOf(request), request.body);
      void reply.status(201);
      return { seat };
    },
  );

  app.patch(
    '/api/seats/:id',
    { config: { access: rolesAccess(['sys_admin']) }, schema: { tags, summary: '修改席位（名称、责任单位、排序、启用）', params: idParam, body: seatBody.partial(), response: { 200: z.object({ seat: seatSchema }) } } },
    async (request) => ({ seat: await updateSeat(ctx, auditActorOf(request), request.params.id, request.body) }),
  );

  app.get(
    '/api/seats/staff',
    {
      config: { access: rolesAccess(staffRoles, { display: true }) },
      schema: {
        tags,
        summary: '某值班日各席位值守人员（综合管理席为当日值班员）及当前启用状态',
        querystring: z.object({ date: isoDate.optional() }),
        response: {
          200: z.object({
            date: z.string(),
            rosterPublished: z.boolean(),
            activation: activationSchema.nullable(),
            seats: z.array(z.object({ seat: seatSchema, standby: z.array(personRef), occupants: z.array(occupantSchema) })),
          }),
        },
      },
    },
    async (request) => {
      const date = request.query.date ?? currentDutyDate(ctx);
      const staff = await seatStaffOn(ctx, ctx.db.kysely, date);
      return { ...staff, activation: await currentActivation(ctx, ctx.db.kysely) };
    },
  );

  app.get(
    '/api/seats/activations',
    { config: { access: rolesAccess(staffRoles) }, schema: { tags, summary: '席位启用记录', querystring: z.object(pageQuery), response: { 200: z.object({ activations: z.array(activationSchema), total: z.number() }) } } },
    async (request) => listActivations(ctx, ctx.db.kysely, request.query.page, request.query.pageSize),
  );

  app.post(
    '/api/seats/activations',
    {
      config: { access: rolesAccess(activationRoles) },
      schema: {
        tags,
        summary: '启用全部席位（重要敏感时期或重大案事件）',
        body: z.object({ reason: requiredText(200), incidentId: optionalText(64) }),
        response: { 201: z.object({ activation: activationSchema }) },
      },
    },
    async (request, reply) => {
      const { activation, created } = await activateSeats(ctx, auditActorOf(request), { reason: request.body.reason, incidentId: request.body.incidentId ?? null });
      if (!created) throw invalidState(`联合坐席已于${activation.startedAt.slice(0, 16).replace('T', ' ')}启用（${activation.reason}），请先结束当前启用。`);
      void reply.status(201);
      return { activation };
    },
  );

  app.post(
    '/api/seats/activations/:id/end',
    { config: { access: rolesAccess(activationRoles) }, schema: { tags, summary: '结束席位启用', params: idParam, response: { 200: z.object({ activation: activationSchema }) } } },
    async (request) => ({ activation: await endActivation(ctx, auditActorOf(request), request.params.id) }),
  );

  app.post(
    '/api/seats/:id/check-in',
    {
      config: { access: rolesAccess(seatDutyRoles) },
      schema: { tags, summary: '席位签到（默认本人；值班人员可代他人登记）', params: idParam, body: personBody, response: { 201: z.object({ checkin: checkinSchema }) } },
    },
    async (request, reply) => {
      const personId = personForSeatDuty(request.body.personId, currentUser(request));
      const checkin = await checkIn(ctx, auditActorOf(request), request.params.id, personId);
      void reply.status(201);
      return { checkin };
    },
  );

  app.post(
    '/api/seats/:id/check-out',
    { config: { access: rolesAccess(seatDutyRoles) }, schema: { tags, summary: '席位签退', params: idParam, body: personBody, response: { 200: z.object({ checkin: checkinSchema }) } } },
    async (request) => {
      const personId = personForSeatDuty(request.body.personId, currentUser(request));
      return { checkin: await checkOut(ctx, auditActorOf(request), request.params.id, personId) };
    },
  );

  app.get(
    '/api/seats/:id/checkins',
    { config: { access: rolesAccess(staffRoles) }, schema: { tags, summary: '席位签到记录（最近100条）', params: idParam, response: { 200: z.object({ checkins: z.array(checkinSchema) }) } } },
    async (request) => {
      await getSeat(ctx, ctx.db.kysely, request.params.id);
      return { checkins: await listCheckins(ctx, ctx.db.kysely, request.params.id, 100) };
    },
  );

  app.get(
    '/api/seats/:id/log',
    { config: { access: rolesAccess(staffRoles) }, schema: { tags, summary: '席位日志（最近100条）', params: idParam, response: { 200: z.object({ entries: z.array(logEntrySchema) }) } } },
    async (request) => {
      await getSeat(ctx, ctx.db.kysely, request.params.id);
      return { entries: await listLogEntries(ctx, ctx.db.kysely, request.params.id, 100) };
    },
  );

  app.post(
    '/api/seats/:id/log',
    {
      config: { access: rolesAccess(seatDutyRoles) },
      schema: { tags, summary: '填写席位日志（席位人员须已在该席位签到）', params: idParam, body: z.object({ content: requiredText(2000) }), response: { 201: z.object({ entry: logEntrySchema }) } },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const isHandler = user.roles.some((role) => dutyHandlerRoles.includes(role));
      if (!isHandler) {
        const seatedHere = user.personId !== null && (await isCheckedInAt(ctx.db.kysely, request.params.id, user.personId));
        if (!seatedHere) throw forbidden('请先在该席位签到，再填写席位日志。');
      }
      const entry = await addLogEntry(ctx, auditActorOf(request), request.params.id, request.body.content);
      void reply.status(201);
      return { entry };
    },
  );

  app.get(
    '/api/seats/standby/:month',
    {
      config: { access: rolesAccess(staffRoles) },
      schema: {
        tags,
        summary: '某月席位备勤安排',
        params: z.object({ month: monthKey }),
        response: { 200: z.object({ month: z.string(), seats: z.array(seatSchema), editableSeatIds: z.array(z.string()), candidates: z.record(z.string(), z.array(personRef)), assignments: z.array(standbySchema) }) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const seats = (await listSeats(ctx, ctx.db.kysely, { activeOnly: true })).filter((seat) => !seat.isGeneral);
      const editsAll = user.roles.some((role) => standbyManagerRoles.includes(role));
      const editable = editableSeats(seats, user, editsAll);
      const mayEditOwn = user.roles.some((role) => role === 'seat_staff' || role === 'unit_liaison');
      return {
        month: request.params.month,
        seats,
        editableSeatIds: editsAll || mayEditOwn ? editable.map((seat) => seat.id) : [],
        candidates: await standbyCandidates(ctx.db.kysely, seats),
        assignments: await standbySchedule(ctx.db.kysely, request.params.month),
      };
    },
  );

  app.put(
    '/api/seats/standby/:month',
    {
      config: { access: rolesAccess([...standbyManagerRoles, 'seat_staff', 'unit_liaison']) },
      schema: {
        tags,
        summary: '修改某月席位备勤安排（责任单位只能修改本单位负责的席位）',
        params: z.object({ month: monthKey }),
        body: z.object({ entries: z.array(z.object({ seatId: z.string().min(1).max(64), date: isoDate, personId: z.string().min(1).max(64).nullable() })).min(1).max(400) }),
        response: { 200: z.object({ assignments: z.array(standbySchema) }) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const editsAll = user.roles.some((role) => standbyManagerRoles.includes(role));
      const assignments = await updateStandby(ctx, auditActorOf(request), request.params.month, request.body.entries, { user, editsAll });
      return { assignments };
    },
  );

  app.post(
    '/api/seats/standby/:month/from-submissions',
    {
      config: { access: rolesAccess(standbyManagerRoles) },
      schema: { tags, summary: '按各单位月度报送的备勤人员轮流排出未安排的日期', params: z.object({ month: monthKey }), response: { 200: z.object({ filled: z.number() }) } },
    },
    async (request) => ({ filled: await fillStandbyFromSubmissions(ctx, auditActorOf(request), request.params.month) }),
  );
}

/** Seat staff act for themselves; the center's duty handlers may record for someone else. */
function personForSeatDuty(requested: string | undefined, user: { roles: Role[]; personId: string | null }): string {
  const isHandler = user.roles.some((role) => dutyHandlerRoles.includes(role));
  if (requested && requested !== user.personId) {
    if (!isHandler) throw forbidden('席位人员只能为本人签到或签退。');
    return requested;
  }
  if (!user.personId) throw invalidField('人员', '当前账号未关联人员，请选择要签到的人员。');
  return user.personId;
}
