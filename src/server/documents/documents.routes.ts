import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { documentKinds, documentStatuses, urgencies } from '../../domain/documents/index.js';
import type { AppContext } from '../context.js';
import { dutyHandlerRoles, rolesAccess } from '../http/access.js';
import { currentUser } from '../http/auth-hook.js';
import { auditActorOf, seesAllUnits } from '../http/request-context.js';
import { idParam, isoDate, pageQuery } from '../http/schemas.js';
import { centerRoles } from '../../shared/roles.js';
import { forbidden } from '../errors.js';
import { addOpinion, closeDocument, reportDocument, signTransfer, transferDocument } from './documents.handling.js';
import { pendingSignatures } from './documents.reminders.js';
import {
  closeBody,
  documentResponse,
  documentSummarySchema,
  opinionBody,
  pendingSignatureSchema,
  registerBody,
  reminderIntervalsSchema,
  reportBody,
  transferBody,
} from './documents.schemas.js';
import { assertMaySeeDocument, getDocument, listDocuments, loadDocumentRow, operatorOf, registerDocument } from './documents.service.js';
import { readReminderIntervals, updateReminderIntervals } from './documents.settings.js';

/** Center staff and the units' liaisons, who see the documents transferred to their unit. */
const readerRoles = [...centerRoles, 'unit_liaison', 'sys_admin'] as const;
/** Everyone who may sign for a transfer; the service also requires the signer to belong to the transfer's unit. */
const signerRoles = [...centerRoles, 'unit_liaison'] as const;
/** Leaders record their own 批示; duty staff record both kinds. */
const opinionRoles = [...dutyHandlerRoles, 'bureau_leader'] as const;

const tags = ['文电处理'];

export async function documentRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const operator = (request: Parameters<typeof currentUser>[0]) => operatorOf(currentUser(request), auditActorOf(request));

  app.get(
    '/api/documents',
    {
      config: { access: rolesAccess(readerRoles) },
      schema: {
        tags,
        summary: '收文登记簿（筛选、搜索、分页）',
        description: '单位信息员只能看到转办给本单位的文电。',
        querystring: z.object({
          kind: z.enum(documentKinds).optional(),
          urgency: z.enum(urgencies).optional(),
          status: z.enum(documentStatuses).optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
          unitId: z.string().max(64).optional(),
          q: z.string().trim().max(64).optional(),
          ...pageQuery,
        }),
        response: { 200: z.object({ documents: z.array(documentSummarySchema), total: z.number(), page: z.number(), pageSize: z.number() }) },
      },
    },
    async (request) => {
      const query = request.query;
      const result = await listDocuments(ctx, ctx.db.kysely, currentUser(request), query);
      return { ...result, page: query.page, pageSize: query.pageSize };
    },
  );

  app.post(
    '/api/documents',
    {
      config: { access: rolesAccess(dutyHandlerRoles) },
      schema: {
        tags,
        summary: '收文登记（电子公文、明传、密传）',
        description: '收文编号按收文年度连续编号；同一来文单位的同一文号只能登记一次；密传只登记元数据，不得录入正文或附件。电话记录请用 /api/phone-records。',
        body: registerBody,
        response: { 201: documentResponse },
      },
    },
    async (request, reply) => {
      const document = await registerDocument(ctx, operator(request), request.body);
      void reply.status(201);
      return { document };
    },
  );

  app.get(
    '/api/documents/pending-signatures',
    {
      config: { access: rolesAccess(signerRoles, { display: true }) },
      schema: {
        tags,
        summary: '待签收的转办文电',
        description: '单位信息员只看到本单位的；urgentOnly=true 只列特急、加急。',
        querystring: z.object({ unitId: z.string().max(64).optional(), urgentOnly: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ pending: z.array(pendingSignatureSchema) }) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      let unitId = request.query.unitId;
      if (user.sessionKind !== 'display' && !seesAllUnits(user)) {
        if (unitId && unitId !== user.unitId) throw forbidden('只能查看本单位待签收的文电。');
        unitId = user.unitId;
      }
      const pending = await pendingSignatures(ctx, ctx.db.kysely, { unitId, urgentOnly: request.query.urgentOnly === 'true' });
      return { pending };
    },
  );

  app.get(
    '/api/documents/settings',
    {
      config: { access: rolesAccess(readerRoles) },
      schema: { tags, summary: '文电催办间隔（分钟）', response: { 200: z.object({ reminderIntervals: reminderIntervalsSchema }) } },
    },
    async () => ({ reminderIntervals: await readReminderIntervals(ctx.db.kysely) }),
  );

  app.put(
    '/api/documents/settings',
    {
      config: { access: rolesAccess(['sys_admin', 'duty_commander']) },
      schema: {
        tags,
        summary: '修改文电催办间隔（分钟）',
        body: z.object({ reminderIntervals: reminderIntervalsSchema }),
        response: { 200: z.object({ reminderIntervals: reminderIntervalsSchema }) },
      },
    },
    async (request) => ({ reminderIntervals: await updateReminderIntervals(ctx, operator(request), request.body.reminderIntervals) }),
  );

  app.get(
    '/api/documents/:id',
    {
      config: { access: rolesAccess(readerRoles) },
      schema: { tags, summary: '文电详情与办理过程', params: idParam, response: { 200: documentResponse } },
    },
    async (request) => {
      await loadDocumentRow(ctx.db.kysely, request.params.id);
      await assertMaySeeDocument(ctx.db.kysely, currentUser(request), request.params.id);
      return { document: await getDocument(ctx, ctx.db.kysely, request.params.id) };
    },
  );

  app.post(
    '/api/documents/:id/report',
    {
      config: { access: rolesAccess(dutyHandlerRoles) },
      schema: { tags, summary: '报告值班长', description: '不填报告对象时取当日排班的值班长。', params: idParam, body: reportBody, response: { 200: documentResponse } },
    },
    async (request) => ({ document: await reportDocument(ctx, operator(request), request.params.id, request.body) }),
  );

  app.post(
    '/api/documents/:id/opinions',
    {
      config: { access: rolesAccess(opinionRoles) },
      schema: { tags, summary: '记录拟办意见或领导批示', params: idParam, body: opinionBody, response: { 200: documentResponse } },
    },
    async (request) => ({ document: await addOpinion(ctx, operator(request), request.params.id, request.body) }),
  );

  app.post(
    '/api/documents/:id/transfers',
    {
      config: { access: rolesAccess(dutyHandlerRoles) },
      schema: { tags, summary: '转办承办单位', params: idParam, body: transferBody, response: { 200: documentResponse } },
    },
    async (request) => ({ document: await transferDocument(ctx, operator(request), request.params.id, request.body) }),
  );

  app.post(
    '/api/documents/:id/transfers/:transferId/sign',
    {
      config: { access: rolesAccess(signerRoles) },
      schema: {
        tags,
        summary: '承办单位签收',
        description: '签收人为当前登录人（全名）和当前时间；只能签收转办给本人所在单位的文电。',
        params: z.object({ id: z.string().min(1).max(64), transferId: z.string().min(1).max(64) }),
        response: { 200: documentResponse },
      },
    },
    async (request) => ({ document: await signTransfer(ctx, operator(request), request.params.id, request.params.transferId) }),
  );

  app.post(
    '/api/documents/:id/archive',
    {
      config: { access: rolesAccess(dutyHandlerRoles) },
      schema: { tags, summary: '归档', params: idParam, body: closeBody, response: { 200: documentResponse } },
    },
    async (request) => ({ document: await closeDocument(ctx, operator(request), request.params.id, 'archived', request.body.note ?? null) }),
  );

  app.post(
    '/api/documents/:id/destroy',
    {
      config: { access: rolesAccess(dutyHandlerRoles) },
      schema: { tags, summary: '销毁（记录销毁人和时间，登记信息保留）', params: idParam, body: closeBody, response: { 200: documentResponse } },
    },
    async (request) => ({ document: await closeDocument(ctx, operator(request), request.params.id, 'destroyed', request.body.note ?? null) }),
  );
}
