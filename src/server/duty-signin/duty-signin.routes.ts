import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dutyDateOf } from '../../domain/time.js';
import type { AppContext } from '../context.js';
import { dutyStaffRoles, rolesAccess } from '../http/access.js';
import { currentUser } from '../http/auth-hook.js';
import { auditActorOf } from '../http/request-context.js';
import { isoDate } from '../http/schemas.js';
import { signIn, signinBoard, signOut } from './duty-signin.service.js';

const tags = ['签到签退'];

export async function dutySigninRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();

  app.get('/api/duty-signins', {
    config: { access: rolesAccess([...dutyStaffRoles, 'sys_admin'], { display: true }) },
    schema: {
      tags,
      summary: '值班人员在岗情况和在岗时长（不足要求的标出差额）',
      querystring: z.object({ date: isoDate.optional() }),
      response: {
        200: z.object({
          date: z.string(),
          dutyLevel: z.string(),
          staff: z.array(z.object({
            post: z.enum(['commander', 'shiftLeader', 'officer']), postLabel: z.string(), personId: z.string(), name: z.string(),
            required: z.number(), actual: z.number(), shortfall: z.number(), onPost: z.boolean(),
            periods: z.array(z.object({ signedInAt: z.string(), signedOutAt: z.string().nullable() })),
          })),
        }),
      },
    },
  }, async (request) => signinBoard(ctx, ctx.db.kysely, request.query.date ?? dutyDateOf(ctx.clock.now(), ctx.config.timeZone, ctx.config.handoverTime)));

  app.post('/api/duty-signins/sign-in', {
    config: { access: rolesAccess(dutyStaffRoles) },
    schema: { tags, summary: '签到（仅限当日值班人员）', response: { 201: z.object({ dutyDate: z.string(), signedInAt: z.string() }) } },
  }, async (request, reply) => {
    const result = await signIn(ctx, currentUser(request), auditActorOf(request));
    void reply.status(201);
    return result;
  });

  app.post('/api/duty-signins/sign-out', {
    config: { access: rolesAccess(dutyStaffRoles) },
    schema: { tags, summary: '签退', response: { 200: z.object({ dutyDate: z.string(), signedOutAt: z.string() }) } },
  }, async (request) => signOut(ctx, currentUser(request), auditActorOf(request)));
}
