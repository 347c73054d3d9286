import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { dutyHandlerRoles, dutyStaffRoles, rolesAccess } from '../http/access.js';
import { currentUser } from '../http/auth-hook.js';
import { auditActorOf } from '../http/request-context.js';
import { idParam, instant, isoDate, requiredText } from '../http/schemas.js';
import { bulletinSection, bulletinView } from '../reports/reports.schemas.js';
import {
  bulletinDocument,
  createBulletin,
  getBulletin,
  listBulletins,
  markBulletinSent,
  recomposeBulletin,
  reviewBulletin,
  signBulletin,
  updateBulletin,
} from './bulletins.service.js';

const readers = [...dutyStaffRoles, 'sys_admin'] as const;
const tags = ['司法要情'];
const response = { 200: z.object({ bulletin: bulletinView }) };

export async function bulletinRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/bulletins',
    {
      config: { access: rolesAccess(readers) },
      schema: { tags, summary: '《司法要情》各期列表', querystring: z.object({ year: z.coerce.number().int().min(2000).max(9999).optional() }), response: { 200: z.object({ bulletins: z.array(bulletinView) }) } },
    },
    async (request) => {
      const year = request.query.year ?? Number(ctx.clock.now().toISOString().slice(0, 4));
      return { bulletins: await listBulletins(ctx, year) };
    },
  );

  app.post(
    '/api/bulletins',
    {
      config: { access: rolesAccess(dutyHandlerRoles) },
      schema: { tags, summary: '按日编制《司法要情》（取当日已采用信息，按类别分组，期号按年连续）', body: z.object({ date: isoDate }), response: { 201: z.object({ bulletin: bulletinView }) } },
    },
    async (request, reply) => {
      const bulletin = await createBulletin(ctx, auditActorOf(request), request.body.date);
      void reply.status(201);
      return { bulletin };
    },
  );

  app.get(
    '/api/bulletins/:id',
    { config: { access: rolesAccess(readers) }, schema: { tags, summary: '一期《司法要情》', params: idParam, response } },
    async (request) => ({ bulletin: await getBulletin(ctx, request.params.id) }),
  );

  app.put(
    '/api/bulletins/:id',
    {
      config: { access: rolesAccess(dutyHandlerRoles) },
      schema: { tags, summary: '编辑《司法要情》', params: idParam, body: z.object({ title: requiredText(100), sections: z.array(bulletinSection).max(12) }), response },
    },
    async (request) => ({ bulletin: await updateBulletin(ctx, auditActorOf(request), request.params.id, request.body) }),
  );

  app.post(
    '/api/bulletins/:id/recompose',
    { config: { access: rolesAccess(dutyHandlerRoles) }, schema: { tags, summary: '按当前采用情况重新汇编', params: idParam, response } },
    async (request) => ({ bulletin: await recomposeBulletin(ctx, auditActorOf(request), request.params.id) }),
  );

  app.post(
    '/api/bulletins/:id/review',
    { config: { access: rolesAccess(['shift_leader', 'duty_commander']) }, schema: { tags, summary: '值班长审核', params: idParam, response } },
    async (request) => ({ bulletin: await reviewBulletin(ctx, auditActorOf(request), request.params.id) }),
  );

  app.post(
    '/api/bulletins/:id/sign',
    {
      config: { access: rolesAccess(['duty_commander']) },
      schema: { tags, summary: '值班指挥长签发', description: '只有该期日期的当日值班指挥长可以签发，其他指挥长返回 403。', params: idParam, response },
    },
    async (request) => ({ bulletin: await signBulletin(ctx, currentUser(request), auditActorOf(request), request.params.id) }),
  );

  app.post(
    '/api/bulletins/:id/send',
    {
      config: { access: rolesAccess(dutyHandlerRoles) },
      schema: { tags, summary: '标记已报送省厅指挥中心', params: idParam, body: z.object({ sentAt: instant.optional() }), response },
    },
    async (request) => ({ bulletin: await markBulletinSent(ctx, auditActorOf(request), request.params.id, request.body.sentAt ? new Date(request.body.sentAt) : null) }),
  );

  app.get(
    '/api/bulletins/:id/export.docx',
    { config: { access: rolesAccess(readers) }, schema: { tags, summary: '导出 Word（公文格式）', params: idParam } },
    async (request, reply) => {
      const { fileName, content } = await bulletinDocument(ctx, request.params.id);
      return reply
        .header('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(content);
    },
  );
}
