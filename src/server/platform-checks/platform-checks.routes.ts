import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { platformStatuses } from '../../domain/patrols/index.js';
import { dutyDateOf } from '../../domain/time.js';
import type { AppContext } from '../context.js';
import { dutyHandlerRoles, dutyStaffRoles, rolesAccess } from '../http/access.js';
import { currentUser } from '../http/auth-hook.js';
import { registerFieldLabels } from '../http/field-labels.js';
import { auditActorOf } from '../http/request-context.js';
import { booleanQuery, idParam, isoDate, optionalText, requiredText } from '../http/schemas.js';
import { abnormalPlatforms, createPlatform, listChecks, listPlatforms, recordPlatformCheck, restorePlatform, updatePlatform } from './platform-checks.service.js';

registerFieldLabels({ platformId: '监管平台', dutyDate: '值班日期' }, ['/api/platform-checks', '/api/supervised-platforms']);

const platformSchema = z.object({ id: z.string(), name: z.string(), active: z.boolean(), sortOrder: z.number() });
const checkSchema = z.object({
  id: z.string(),
  platformId: z.string(),
  platformName: z.string(),
  dutyDate: z.string(),
  checkedAt: z.string(),
  status: z.enum(platformStatuses),
  note: z.string().nullable(),
  recordedByName: z.string(),
  restoredAt: z.string().nullable(),
  restoredNote: z.string().nullable(),
  restoredByName: z.string().nullable(),
});

export async function platformCheckRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['监管平台运行情况'];
  const configRoles = ['sys_admin', 'shift_leader'] as const;

  app.get(
    '/api/supervised-platforms',
    {
      config: { access: rolesAccess([...dutyStaffRoles, 'sys_admin']) },
      schema: { tags, summary: '监管平台列表', querystring: z.object({ activeOnly: booleanQuery.optional() }), response: { 200: z.object({ platforms: z.array(platformSchema) }) } },
    },
    async (request) => ({ platforms: await listPlatforms(ctx.db.kysely, request.query.activeOnly === true) }),
  );

  app.post(
    '/api/supervised-platforms',
    {
      config: { access: rolesAccess(configRoles) },
      schema: { tags, summary: '新增监管平台', body: z.object({ name: requiredText(100), sortOrder: z.number().int().min(0).max(9999).optional() }), response: { 201: z.object({ platform: platformSchema }) } },
    },
    async (request, reply) => {
      const platform = await createPlatform(ctx, auditActorOf(request), request.body);
      void reply.status(201);
      return { platform };
    },
  );

  app.patch(
    '/api/supervised-platforms/:id',
    {
      config: { access: rolesAccess(configRoles) },
      schema: {
        tags,
        summary: '修改或停用监管平台',
        params: idParam,
        body: z.object({ name: requiredText(100).optional(), sortOrder: z.number().int().min(0).max(9999).optional(), active: z.boolean().optional() }),
        response: { 200: z.object({ platform: platformSchema }) },
      },
    },
    async (request) => ({ platform: await updatePlatform(ctx, auditActorOf(request), request.params.id, request.body) }),
  );

  app.get(
    '/api/platform-checks',
    {
      config: { access: rolesAccess(dutyStaffRoles) },
      schema: { tags, summary: '监管平台运行情况记录', description: '默认当前值班日。', querystring: z.object({ dutyDate: isoDate.optional() }), response: { 200: z.object({ dutyDate: z.string(), checks: z.array(checkSchema) }) } },
    },
    async (request) => {
      const dutyDate = request.query.dutyDate ?? dutyDateOf(ctx.clock.now(), ctx.config.timeZone, ctx.config.handoverTime);
      return { dutyDate, checks: await listChecks(ctx, ctx.db.kysely, { dutyDate }) };
    },
  );

  app.get(
    '/api/platform-checks/abnormal',
    {
      config: { access: rolesAccess(dutyStaffRoles, { display: true }) },
      schema: { tags, summary: '尚未恢复的异常平台（值班日志、指挥大厅）', response: { 200: z.object({ checks: z.array(checkSchema) }) } },
    },
    async () => ({ checks: await abnormalPlatforms(ctx, ctx.db.kysely) }),
  );

  app.post(
    '/api/platform-checks',
    {
      config: { access: rolesAccess(dutyHandlerRoles) },
      schema: {
        tags,
        summary: '登记监管平台运行情况',
        body: z.object({ platformId: z.string().min(1).max(64), status: z.enum(platformStatuses), note: optionalText(1000) }),
        response: { 201: z.object({ check: checkSchema }) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const check = await recordPlatformCheck(ctx, { ...auditActorOf(request), userId: user.id, name: user.name }, request.body);
      void reply.status(201);
      return { check };
    },
  );

  app.post(
    '/api/platform-checks/:id/restore',
    {
      config: { access: rolesAccess(dutyHandlerRoles) },
      schema: { tags, summary: '登记异常平台恢复正常', params: idParam, body: z.object({ note: requiredText(1000) }), response: { 200: z.object({ check: checkSchema }) } },
    },
    async (request) => ({ check: await restorePlatform(ctx, auditActorOf(request), request.params.id, request.body.note) }),
  );
}
