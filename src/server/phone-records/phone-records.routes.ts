import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { documentStatuses, urgencies } from '../../domain/documents/index.js';
import type { AppContext } from '../context.js';
import { documentLimits, urgencyInput } from '../documents/documents.schemas.js';
import { operatorOf } from '../documents/documents.service.js';
import { dutyHandlerRoles, dutyStaffRoles, rolesAccess } from '../http/access.js';
import { currentUser } from '../http/auth-hook.js';
import { registerFieldLabels } from '../http/field-labels.js';
import { auditActorOf } from '../http/request-context.js';
import { booleanQuery, idParam, isoDate, optionalText, pageQuery, phone } from '../http/schemas.js';
import { convertToIncident } from './phone-records.incident.js';
import { createPhoneRecord, getPhoneRecord, incidentDraftOf, listPhoneRecords, updatePhoneRecord } from './phone-records.service.js';

registerFieldLabels({
  calledAt: '来电时间',
  callerUnit: '来电单位',
  callerUnitId: '来电单位',
  callerName: '来电人姓名',
  callerPosition: '来电人职务',
  callerPhone: '来电号码',
  receiverName: '受话人',
  majorIncident: '重大案事件',
  handlingOpinion: '处理意见',
  handlingResult: '处理结果',
  handlerName: '经办人',
}, ['/api/phone-records']);

const phoneRecordSchema = z.object({
  id: z.string(),
  serial: z.string(),
  title: z.string(),
  urgency: z.enum(urgencies),
  status: z.enum(documentStatuses),
  calledAt: z.string(),
  callerUnit: z.string().nullable(),
  callerUnitId: z.string().nullable(),
  callerName: z.string().nullable(),
  callerPosition: z.string().nullable(),
  callerPhone: z.string().nullable(),
  receiverName: z.string(),
  content: z.string().nullable(),
  majorIncident: z.boolean(),
  handlingOpinion: z.string().nullable(),
  handlingResult: z.string().nullable(),
  handlerName: z.string().nullable(),
  incidentId: z.string().nullable(),
});

const optionalPhone = phone.nullish().or(z.literal('').transform(() => null));

const phoneRecordBody = z.object({
  calledAt: z.iso.datetime({ offset: true }).optional(),
  title: optionalText(documentLimits.title),
  urgency: urgencyInput.optional(),
  callerUnit: optionalText(documentLimits.senderUnit),
  callerUnitId: z.string().min(1).max(64).nullish(),
  callerName: optionalText(documentLimits.personName),
  callerPosition: optionalText(64),
  callerPhone: optionalPhone,
  receiverName: optionalText(documentLimits.personName),
  content: optionalText(documentLimits.content),
  majorIncident: z.boolean().optional(),
  handlingOpinion: optionalText(documentLimits.opinion),
  handlingResult: optionalText(documentLimits.opinion),
  handlerName: optionalText(documentLimits.personName),
});

const phoneRecordResponse = z.object({ phoneRecord: phoneRecordSchema });
const tags = ['文电处理'];

export async function phoneRecordRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const operator = (request: Parameters<typeof currentUser>[0]) => operatorOf(currentUser(request), auditActorOf(request));

  app.get(
    '/api/phone-records',
    {
      config: { access: rolesAccess(dutyStaffRoles) },
      schema: {
        tags,
        summary: '电话记录列表',
        querystring: z.object({ q: z.string().trim().max(64).optional(), majorIncident: booleanQuery.optional(), from: isoDate.optional(), to: isoDate.optional(), ...pageQuery }),
        response: { 200: z.object({ phoneRecords: z.array(phoneRecordSchema), total: z.number(), page: z.number(), pageSize: z.number() }) },
      },
    },
    async (request) => {
      const result = await listPhoneRecords(ctx, ctx.db.kysely, request.query);
      return { ...result, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.post(
    '/api/phone-records',
    {
      config: { access: rolesAccess(dutyHandlerRoles) },
      schema: {
        tags,
        summary: '登记电话记录',
        description: '同时进入收文登记簿（类型“电话记录”，按年度编号）。重大案事件的电话记录必须填写来电单位、姓名、职务、号码、受话人、通话内容及处理意见、结果和经办人。',
        body: phoneRecordBody,
        response: { 201: phoneRecordResponse },
      },
    },
    async (request, reply) => {
      const phoneRecord = await createPhoneRecord(ctx, operator(request), request.body);
      void reply.status(201);
      return { phoneRecord };
    },
  );

  app.get(
    '/api/phone-records/:id',
    { config: { access: rolesAccess(dutyStaffRoles) }, schema: { tags, summary: '电话记录详情', params: idParam, response: { 200: phoneRecordResponse } } },
    async (request) => ({ phoneRecord: await getPhoneRecord(ctx, ctx.db.kysely, request.params.id) }),
  );

  app.patch(
    '/api/phone-records/:id',
    {
      config: { access: rolesAccess(dutyHandlerRoles) },
      schema: { tags, summary: '修改电话记录（补充处理意见、结果、经办人等）', params: idParam, body: phoneRecordBody.omit({ calledAt: true }), response: { 200: phoneRecordResponse } },
    },
    async (request) => ({ phoneRecord: await updatePhoneRecord(ctx, operator(request), request.params.id, request.body) }),
  );

  app.get(
    '/api/phone-records/:id/incident-draft',
    {
      config: { access: rolesAccess(dutyHandlerRoles) },
      schema: { tags, summary: '由重大案事件电话记录生成的突发案事件草稿（不保存）', params: idParam },
    },
    async (request) => ({ draft: await incidentDraftOf(ctx, ctx.db.kysely, request.params.id) }),
  );

  app.post(
    '/api/phone-records/:id/incident',
    {
      config: { access: rolesAccess(dutyHandlerRoles) },
      schema: { tags, summary: '一键转为突发案事件', description: '重大案事件电话记录的来电单位、来电人、号码、时间和通话内容带入突发案事件登记，无需重新录入。', params: idParam, response: { 201: z.object({ incidentId: z.string() }) } },
    },
    async (request, reply) => {
      const result = await convertToIncident(ctx, currentUser(request), operator(request), request.params.id);
      void reply.status(201);
      return result;
    },
  );
}
