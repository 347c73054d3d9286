import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INCIDENT_GRADES } from '../../domain/incidents/index.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { dutyHandlerRoles, rolesAccess, staffRoles } from '../http/access.js';
import { currentUser } from '../http/auth-hook.js';
import { registerFieldLabels } from '../http/field-labels.js';
import { auditActorOf } from '../http/request-context.js';
import { idParam, instant, optionalText, pageQuery, requiredText } from '../http/schemas.js';
import { buildIncidentDocument } from './incident-export.js';
import { activateSeatsForIncident, completeOrder, incidentRecords, issueOrder, recordStep } from './incident-handling.service.js';
import { availableSteps, workflowStepKinds } from './incident-workflow.js';
import type { SessionUser } from '../auth/sessions.js';
import type { IncidentView } from './incident-model.js';
import { addIncidentReport, createIncident, getIncident, listIncidents, updateIncident } from './incidents.service.js';

registerFieldLabels({
  grade: '事件等级',
  occurredAt: '发生时间',
  discoveredAt: '发现时间',
  receivedAt: '接报时间',
  channel: '报送方式',
  type: '事件类型',
  earlySign: '苗头性信息',
  place: '发生地点',
  reporterName: '报告人',
  reporterContact: '报告人联系方式',
  onSiteCommanderName: '现场指挥员',
  onSiteCommanderContact: '现场指挥员联系方式',
  facts: '基本情况',
  casualties: '伤亡和损失情况',
  trend: '发展趋势',
  measures: '已采取的措施',
  publicOpinion: '网上舆情',
  background: '背景资料',
  attachmentIds: '附件',
  reportedAt: '报告时间',
  step: '处置环节',
  instructionId: '领导批示',
  process: '事件过程',
  handling: '处置情况',
  lessons: '经验教训',
  assignee: '承办单位或人员',
  result: '落实情况',
  scope: '范围',
}, ['/api/incidents']);

const LONG_TEXT = 4000;
const SHORT_TEXT = 100;

const gradeSchema = z.enum(INCIDENT_GRADES as ['general', 'larger', 'major', 'especially_major'], {
  message: '应为一般（general）、较大（larger）、重大（major）或特别重大（especially_major）之一',
});
const channelSchema = z.enum(['phone', 'written', 'system'], { message: '应为电话报告（phone）、书面报告（written）或系统报送（system）之一' });
const instantField = instant.describe('带时区的时间，如 2026-03-10T23:40:00+08:00');
const contactField = z
  .string()
  .trim()
  .max(40)
  .regex(/^[0-9+\-() ]*$/, { message: '应为电话号码，只能包含数字、空格和+-()' })
  .nullish()
  .transform((value) => (value === undefined ? undefined : value === '' ? null : value));

const elementsBody = {
  type: optionalText(SHORT_TEXT),
  earlySign: z.boolean().optional(),
  place: optionalText(200),
  reporterName: optionalText(32),
  reporterContact: contactField,
  onSiteCommanderName: optionalText(32),
  onSiteCommanderContact: contactField,
  facts: optionalText(LONG_TEXT),
  casualties: optionalText(LONG_TEXT),
  trend: optionalText(LONG_TEXT),
  measures: optionalText(LONG_TEXT),
  publicOpinion: optionalText(LONG_TEXT),
  background: optionalText(LONG_TEXT),
  attachmentIds: z.array(z.string().min(1).max(64)).max(20).optional(),
};

const createBody = z.object({
  title: requiredText(SHORT_TEXT),
  unitId: z.string().min(1, { message: '不能为空，请选择报送单位' }).max(64),
  grade: gradeSchema,
  occurredAt: instantField,
  discoveredAt: instantField,
  receivedAt: instantField,
  channel: channelSchema,
  ...elementsBody,
});

const personRef = z.object({ personId: z.string(), name: z.string() });

const incidentSchema = z.object({
  id: z.string(),
  serialNumber: z.string(),
  title: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  grade: gradeSchema,
  gradeLabel: z.string(),
  type: z.string().nullable(),
  earlySign: z.boolean(),
  place: z.string().nullable(),
  occurredAt: z.string(),
  discoveredAt: z.string(),
  receivedAt: z.string(),
  channel: channelSchema,
  channelLabel: z.string(),
  reporterName: z.string().nullable(),
  reporterContact: z.string().nullable(),
  onSiteCommanderName: z.string().nullable(),
  onSiteCommanderContact: z.string().nullable(),
  contactsHidden: z.boolean(),
  facts: z.string().nullable(),
  casualties: z.string().nullable(),
  trend: z.string().nullable(),
  measures: z.string().nullable(),
  publicOpinion: z.string().nullable(),
  background: z.string().nullable(),
  attachmentIds: z.array(z.string()),
  reportDeadline: z.string(),
  reportedLate: z.boolean(),
  delayMinutes: z.number(),
  lateLabel: z.string().nullable(),
  needsWrittenSupplement: z.boolean(),
  writtenReportDue: z.string(),
  writtenReportAt: z.string().nullable(),
  verificationDue: z.string(),
  verifiedAt: z.string().nullable(),
  finalReportAt: z.string().nullable(),
  missingElements: z.array(z.string()),
  deadlines: z.array(z.object({ kind: z.enum(['written_report', 'verification', 'follow_up']), label: z.string(), due: z.string(), doneAt: z.string().nullable() })),
  followUpCount: z.number(),
  status: z.enum(['received', 'reported', 'handling', 'tracking', 'summarizing', 'archived']),
  statusLabel: z.string(),
  dutyDate: z.string(),
  commander: personRef.nullable(),
  shiftLeader: personRef.nullable(),
  officers: z.array(personRef),
  summary: z.object({ process: z.string().nullable(), handling: z.string().nullable(), lessons: z.string().nullable() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const recordsSchema = z.object({
  timeline: z.array(z.object({ id: z.string(), seq: z.number(), kind: z.string(), label: z.string(), at: z.string(), actorName: z.string().nullable(), note: z.string().nullable(), data: z.record(z.string(), z.unknown()) })),
  reports: z.array(z.object({ id: z.string(), kind: z.enum(['written', 'follow_up', 'verification', 'final']), number: z.number(), label: z.string(), content: z.string(), reportedAt: z.string(), createdByName: z.string().nullable() })),
  orders: z.array(z.object({ id: z.string(), content: z.string(), assignee: z.string(), issuedByName: z.string().nullable(), issuedAt: z.string(), status: z.enum(['open', 'done']), result: z.string().nullable(), doneAt: z.string().nullable(), doneByName: z.string().nullable() })),
});

const actionsSchema = z.object({
  steps: z.array(z.object({ step: z.enum(workflowStepKinds), label: z.string(), noteRequired: z.string().nullable() })),
  canEdit: z.boolean(),
  canReport: z.boolean(),
  canIssueOrders: z.boolean(),
  canCompleteOrders: z.boolean(),
  canActivateSeats: z.boolean(),
});

const detailSchema = z.object({ incident: incidentSchema, ...recordsSchema.shape, actions: actionsSchema });

/** Computes what the user may do on the incident now, so the page shows only buttons that will work. */
function actionsFor(user: SessionUser, incident: IncidentView): z.infer<typeof actionsSchema> {
  const open = incident.status !== 'archived';
  const has = (roles: readonly string[]) => user.roles.some((role) => roles.includes(role));
  const handlesOrders = incident.status === 'handling' || incident.status === 'tracking';
  return {
    steps: availableSteps(user.roles, incident.status),
    canEdit: open && has(reporterRoles),
    canReport: open && !incident.finalReportAt && has(reporterRoles),
    canIssueOrders: handlesOrders && has(['duty_commander', 'shift_leader']),
    canCompleteOrders: has(dutyHandlerRoles),
    canActivateSeats: open && has(['duty_commander', 'shift_leader']),
  };
}
const orderParams = z.object({ id: z.string().min(1).max(64), orderId: z.string().min(1).max(64) });

/** Roles that may record incidents: the center's duty handlers and unit liaisons (own unit only). */
const reporterRoles = [...dutyHandlerRoles, 'unit_liaison'] as const;

export async function incidentRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['突发案事件'];

  app.post(
    '/api/incidents',
    {
      config: { access: rolesAccess(reporterRoles) },
      schema: {
        tags,
        summary: '登记突发案事件（接报）',
        description: '只需标题、单位、等级、三个时间和报送方式即可登记；缺少的要素在 missingElements 中列出，书面报告前补齐。报送时限为发现后2小时（特别重大1小时）。',
        body: createBody,
        response: { 201: incidentSchema },
      },
    },
    async (request, reply) => {
      const incident = await createIncident(ctx, currentUser(request), auditActorOf(request), request.body);
      void reply.status(201);
      return incident;
    },
  );

  app.get(
    '/api/incidents',
    {
      config: { access: rolesAccess(staffRoles) },
      schema: {
        tags,
        summary: '突发案事件列表（未结案在前）',
        querystring: z.object({ scope: z.enum(['open', 'all']).default('all'), unitId: z.string().max(64).optional(), ...pageQuery }),
        response: { 200: z.object({ items: z.array(incidentSchema), total: z.number() }) },
      },
    },
    async (request) => listIncidents(ctx, currentUser(request), request.query),
  );

  app.get(
    '/api/incidents/:id',
    {
      config: { access: rolesAccess(staffRoles) },
      schema: { tags, summary: '突发案事件详情与处置时间线', params: idParam, response: { 200: detailSchema } },
    },
    async (request) => {
      const user = currentUser(request);
      const incident = await getIncident(ctx, user, auditActorOf(request), request.params.id);
      return { incident, ...(await incidentRecords(ctx, incident.id)), actions: actionsFor(user, incident) };
    },
  );

  app.patch(
    '/api/incidents/:id',
    {
      config: { access: rolesAccess(reporterRoles) },
      schema: { tags, summary: '补充或更正要素', params: idParam, body: z.object({ title: requiredText(SHORT_TEXT).optional(), ...elementsBody }), response: { 200: incidentSchema } },
    },
    async (request) => updateIncident(ctx, currentUser(request), auditActorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/incidents/:id/reports',
    {
      config: { access: rolesAccess(reporterRoles) },
      schema: {
        tags,
        summary: '登记书面报告、续报、核报或终报',
        params: idParam,
        body: z.object({
          kind: z.enum(['written', 'follow_up', 'verification', 'final'], { message: '应为书面报告（written）、续报（follow_up）、核报（verification）或终报（final）之一' }),
          content: requiredText(LONG_TEXT),
          reportedAt: instantField.optional(),
        }),
        response: { 201: incidentSchema },
      },
    },
    async (request, reply) => {
      const incident = await addIncidentReport(ctx, currentUser(request), auditActorOf(request), request.params.id, request.body);
      void reply.status(201);
      return incident;
    },
  );

  app.post(
    '/api/incidents/:id/steps',
    {
      config: { access: rolesAccess([...dutyHandlerRoles, 'bureau_leader']) },
      schema: {
        tags,
        summary: '登记处置环节（报告、处置、跟踪协调、总结分析、归档）',
        params: idParam,
        body: z.object({
          step: z.enum(workflowStepKinds, { message: '不是有效的处置环节，请刷新页面后重试' }),
          note: optionalText(LONG_TEXT),
          instructionId: z.string().max(64).nullish(),
          summary: z.object({ process: requiredText(LONG_TEXT), handling: requiredText(LONG_TEXT), lessons: requiredText(LONG_TEXT) }).optional(),
        }),
        response: { 201: detailSchema },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const actor = auditActorOf(request);
      await recordStep(ctx, user, actor, request.params.id, { ...request.body, note: request.body.note ?? null });
      void reply.status(201);
      const incident = await getIncident(ctx, user, actor, request.params.id);
      return { incident, ...(await incidentRecords(ctx, incident.id)), actions: actionsFor(user, incident) };
    },
  );

  app.post(
    '/api/incidents/:id/orders',
    {
      config: { access: rolesAccess(['duty_commander', 'shift_leader']) },
      schema: { tags, summary: '下达指令', params: idParam, body: z.object({ content: requiredText(LONG_TEXT), assignee: requiredText(SHORT_TEXT) }), response: { 201: recordsSchema } },
    },
    async (request, reply) => {
      await issueOrder(ctx, currentUser(request), auditActorOf(request), request.params.id, request.body);
      void reply.status(201);
      return incidentRecords(ctx, request.params.id);
    },
  );

  app.post(
    '/api/incidents/:id/orders/:orderId/done',
    {
      config: { access: rolesAccess(dutyHandlerRoles) },
      schema: { tags, summary: '登记指令落实完毕', params: orderParams, body: z.object({ result: requiredText(LONG_TEXT) }), response: { 200: recordsSchema } },
    },
    async (request) => {
      await completeOrder(ctx, currentUser(request), auditActorOf(request), request.params.id, request.params.orderId, request.body.result);
      return incidentRecords(ctx, request.params.id);
    },
  );

  app.post(
    '/api/incidents/:id/activate-seats',
    {
      config: { access: rolesAccess(['duty_commander', 'shift_leader']) },
      schema: { tags, summary: '为本事件启动联合坐席', params: idParam, body: z.object({ reason: requiredText(200) }), response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    async (request) => {
      await activateSeatsForIncident(ctx, currentUser(request), auditActorOf(request), request.params.id, request.body.reason);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/incidents/:id/export.docx',
    {
      config: { access: rolesAccess(staffRoles) },
      schema: { tags, summary: '导出处置情况（Word，GB/T 9704 公文格式）', params: idParam },
    },
    async (request, reply) => {
      const incident = await getIncident(ctx, currentUser(request), auditActorOf(request), request.params.id);
      const records = await incidentRecords(ctx, incident.id);
      let buffer: Buffer;
      try {
        buffer = await buildIncidentDocument(ctx, incident, records);
      } catch (error) {
        request.log.error({ err: error, incidentId: incident.id }, 'incident export failed');
        throw new AppError('INVALID_STATE', '导出失败：事件记录中有无法写入公文的内容，请检查后重试。');
      }
      const fileName = `突发案事件处置情况-${incident.serialNumber}.docx`;
      void reply
        .header('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('Content-Disposition', `attachment; filename="incident-${incident.serialNumber}.docx"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
      return reply.send(buffer);
    },
  );
}
