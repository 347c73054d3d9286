import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { AppError, invalidField } from '../errors.js';
import { publicAccess, rolesAccess, staffRoles } from '../http/access.js';
import { currentUser } from '../http/auth-hook.js';
import { auditActorOf } from '../http/request-context.js';
import { okResponse } from '../http/schemas.js';
import { feedPath, feedStatus, renderFeed, revokeFeed, rotateFeed } from './calendar-feed.service.js';

const TOKEN_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;

function linkedPerson(personId: string | null): string {
  if (!personId) throw invalidField('人员', '当前账号未关联人员，无法订阅值班安排；请联系系统管理员关联人员。');
  return personId;
}

export async function calendarFeedRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['值班订阅'];
  const statusSchema = z.object({ personLinked: z.boolean(), active: z.boolean(), createdAt: z.string().nullable() });

  app.get(
    '/api/calendar-feeds/me',
    { config: { access: rolesAccess(staffRoles) }, schema: { tags, summary: '我的值班订阅状态', response: { 200: z.object({ feed: statusSchema }) } } },
    async (request) => {
      const personId = currentUser(request).personId;
      if (!personId) return { feed: { personLinked: false, active: false, createdAt: null } };
      return { feed: { personLinked: true, ...(await feedStatus(ctx, personId)) } };
    },
  );

  app.post(
    '/api/calendar-feeds/me',
    {
      config: { access: rolesAccess(staffRoles) },
      schema: {
        tags,
        summary: '开通或更换订阅地址（旧地址立即失效；新地址只显示这一次）',
        response: { 201: z.object({ token: z.string(), path: z.string(), createdAt: z.string() }) },
      },
    },
    async (request, reply) => {
      const personId = linkedPerson(currentUser(request).personId);
      const { token, createdAt } = await rotateFeed(ctx, auditActorOf(request), personId);
      void reply.status(201).header('Cache-Control', 'no-store');
      return { token, path: feedPath(token), createdAt };
    },
  );

  app.delete(
    '/api/calendar-feeds/me',
    { config: { access: rolesAccess(staffRoles) }, schema: { tags, summary: '停用值班订阅', response: { 200: okResponse } } },
    async (request) => {
      await revokeFeed(ctx, auditActorOf(request), linkedPerson(currentUser(request).personId));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/calendar-feeds/:file',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary: '个人值班日历（iCalendar），地址中的密钥即授权',
        description: '只含已发布排班中本人的值班（换班、替班后的最终安排）。地址更换或停用后返回 404。',
        params: z.object({ file: z.string().max(64) }),
      },
    },
    async (request, reply) => {
      const match = TOKEN_FILE.exec(request.params.file);
      const body = match ? await renderFeed(ctx, match[1]!) : null;
      if (body === null) throw new AppError('NOT_FOUND', '订阅地址无效或已停用，请在“我的值班订阅”中重新获取。');
      void reply
        .header('Content-Type', 'text/calendar; charset=utf-8')
        .header('Content-Disposition', 'inline; filename="duty.ics"')
        .header('Cache-Control', 'private, max-age=300');
      return reply.send(body);
    },
  );
}
