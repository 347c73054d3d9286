import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../audit/audit-log.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { rolesAccess, staffRoles } from '../http/access.js';
import { currentUser } from '../http/auth-hook.js';
import { auditActorOf } from '../http/request-context.js';
import { booleanQuery, idParam, optionalText, pageQuery, phone } from '../http/schemas.js';
import { limits } from '../../shared/limits.js';
import { dutyRoles, phoneReaderRoles } from '../../shared/roles.js';
import { buildImportTemplate, importPeople } from './people-import.js';
import { createPerson, getPerson, searchPeople, setPersonActive, updatePerson } from './people.service.js';

const personSchema = z.object({
  id: z.string(),
  name: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  position: z.string().nullable(),
  isPolice: z.boolean(),
  mobilePhone: z.string().nullable(),
  officePhone: z.string().nullable(),
  phonesVisible: z.boolean(),
  dutyRoles: z.array(z.enum(dutyRoles)),
  active: z.boolean(),
});

const optionalPhone = phone.nullish().or(z.literal('').transform(() => null));

const personBody = z.object({
  name: z.string().trim().min(limits.personName.min).max(limits.personName.max),
  unitId: z.string().min(1).max(64),
  position: optionalText(limits.position.max),
  isPolice: z.boolean(),
  mobilePhone: optionalPhone,
  officePhone: optionalPhone,
  dutyRoles: z.array(z.enum(dutyRoles)).max(dutyRoles.length),
});

const personResponse = z.object({ person: personSchema });

function mayReadPhones(request: FastifyRequest): boolean {
  return currentUser(request).roles.some((role) => phoneReaderRoles.includes(role));
}

export async function peopleRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const writeAccess = { access: rolesAccess(['sys_admin']) };

  app.get(
    '/api/people',
    {
      config: { access: rolesAccess(staffRoles) },
      schema: {
        tags: ['组织机构'],
        summary: '人员列表（搜索、分页）',
        description: '电话号码只在 withPhones=true 且角色有权查看时返回，并记入审计日志。',
        querystring: z.object({
          q: z.string().trim().max(32).optional(),
          unitId: z.string().max(64).optional(),
          dutyRole: z.enum(dutyRoles).optional(),
          active: booleanQuery.optional(),
          withPhones: booleanQuery.optional(),
          ...pageQuery,
        }),
        response: { 200: z.object({ people: z.array(personSchema), total: z.number(), page: z.number(), pageSize: z.number() }) },
      },
    },
    async (request) => {
      const query = request.query;
      const showPhones = query.withPhones === true && mayReadPhones(request);
      const result = await searchPeople(ctx, ctx.db.kysely, query, showPhones);
      if (showPhones && result.people.length > 0) {
        await appendAudit(ctx.db.kysely, auditActorOf(request), {
          action: 'confidential.read',
          entityType: 'person_phone',
          summary: `查看人员电话号码（${result.people.length}人）`,
          after: { personIds: result.people.map((person) => person.id) },
        }, ctx.clock.now());
      }
      return { ...result, page: query.page, pageSize: query.pageSize };
    },
  );

  app.get(
    '/api/people/:id',
    {
      config: { access: rolesAccess(staffRoles) },
      schema: { tags: ['组织机构'], summary: '人员详情', params: idParam, response: { 200: personResponse } },
    },
    async (request) => {
      const showPhones = mayReadPhones(request);
      const person = await getPerson(ctx, ctx.db.kysely, request.params.id, showPhones);
      if (showPhones && (person.mobilePhone || person.officePhone)) {
        await appendAudit(ctx.db.kysely, auditActorOf(request), { action: 'confidential.read', entityType: 'person_phone', entityId: person.id, summary: `查看 ${person.name} 的电话号码` }, ctx.clock.now());
      }
      return { person };
    },
  );

  app.post(
    '/api/people',
    { config: writeAccess, schema: { tags: ['组织机构'], summary: '新增人员', body: personBody, response: { 201: personResponse } } },
    async (request, reply) => {
      const person = await createPerson(ctx, auditActorOf(request), request.body);
      void reply.status(201);
      return { person };
    },
  );

  app.patch(
    '/api/people/:id',
    {
      config: writeAccess,
      schema: { tags: ['组织机构'], summary: '修改人员', params: idParam, body: personBody.partial(), response: { 200: personResponse } },
    },
    async (request) => ({ person: await updatePerson(ctx, auditActorOf(request), request.params.id, request.body) }),
  );

  app.post(
    '/api/people/:id/deactivate',
    { config: writeAccess, schema: { tags: ['组织机构'], summary: '停用人员（不删除）', params: idParam, response: { 200: personResponse } } },
    async (request) => ({ person: await setPersonActive(ctx, auditActorOf(request), request.params.id, false) }),
  );

  app.post(
    '/api/people/:id/reactivate',
    { config: writeAccess, schema: { tags: ['组织机构'], summary: '重新启用人员', params: idParam, response: { 200: personResponse } } },
    async (request) => ({ person: await setPersonActive(ctx, auditActorOf(request), request.params.id, true) }),
  );

  app.get(
    '/api/people/import-template',
    { config: writeAccess, schema: { tags: ['组织机构'], summary: '下载人员导入模板（Excel）' } },
    async (_request, reply) => {
      const file = await buildImportTemplate();
      void reply
        .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent('人员导入模板.xlsx')}`);
      return reply.send(file);
    },
  );

  app.post(
    '/api/people/import',
    {
      config: writeAccess,
      schema: { tags: ['组织机构'], summary: '从 Excel 导入人员（任一行有误则全部不导入）', consumes: ['multipart/form-data'], response: { 200: z.object({ imported: z.number() }) } },
    },
    async (request) => {
      if (!request.isMultipart()) {
        throw new AppError('MALFORMED_REQUEST', '请以文件上传方式提交 Excel 人员表（字段名 file）。');
      }
      const file = await request.file();
      if (!file) throw new AppError('VALIDATION_FAILED', '「文件」未收到上传的文件，请选择 Excel 人员表后重试。');
      const buffer = await file.toBuffer();
      const imported = await importPeople(ctx, auditActorOf(request), buffer);
      return { imported };
    },
  );
}
