import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { dutyHandlerRoles, dutyStaffRoles, rolesAccess } from '../http/access.js';
import { currentUser } from '../http/auth-hook.js';
import { registerFieldLabels } from '../http/field-labels.js';
import { auditActorOf } from '../http/request-context.js';
import { isoDate, optionalText } from '../http/schemas.js';
import { confirmHandover, getHandover, responsibleShift, saveHandover } from './handover.service.js';

const tags = ['交接班'];
const slot = z.object({ personId: z.string(), name: z.string() });
const handoverView = z.object({
  date: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  dayType: z.string(),
  commanderLed: z.boolean(),
  chair: z.object({ personId: z.string(), name: z.string(), label: z.string() }).nullable(),
  participants: z.array(z.object({ personId: z.string(), name: z.string(), post: z.string(), shift: z.enum(['previous', 'current']), label: z.string(), attended: z.boolean() })),
  previousOfficerReport: z.string().nullable(),
  previousLeaderReport: z.string().nullable(),
  leaderInstructions: z.string().nullable(),
  matters: z.string().nullable(),
  record: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  saved: z.boolean(),
});

export async function handoverRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();
  registerFieldLabels({
    attendedPersonIds: '出席人员',
    previousOfficerReport: '前日值班员汇报',
    previousLeaderReport: '前日值班长汇报',
    leaderInstructions: '传达领导指示',
    matters: '移交事项',
    record: '交接班记录',
  }, ['/api/handover']);
  const params = z.object({ date: isoDate });

  app.get('/api/handover/responsible', {
    config: { access: rolesAccess([...dutyStaffRoles, 'sys_admin'], { display: true }) },
    schema: { tags, summary: '当前负责的班次（新班确认接班前仍由前一班负责）', response: { 200: z.object({ date: z.string(), awaitingHandover: z.boolean(), commander: slot.nullable(), shiftLeader: slot.nullable(), officers: z.array(slot) }) } },
  }, async () => responsibleShift(ctx, ctx.db.kysely, ctx.clock.now()));

  app.get('/api/handover/:date', {
    config: { access: rolesAccess([...dutyStaffRoles, 'sys_admin']) },
    schema: { tags, summary: '某日交接班会：应参加人员、主持人、出席和交接内容', params, response: { 200: handoverView } },
  }, async (request) => getHandover(ctx, ctx.db.kysely, request.params.date));

  app.put('/api/handover/:date', {
    config: { access: rolesAccess(dutyHandlerRoles) },
    schema: {
      tags,
      summary: '保存交接班记录（确认接班前可修改）',
      params,
      body: z.object({
        attendedPersonIds: z.array(z.string().min(1).max(64)).max(50),
        previousOfficerReport: optionalText(4000),
        previousLeaderReport: optionalText(4000),
        leaderInstructions: optionalText(4000),
        matters: optionalText(4000),
        record: optionalText(8000),
      }),
      response: { 200: handoverView },
    },
  }, async (request) => saveHandover(ctx, auditActorOf(request), request.params.date, request.body));

  app.post('/api/handover/:date/confirm', {
    config: { access: rolesAccess(dutyStaffRoles) },
    schema: { tags, summary: '当日值班人员确认接班', params, response: { 200: handoverView } },
  }, async (request) => confirmHandover(ctx, currentUser(request), auditActorOf(request), request.params.date));
}
