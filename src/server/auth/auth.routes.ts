import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../audit/audit-log.js';
import type { AppContext } from '../context.js';
import { publicAccess, selfAccess } from '../http/access.js';
import { currentUser } from '../http/auth-hook.js';
import { auditActorOf } from '../http/request-context.js';
import { roles } from '../../shared/roles.js';
import { changePassword, login, readPasswordPolicy } from './auth.service.js';
import { deleteSession, SESSION_COOKIE } from './sessions.js';

const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  roles: z.array(z.enum(roles)),
  unitId: z.string(),
  mustChangePassword: z.boolean(),
});

const meSchema = userSchema.extend({
  personId: z.string().nullable(),
  unitName: z.string(),
  sessionKind: z.enum(['user', 'display']),
  passwordPolicy: z.object({ minLength: z.number(), minClasses: z.number(), maxAgeDays: z.number() }),
  sessionIdleMinutes: z.number(),
  /** The center's IANA time zone: the web app shows every time in it, whatever the browser's zone. */
  timeZone: z.string(),
  handoverTime: z.string(),
});

export async function authRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/auth/login',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['登录'],
        summary: '用户名密码登录',
        body: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }),
        response: { 200: z.object({ user: userSchema }) },
      },
    },
    async (request, reply) => {
      const result = await login(ctx, request.body.username, request.body.password, request.ip);
      void reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: ctx.config.secureCookies || request.protocol === 'https',
      });
      return { user: result.user };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: selfAccess }, schema: { tags: ['登录'], summary: '退出登录', response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (request, reply) => {
      const user = currentUser(request);
      await ctx.db.kysely.transaction().execute(async (trx) => {
        await deleteSession(trx, user.sessionId);
        await appendAudit(trx, auditActorOf(request), { action: 'auth.logout', entityType: 'user', entityId: user.id, summary: `账号 ${user.username} 退出登录` }, ctx.clock.now());
      });
      ctx.log.info({ userId: user.id }, 'signed out');
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    { config: { access: selfAccess }, schema: { tags: ['登录'], summary: '当前登录用户', response: { 200: z.object({ user: meSchema }) } } },
    async (request) => {
      const user = currentUser(request);
      const unit = await ctx.db.kysely.selectFrom('units').select('name').where('id', '=', user.unitId).executeTakeFirst();
      return {
        user: {
          id: user.id,
          username: user.username,
          name: user.name,
          roles: user.roles,
          unitId: user.unitId,
          personId: user.personId,
          unitName: unit?.name ?? '',
          mustChangePassword: user.mustChangePassword,
          sessionKind: user.sessionKind,
          passwordPolicy: await readPasswordPolicy(ctx),
          sessionIdleMinutes: ctx.config.sessionIdleMinutes,
          timeZone: ctx.config.timeZone,
          handoverTime: ctx.config.handoverTime,
        },
      };
    },
  );

  app.post(
    '/api/auth/change-password',
    {
      config: { access: selfAccess },
      schema: {
        tags: ['登录'],
        summary: '修改本人密码',
        body: z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      await changePassword(ctx, { ...auditActorOf(request), userId: user.id }, user.sessionId, request.body.currentPassword, request.body.newPassword);
      return { ok: true as const };
    },
  );
}
