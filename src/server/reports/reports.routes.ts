import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REPORT_ITEM_STATUSES } from '../../domain/reports/index.js';
import { addDays, daysBetween, formatInstant } from '../../domain/time.js';
import type { AppContext } from '../context.js';
import { invalidField } from '../errors.js';
import { dutyHandlerRoles, dutyStaffRoles, rolesAccess } from '../http/access.js';
import { currentUser } from '../http/auth-hook.js';
import { auditActorOf } from '../http/request-context.js';
import { idParam, isoDate, monthKey } from '../http/schemas.js';
import { monthlyStatistics, workBulletinDocument } from './adoption.service.js';
import {
  dailyStatusOf,
  getDailyReport,
  listDailyReports,
  listViolations,
  rectifyViolation,
  remindersOf,
  remindMissingUnits,
  submitDailyReport,
  todayOf,
} from './daily-reports.service.js';
import { addReportItemUpdate, getReportItem, listReportItems, markReportItem, reviewReportItem, reviseReportItem } from './report-items.service.js';
import { readDailyReportSettings, updateDailyReportSettings } from './report-settings.js';
import {
  dailyReportView,
  IDEMPOTENCY_KEY_PATTERN,
  itemDetail,
  itemInput,
  itemView,
  markBody,
  reminderView,
  settingsBody,
  settingsView,
  statisticsView,
  statusResponse,
  submissionBody,
  updateBody,
  violationView,
} from './reports.schemas.js';

/** The center's duty staff, leaders and the system administrator see every unit. */
const centerReaders = [...dutyStaffRoles, 'sys_admin'] as const;
/** Readers of per-unit data: the center, and liaisons for their own unit only. */
const unitReaders = [...centerReaders, 'unit_liaison'] as const;
const reviewers = ['shift_leader', 'duty_commander'] as const;
const tags = ['信息报送'];

const MAX_RANGE_DAYS = 366;

/** Resolves an optional date range (default: the last 30 days) and checks its size. */
function rangeOf(query: { from?: string; to?: string }, today: string): { from: string; to: string } {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -30);
  if (from > to) throw invalidField('开始日期', `${from} 晚于结束日期 ${to}，请修改。`);
  if (daysBetween(from, to) >= MAX_RANGE_DAYS) throw invalidField('结束日期', `查询范围不能超过 ${MAX_RANGE_DAYS} 天，请缩小日期范围。`);
  return { from, to };
}

export async function reportRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const tz = ctx.config.timeZone;

  app.get(
    '/api/daily-reports/status',
    {
      config: { access: rolesAccess(centerReaders, { display: true }) },
      schema: {
        tags,
        summary: '零报告报送情况（按日）',
        description: '统计范围：除局指挥中心外的全部启用单位。截止时间当刻报送为按时，晚于截止时间为迟报。',
        querystring: z.object({ date: isoDate.optional() }),
        response: { 200: statusResponse },
      },
    },
    async (request) => {
      const date = request.query.date ?? todayOf(ctx);
      const status = await dailyStatusOf(ctx, ctx.db.kysely, date);
      return {
        date: status.date,
        deadline: formatInstant(status.deadline, tz),
        collectionDeadline: formatInstant(status.collectionDeadline, tz),
        provinceDeadline: formatInstant(status.provinceDeadline, tz),
        overdue: status.overdue,
        units: status.units.map((unit) => ({
          unitId: unit.unitId,
          unitName: unit.unitName,
          status: unit.status,
          submittedAt: unit.submittedAt ? formatInstant(unit.submittedAt, tz) : null,
        })),
        summary: status.summary,
        reminders: await remindersOf(ctx, date),
      };
    },
  );

  app.post(
    '/api/daily-reports',
    {
      config: { access: rolesAccess(['unit_liaison']) },
      schema: {
        tags,
        summary: '报送要情信息或零报告（无事报平安）',
        description: '每次提交须带 Idempotency-Key 请求头（或请求体 idempotencyKey）；同一编号重试返回已保存的结果，不重复保存。',
        body: submissionBody,
        response: { 200: z.object({ report: dailyReportView, replayed: z.literal(true) }), 201: z.object({ report: dailyReportView, replayed: z.literal(false) }) },
      },
    },
    async (request, reply) => {
      const header = request.headers['idempotency-key'];
      const key = (Array.isArray(header) ? header[0] : header) ?? request.body.idempotencyKey;
      if (!key) throw invalidField('提交编号', '缺失：请在 Idempotency-Key 请求头或 idempotencyKey 字段中提供本次提交的唯一编号。');
      if (!IDEMPOTENCY_KEY_PATTERN.test(key)) throw invalidField('提交编号', '应为8到128位的字母、数字或 _ . : -，请重新生成。');

      const result = await submitDailyReport(ctx, currentUser(request), auditActorOf(request), request.body, key);
      void reply.status(result.replayed ? 200 : 201);
      return result;
    },
  );

  app.get(
    '/api/daily-reports',
    {
      config: { access: rolesAccess(unitReaders) },
      schema: {
        tags,
        summary: '报送记录',
        description: '单位信息员只能查看本单位的记录，查询其他单位返回 403。',
        querystring: z.object({ unitId: z.string().max(64).optional(), from: isoDate.optional(), to: isoDate.optional() }),
        response: { 200: z.object({ reports: z.array(dailyReportView) }) },
      },
    },
    async (request) => {
      const range = rangeOf(request.query, todayOf(ctx));
      return { reports: await listDailyReports(ctx, currentUser(request), { ...range, ...(request.query.unitId ? { unitId: request.query.unitId } : {}) }) };
    },
  );

  app.post(
    '/api/daily-reports/reminders',
    {
      config: { access: rolesAccess([...dutyHandlerRoles, 'seat_staff']) },
      schema: { tags, summary: '一键催报未报送单位', body: z.object({ date: isoDate }), response: { 201: z.object({ reminder: reminderView }) } },
    },
    async (request, reply) => {
      const reminder = await remindMissingUnits(ctx, auditActorOf(request), request.body.date);
      void reply.status(201);
      return { reminder };
    },
  );

  app.get(
    '/api/daily-reports/violations',
    {
      config: { access: rolesAccess(unitReaders) },
      schema: {
        tags,
        summary: '迟报漏报记录（通报批评、限期整改）',
        querystring: z.object({ unitId: z.string().max(64).optional(), from: isoDate.optional(), to: isoDate.optional() }),
        response: { 200: z.object({ violations: z.array(violationView) }) },
      },
    },
    async (request) => {
      const range = rangeOf(request.query, todayOf(ctx));
      return { violations: await listViolations(ctx, currentUser(request), { ...range, ...(request.query.unitId ? { unitId: request.query.unitId } : {}) }) };
    },
  );

  app.post(
    '/api/daily-reports/violations/:id/rectify',
    {
      config: { access: rolesAccess(dutyHandlerRoles) },
      schema: { tags, summary: '标记整改完成', params: idParam, response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    async (request) => {
      await rectifyViolation(ctx, auditActorOf(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/daily-reports/settings',
    {
      config: { access: rolesAccess(unitReaders) },
      schema: { tags, summary: '报送截止时间设置', response: { 200: z.object({ settings: settingsView }) } },
    },
    async () => ({ settings: await readDailyReportSettings(ctx.db.kysely) }),
  );

  app.put(
    '/api/daily-reports/settings',
    {
      config: { access: rolesAccess(['sys_admin']) },
      schema: { tags, summary: '修改报送截止时间', body: settingsBody, response: { 200: z.object({ settings: settingsView }) } },
    },
    async (request) => {
      const patch = Object.fromEntries(Object.entries(request.body).filter(([, value]) => value !== undefined));
      return { settings: await updateDailyReportSettings(ctx, auditActorOf(request), patch) };
    },
  );

  app.get(
    '/api/daily-reports/:id',
    {
      config: { access: rolesAccess(unitReaders) },
      schema: { tags, summary: '一次报送的内容', params: idParam, response: { 200: z.object({ report: dailyReportView }) } },
    },
    async (request) => ({ report: await getDailyReport(ctx, currentUser(request), request.params.id) }),
  );

  app.get(
    '/api/report-items',
    {
      config: { access: rolesAccess(unitReaders) },
      schema: {
        tags,
        summary: '要情信息列表（审核队列）',
        querystring: z.object({ unitId: z.string().max(64).optional(), from: isoDate.optional(), to: isoDate.optional(), status: z.enum(REPORT_ITEM_STATUSES).optional() }),
        response: { 200: z.object({ items: z.array(itemView) }) },
      },
    },
    async (request) => {
      const range = rangeOf(request.query, todayOf(ctx));
      const { unitId, status } = request.query;
      return { items: await listReportItems(ctx, currentUser(request), { ...range, ...(unitId ? { unitId } : {}), ...(status ? { status } : {}) }) };
    },
  );

  app.get(
    '/api/report-items/:id',
    {
      config: { access: rolesAccess(unitReaders) },
      schema: { tags, summary: '要情信息详情（含各版本和续报）', params: idParam, response: { 200: z.object({ item: itemDetail }) } },
    },
    async (request) => ({ item: await getReportItem(ctx, currentUser(request), request.params.id) }),
  );

  app.post(
    '/api/report-items/:id/mark',
    {
      config: { access: rolesAccess(dutyHandlerRoles) },
      schema: { tags, summary: '值班员标记：采用、退回修改或合并', params: idParam, body: markBody, response: { 200: z.object({ item: itemDetail }) } },
    },
    async (request) => ({ item: await markReportItem(ctx, auditActorOf(request), request.params.id, request.body) }),
  );

  app.post(
    '/api/report-items/:id/review',
    {
      config: { access: rolesAccess(reviewers) },
      schema: { tags, summary: '值班长审核', params: idParam, response: { 200: z.object({ item: itemDetail }) } },
    },
    async (request) => ({ item: await reviewReportItem(ctx, auditActorOf(request), request.params.id) }),
  );

  app.put(
    '/api/report-items/:id',
    {
      config: { access: rolesAccess(['unit_liaison']) },
      schema: { tags, summary: '修改被退回的信息并重新报送（保留原版本）', params: idParam, body: itemInput, response: { 200: z.object({ item: itemDetail }) } },
    },
    async (request) => ({ item: await reviseReportItem(ctx, currentUser(request), auditActorOf(request), request.params.id, request.body) }),
  );

  app.post(
    '/api/report-items/:id/updates',
    {
      config: { access: rolesAccess([...dutyHandlerRoles, 'unit_liaison']) },
      schema: {
        tags,
        summary: '书面补报、初步核查、续报或终报',
        params: idParam,
        body: updateBody,
        response: { 201: z.object({ item: itemDetail }) },
      },
    },
    async (request, reply) => {
      const item = await addReportItemUpdate(ctx, currentUser(request), auditActorOf(request), request.params.id, request.body);
      void reply.status(201);
      return { item };
    },
  );

  app.get(
    '/api/report-stats/monthly',
    {
      config: { access: rolesAccess(centerReaders) },
      schema: { tags, summary: '各单位月度采用情况和迟报漏报统计', querystring: z.object({ month: monthKey }), response: { 200: statisticsView } },
    },
    async (request) => monthlyStatistics(ctx, request.query.month),
  );

  app.get(
    '/api/report-stats/monthly/export.docx',
    {
      config: { access: rolesAccess(centerReaders) },
      schema: { tags, summary: '导出《工作通报》（Word）', querystring: z.object({ month: monthKey }) },
    },
    async (request, reply) => {
      const content = await workBulletinDocument(ctx, request.query.month);
      const fileName = `工作通报（${request.query.month}要情信息采用情况）.docx`;
      return reply
        .header('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(content);
    },
  );
}
