import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../audit/audit-log.js';
import type { AppContext } from '../context.js';
import { rolesAccess, staffRoles } from '../http/access.js';
import { currentUser } from '../http/auth-hook.js';
import { auditActorOf } from '../http/request-context.js';
import { booleanQuery, idParam, optionalText, phone } from '../http/schemas.js';
import { limits } from '../../shared/limits.js';
import { phoneReaderRoles, unitKinds } from '../../shared/roles.js';
import { createUnit, listUnits, updateUnit } from './units.service.js';

const unitSchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(unitKinds),
  active: z.boolean(),
  dutyRoomName: z.string().nullable(),
  dutyRoomPhone: z.string().nullable(),
  liaisonPersonId: z.string().nullable(),
  liaisonName: z.string().nullable(),
  sortOrder: z.number(),
});

const unitBody = z.object({
  name: z.string().trim().min(limits.unitName.min).max(limits.unitName.max),
  shortName: optionalText(limits.shortName.max),
  kind: z.enum(unitKinds),
  dutyRoomName: optionalText(limits.shortText.max),
  dutyRoomPhone: phone.nullish().or(z.literal('').transform(() => null)),
  liaisonPersonId: z.string().max(64).nullish(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
});

export async function unitRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/units',
    {
      config: { access: rolesAccess(staffRoles, { display: true }) },
      schema: {
        tags: ['组织机构'],
        summary: '单位列表',
        description: '值班室电话只在 withPhones=true 且角色有权查看时返回，并记入审计日志。',
        querystring: z.object({ withPhones: booleanQuery.optional() }),
        response: { 200: z.object({ units: z.array(unitSchema) }) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const showPhones = request.query.withPhones === true && user.roles.some((role) => phoneReaderRoles.includes(role));
      const units = await listUnits(ctx, ctx.db.kysely, { showPhones });
      if (showPhones && units.some((unit) => unit.dutyRoomPhone)) {
        await appendAudit(ctx.db.kysely, auditActorOf(request), { action: 'confidential.read', entityType: 'unit_phone', summary: '查看单位值班室电话（单位列表）' }, ctx.clock.now());
      }
      return { units };
    },
  );

  app.post(
    '/api/units',
    {
      config: { access: rolesAccess(['sys_admin']) },
      schema: { tags: ['组织机构'], summary: '新增单位', body: unitBody, response: { 201: z.object({ unit: unitSchema }) } },
    },
    async (request, reply) => {
      const unit = await createUnit(ctx, auditActorOf(request), request.body);
      void reply.status(201);
      return { unit };
    },
  );

  app.patch(
    '/api/units/:id',
    {
      config: { access: rolesAccess(['sys_admin']) },
      schema: {
        tags: ['组织机构'],
        summary: '修改或停用单位',
        params: idParam,
        body: unitBody.partial().extend({ active: z.boolean().optional() }),
        response: { 200: z.object({ unit: unitSchema }) },
      },
    },
    async (request) => {
      const unit = await updateUnit(ctx, auditActorOf(request), request.params.id, request.body);
      return { unit };
    },
  );
}
