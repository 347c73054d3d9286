import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { dutyHandlerRoles, dutyStaffRoles, rolesAccess } from '../http/access.js';
import { currentUser } from '../http/auth-hook.js';
import { auditActorOf } from '../http/request-context.js';
import { idParam, requiredText } from '../http/schemas.js';
import { instructionBody, instructionView } from '../reports/reports.schemas.js';
import { addInstructionFeedback, closeInstruction, getInstruction, listInstructions, registerInstruction } from './instructions.service.js';

const readers = [...dutyStaffRoles, 'sys_admin', 'unit_liaison'] as const;
const tags = ['领导批示'];
const response = { 200: z.object({ instruction: instructionView }) };

export async function instructionRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/instructions',
    {
      config: { access: rolesAccess(readers) },
      schema: {
        tags,
        summary: '领导批示列表（含各承办单位反馈期限）',
        description: '单位信息员只看到交办本单位的批示。',
        querystring: z.object({ status: z.enum(['open', 'closed']).optional() }),
        response: { 200: z.object({ instructions: z.array(instructionView) }) },
      },
    },
    async (request) => ({ instructions: await listInstructions(ctx, currentUser(request), request.query.status) }),
  );

  app.post(
    '/api/instructions',
    {
      config: { access: rolesAccess([...dutyHandlerRoles, 'bureau_leader']) },
      schema: { tags, summary: '登记领导批示并交办承办单位', body: instructionBody, response: { 201: z.object({ instruction: instructionView }) } },
    },
    async (request, reply) => {
      const instruction = await registerInstruction(ctx, auditActorOf(request), request.body);
      void reply.status(201);
      return { instruction };
    },
  );

  app.get(
    '/api/instructions/:id',
    { config: { access: rolesAccess(readers) }, schema: { tags, summary: '批示详情和反馈', params: idParam, response } },
    async (request) => ({ instruction: await getInstruction(ctx, currentUser(request), request.params.id) }),
  );

  app.post(
    '/api/instructions/:id/feedback',
    {
      config: { access: rolesAccess([...dutyHandlerRoles, 'unit_liaison']) },
      schema: {
        tags,
        summary: '反馈落实情况（当天反馈、每日续报）',
        params: idParam,
        body: z.object({ content: requiredText(4000), unitId: z.string().max(64).optional() }),
        response: { 201: z.object({ instruction: instructionView }) },
      },
    },
    async (request, reply) => {
      const instruction = await addInstructionFeedback(ctx, currentUser(request), auditActorOf(request), request.params.id, request.body);
      void reply.status(201);
      return { instruction };
    },
  );

  app.post(
    '/api/instructions/:id/close',
    { config: { access: rolesAccess(dutyHandlerRoles) }, schema: { tags, summary: '办结批示', params: idParam, response } },
    async (request) => ({ instruction: await closeInstruction(ctx, auditActorOf(request), request.params.id) }),
  );
}
