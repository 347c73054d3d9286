import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { rolesAccess } from '../http/access.js';
import { currentUser } from '../http/auth-hook.js';
import { auditActorOf } from '../http/request-context.js';
import { idParam, pageQuery } from '../http/schemas.js';
import { limits } from '../../shared/limits.js';
import { roles } from '../../shared/roles.js';
import { createAccount, getAccount, resetAccountPassword, searchAccounts, unlockAccount, updateAccount } from './users.service.js';

const accountSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  roles: z.array(z.enum(roles)),
  unitId: z.string(),
  unitName: z.string(),
  personId: z.string().nullable(),
  active: z.boolean(),
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
});

const accountBody = z.object({
  username: z
    .string()
    .trim()
    .min(limits.username.min)
    .max(limits.username.max)
    .regex(limits.username.pattern, { message: '只能以字母开头，由字母、数字、下划线、点或连字符组成' }),
  name: z.string().trim().min(limits.personName.min).max(limits.personName.max),
  roles: z.array(z.enum(roles)).min(1).max(roles.length),
  unitId: z.string().min(1).max(64),
  personId: z.string().max(64).nullish(),
});

const accountResponse = z.object({ user: accountSchema });

export async function userRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const adminAccess = { access: rolesAccess(['sys_admin', 'security_admin']) };
  // Which accounts each administrator may manage is checked in the service (三员分立).
  const managerAccess = { access: rolesAccess(['sys_admin', 'security_admin']) };
  const securityAccess = { access: rolesAccess(['security_admin']) };

  app.get(
    '/api/users',
    {
      config: adminAccess,
      schema: {
        tags: ['账号管理'],
        summary: '账号列表',
        querystring: z.object({ q: z.string().trim().max(32).optional(), ...pageQuery }),
        response: { 200: z.object({ users: z.array(accountSchema), total: z.number() }) },
      },
    },
    async (request) => searchAccounts(ctx, request.query),
  );

  app.get(
    '/api/users/:id',
    { config: adminAccess, schema: { tags: ['账号管理'], summary: '账号详情', params: idParam, response: { 200: accountResponse } } },
    async (request) => ({ user: await getAccount(ctx, request.params.id) }),
  );

  app.post(
    '/api/users',
    {
      config: managerAccess,
      schema: {
        tags: ['账号管理'],
        summary: '新增账号（返回一次性初始密码，首次登录须修改）',
        body: accountBody,
        response: { 201: z.object({ user: accountSchema, initialPassword: z.string() }) },
      },
    },
    async (request, reply) => {
      const { account, initialPassword } = await createAccount(ctx, auditActorOf(request), currentUser(request).roles, request.body);
      void reply.status(201);
      return { user: account, initialPassword };
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: managerAccess,
      schema: {
        tags: ['账号管理'],
        summary: '修改、停用账号',
        params: idParam,
        body: accountBody.omit({ username: true }).partial().extend({ active: z.boolean().optional() }),
        response: { 200: accountResponse },
      },
    },
    async (request) => ({ user: await updateAccount(ctx, auditActorOf(request), currentUser(request).roles, request.params.id, request.body) }),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      config: securityAccess,
      schema: { tags: ['账号管理'], summary: '重置密码（返回一次性密码）', params: idParam, response: { 200: z.object({ password: z.string() }) } },
    },
    async (request) => ({ password: await resetAccountPassword(ctx, auditActorOf(request), request.params.id) }),
  );

  app.post(
    '/api/users/:id/unlock',
    { config: securityAccess, schema: { tags: ['账号管理'], summary: '解锁账号', params: idParam, response: { 200: accountResponse } } },
    async (request) => ({ user: await unlockAccount(ctx, auditActorOf(request), request.params.id) }),
  );
}
