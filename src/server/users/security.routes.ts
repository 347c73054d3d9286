import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readPasswordPolicy, savePasswordPolicy } from '../auth/auth.service.js';
import type { AppContext } from '../context.js';
import { rolesAccess } from '../http/access.js';
import { auditActorOf } from '../http/request-context.js';

const policySchema = z.object({
  minLength: z.number().int().min(8).max(64),
  minClasses: z.number().int().min(3).max(4),
  maxAgeDays: z.number().int().min(0).max(365),
});

export async function securityRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/security/password-policy',
    {
      config: { access: rolesAccess(['security_admin', 'sys_admin']) },
      schema: { tags: ['安全策略'], summary: '密码策略', response: { 200: z.object({ policy: policySchema }) } },
    },
    async () => ({ policy: await readPasswordPolicy(ctx) }),
  );

  app.put(
    '/api/security/password-policy',
    {
      config: { access: rolesAccess(['security_admin']) },
      schema: {
        tags: ['安全策略'],
        summary: '修改密码策略（不低于8位、3类字符）',
        body: policySchema,
        response: { 200: z.object({ policy: policySchema }) },
      },
    },
    async (request) => {
      await savePasswordPolicy(ctx, auditActorOf(request), request.body);
      return { policy: request.body };
    },
  );
}
