import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dutyDateOf } from '../../domain/time.js';
import type { AppContext } from '../context.js';
import { dutyStaffRoles, rolesAccess } from '../http/access.js';
import { currentUser } from '../http/auth-hook.js';
import { registerFieldLabels } from '../http/field-labels.js';
import { auditActorOf } from '../http/request-context.js';
import { isoDate } from '../http/schemas.js';
import { dutyReportDocument } from './duty-report-export.js';
import { getDutyReport, reviseDutyReport, saveDutyReportDraft, sendDutyReport, signDutyReport } from './duty-report.service.js';
import { myDuty } from './my-duty.service.js';

const tags = ['值班报告'];
const dateParams = z.object({ date: isoDate });
const section = z.object({ key: z.string(), heading: z.string(), text: z.string() });
const sectionsBody = z.object({
  sections: z.array(z.object({ key: z.string().min(1).max(40), text: z.string().max(20000, { message: '不能超过20000字，请精简' }) })).min(1).max(20),
});
const reportView = z.object({
  date: z.string(),
  status: z.enum(['none', 'draft', 'signed', 'revised', 'sent']),
  statusLabel: z.string(),
  staffRows: z.array(z.array(z.string())),
  sections: z.array(section),
  generated: z.array(section),
  shiftLeader: z.object({ personId: z.string(), name: z.string() }).nullable(),
  draftedBy: z.string().nullable(),
  signedBy: z.string().nullable(),
  signedAt: z.string().nullable(),
  revisedBy: z.string().nullable(),
  revisedAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  sentBy: z.string().nullable(),
  sentTo: z.string().nullable(),
  versions: z.array(z.object({ version: z.number(), kind: z.enum(['signed', 'revised']), createdAt: z.string(), createdBy: z.string(), sections: z.array(section) })),
});
const slot = z.object({ personId: z.string(), name: z.string() });
const task = z.object({ key: z.string(), title: z.string(), detail: z.string(), start: z.string(), due: z.string(), status: z.enum(['done', 'due', 'overdue', 'upcoming']), link: z.string() });
const myDutyView = z.object({
  date: z.string(),
  dayType: z.string(),
  posts: z.array(z.object({ post: z.enum(['commander', 'shiftLeader', 'officer']), label: z.string(), tasks: z.array(task) })),
  responsible: z.object({ date: z.string(), awaitingHandover: z.boolean(), commander: slot.nullable(), shiftLeader: slot.nullable(), officers: z.array(slot) }),
});

export async function dutyReportRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();
  registerFieldLabels({ sections: '报告栏目', text: '栏目内容', key: '栏目' }, ['/api/duty-reports', '/api/my-duty']);
  const readers = { access: rolesAccess([...dutyStaffRoles, 'sys_admin']) };
  const writers = { access: rolesAccess(['duty_officer', 'shift_leader']) };

  app.get('/api/duty-reports/:date', {
    config: readers,
    schema: { tags, summary: '某值班日的值班报告（未保存时返回系统起草稿）', params: dateParams, response: { 200: reportView } },
  }, async (request) => getDutyReport(ctx, ctx.db.kysely, request.params.date));

  app.put('/api/duty-reports/:date', {
    config: writers,
    schema: { tags, summary: '保存值班报告草稿（值班长签字前）', params: dateParams, body: sectionsBody, response: { 200: reportView } },
  }, async (request) => saveDutyReportDraft(ctx, auditActorOf(request), request.params.date, request.body.sections.map((item) => ({ ...item, heading: '' }))));

  app.post('/api/duty-reports/:date/sign', {
    config: { access: rolesAccess(['shift_leader']) },
    schema: { tags, summary: '值班长审核签字（仅限当日值班长，以换班后的值班表为准）', params: dateParams, response: { 200: reportView } },
  }, async (request) => signDutyReport(ctx, currentUser(request), auditActorOf(request), request.params.date));

  app.post('/api/duty-reports/:date/revise', {
    config: writers,
    schema: { tags, summary: '交接班会后修改（仅一次，保留签字版本）', params: dateParams, body: sectionsBody, response: { 200: reportView } },
  }, async (request) => reviseDutyReport(ctx, auditActorOf(request), request.params.date, request.body.sections.map((item) => ({ ...item, heading: '' }))));

  app.post('/api/duty-reports/:date/send', {
    config: writers,
    schema: { tags, summary: '报送局领导（须值班长签字后）', params: dateParams, response: { 200: reportView } },
  }, async (request) => sendDutyReport(ctx, auditActorOf(request), request.params.date));

  app.get('/api/duty-reports/:date/export.docx', {
    config: readers,
    schema: { tags, summary: '导出值班报告 Word 文件（GB/T 9704 公文格式）', params: dateParams },
  }, async (request, reply) => {
    const { fileName, content } = await dutyReportDocument(ctx, request.params.date);
    return reply
      .header('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .send(content);
  });

  app.get('/api/my-duty', {
    config: { access: rolesAccess(['duty_commander', 'shift_leader', 'duty_officer']) },
    schema: { tags, summary: '我的值班：当日应办事项及完成情况', querystring: z.object({ date: isoDate.optional() }), response: { 200: myDutyView } },
  }, async (request) => {
    const date = request.query.date ?? dutyDateOf(ctx.clock.now(), ctx.config.timeZone, ctx.config.handoverTime);
    return myDuty(ctx, currentUser(request), date);
  });
}
