import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { rolesAccess, staffRoles } from '../http/access.js';
import { currentUser } from '../http/auth-hook.js';
import { auditActorOf } from '../http/request-context.js';
import { booleanQuery, monthKey } from '../http/schemas.js';
import { phoneReaderRoles } from '../../shared/roles.js';
import { buildRosterWorkbook, loadRosterSheet } from './roster-export.js';
import { importRoster } from './roster-import.js';
import { ROSTER_MANAGER_ROLES } from './roster-settings.js';

/** Everyone who may read the roster may export and print it; phone numbers follow phoneReaderRoles. */
const rosterReaderRoles = staffRoles;
/** Roles that may import a hand-made roster into a draft month: the roster's managers. */
const rosterEditorRoles = ROSTER_MANAGER_ROLES;

const personSchema = z.object({ personId: z.string(), name: z.string(), phone: z.string().nullable() });
const sheetSchema = z.object({
  month: z.string(),
  title: z.string(),
  centerName: z.string(),
  status: z.enum(['draft', 'published']),
  withPhones: z.boolean(),
  generatedAt: z.string(),
  rows: z.array(
    z.object({
      date: z.string(),
      dateLabel: z.string(),
      weekdayLabel: z.string(),
      dayType: z.string(),
      dayTypeLabel: z.string(),
      dutyLevel: z.string(),
      dutyLevelLabel: z.string(),
      commander: personSchema.nullable(),
      shiftLeader: personSchema.nullable(),
      officers: z.array(personSchema),
    }),
  ),
});

function mayReadPhones(request: FastifyRequest): boolean {
  return currentUser(request).roles.some((role) => phoneReaderRoles.includes(role));
}

export async function rosterOutputRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['排班'];
  const params = z.object({ month: monthKey });
  const query = z.object({ withPhones: booleanQuery.optional() });

  app.get(
    '/api/roster-outputs/:month/sheet',
    {
      config: { access: rolesAccess(rosterReaderRoles) },
      schema: { tags, summary: '打印用值班表（最终排班）', description: '电话号码只在 withPhones=true 且角色有权查看时返回，并记入审计日志。', params, querystring: query, response: { 200: z.object({ sheet: sheetSchema }) } },
    },
    async (request) => {
      const withPhones = request.query.withPhones === true && mayReadPhones(request);
      return { sheet: await loadRosterSheet(ctx, ctx.db.kysely, request.params.month, { withPhones, actor: auditActorOf(request) }) };
    },
  );

  app.get(
    '/api/roster-outputs/:month/export.xlsx',
    {
      config: { access: rolesAccess(rosterReaderRoles) },
      schema: { tags, summary: '导出值班表（Excel，A4 横向）', description: '电话号码列只在 withPhones=true 且角色有权查看时输出，并记入审计日志。', params, querystring: query },
    },
    async (request, reply) => {
      const withPhones = request.query.withPhones === true && mayReadPhones(request);
      const sheet = await loadRosterSheet(ctx, ctx.db.kysely, request.params.month, { withPhones, actor: auditActorOf(request) });
      const file = await buildRosterWorkbook(sheet);
      ctx.log.info({ month: request.params.month, withPhones }, 'roster exported to Excel');
      void reply
        .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${sheet.title}.xlsx`)}`);
      return reply.send(file);
    },
  );

  app.post(
    '/api/roster-outputs/:month/import',
    {
      config: { access: rolesAccess(rosterEditorRoles) },
      schema: {
        tags,
        summary: '从 Excel 导入手工编排的值班表（只能导入未发布的月份；任一行有误则全部不导入）',
        consumes: ['multipart/form-data'],
        params,
        response: { 200: z.object({ imported: z.number() }) },
      },
    },
    async (request) => {
      if (!request.isMultipart()) throw new AppError('MALFORMED_REQUEST', '请以文件上传方式提交 Excel 值班表（字段名 file）。');
      const file = await request.file();
      if (!file) throw new AppError('VALIDATION_FAILED', '「文件」未收到上传的文件，请选择 Excel 值班表后重试。');
      const result = await importRoster(ctx, auditActorOf(request), request.params.month, await file.toBuffer());
      return { imported: result.days };
    },
  );
}
