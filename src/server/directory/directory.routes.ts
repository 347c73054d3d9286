import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { VERIFICATION_METHOD_LABELS, verificationMethods } from '../../domain/documents/index.js';
import { codeOrLabel } from '../documents/documents.schemas.js';
import { appendAudit } from '../audit/audit-log.js';
import type { AppContext } from '../context.js';
import { operatorOf } from '../documents/documents.service.js';
import { rolesAccess, staffRoles } from '../http/access.js';
import { currentUser } from '../http/auth-hook.js';
import { registerFieldLabels } from '../http/field-labels.js';
import { auditActorOf } from '../http/request-context.js';
import { monthKey, optionalText, pageQuery, requiredText } from '../http/schemas.js';
import { centerRoles, phoneReaderRoles } from '../../shared/roles.js';
import { discloseNumber, disclosuresOfMonth, searchDirectory, type DisclosureInput, type PhoneField } from './directory.service.js';
import { invalidField } from '../errors.js';

registerFieldLabels({
  entryType: '条目类型',
  entryId: '通讯录条目',
  phoneField: '号码类型',
  requesterName: '询问人姓名',
  requesterUnit: '询问人单位',
  verification: '核实方式',
  verificationNote: '核实说明',
  reason: '询问事由',
}, ['/api/directory']);

const phoneFields = ['mobile', 'office', 'duty_room'] as const;

const entrySchema = z.object({
  key: z.string(),
  type: z.enum(['person', 'unit']),
  id: z.string(),
  name: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  position: z.string().nullable(),
  available: z.array(z.enum(phoneFields)),
  mobilePhone: z.string().nullable(),
  officePhone: z.string().nullable(),
  dutyRoomPhone: z.string().nullable(),
  phonesVisible: z.boolean(),
});

const disclosureSchema = z.object({
  id: z.string(),
  at: z.string(),
  officerName: z.string(),
  requesterName: z.string(),
  requesterUnit: z.string(),
  verification: z.enum(verificationMethods),
  verificationNote: z.string().nullable(),
  reason: z.string(),
  entryType: z.enum(['person', 'unit']),
  entryId: z.string(),
  entryName: z.string(),
  phoneField: z.enum(phoneFields),
});

/** Roles that take the center's calls and may give a number after verifying the caller. */
const disclosingRoles = centerRoles;
/** Roles that review the monthly list of numbers given out. */
const disclosureReaderRoles = [...phoneReaderRoles, 'audit_admin'] as const;

function mayReadPhones(request: FastifyRequest): boolean {
  return currentUser(request).roles.some((role) => phoneReaderRoles.includes(role));
}

const tags = ['通讯录'];

interface DisclosureBody extends Omit<DisclosureInput, 'entryType' | 'entryId' | 'phoneField'> {
  entryType?: 'person' | 'unit';
  entryId?: string;
  personId?: string;
  unitId?: string;
  phoneField?: PhoneField;
}

/** Resolves the directory entry a disclosure names, by entryType + entryId or by personId / unitId. */
function resolveEntry(body: DisclosureBody): DisclosureInput {
  const { personId, unitId, entryType, entryId, phoneField, ...rest } = body;
  let type = entryType;
  let id = entryId;
  if (!id && personId) [type, id] = ['person', personId];
  if (!id && unitId) [type, id] = ['unit', unitId];
  if (!type || !id) throw invalidField('通讯录条目', '未指定要提供号码的人员或单位，请从通讯录中选择');
  return { ...rest, entryType: type, entryId: id, phoneField: phoneField ?? (type === 'unit' ? 'duty_room' : 'mobile') };
}

export async function directoryRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/directory',
    {
      config: { access: rolesAccess(staffRoles) },
      schema: {
        tags,
        summary: '通讯录（人员和值班室，可搜索）',
        description: '有权查看号码的角色看到号码（记入审计日志）；其他角色只看到姓名，号码须经“号码提供登记”后获得。',
        querystring: z.object({ q: z.string().trim().max(32).optional(), unitId: z.string().max(64).optional(), type: z.enum(['person', 'unit']).optional(), ...pageQuery }),
        response: { 200: z.object({ entries: z.array(entrySchema), total: z.number(), page: z.number(), pageSize: z.number(), phonesVisible: z.boolean() }) },
      },
    },
    async (request) => {
      const showPhones = mayReadPhones(request);
      const result = await searchDirectory(ctx, ctx.db.kysely, request.query, showPhones);
      const withNumbers = result.entries.filter((entry) => entry.mobilePhone || entry.officePhone || entry.dutyRoomPhone);
      if (showPhones && withNumbers.length > 0) {
        await appendAudit(ctx.db.kysely, auditActorOf(request), {
          action: 'confidential.read',
          entityType: 'directory',
          summary: `查看通讯录电话号码（${withNumbers.length}条）`,
          after: { keys: withNumbers.map((entry) => entry.key) },
        }, ctx.clock.now());
      }
      return { ...result, page: request.query.page, pageSize: request.query.pageSize, phonesVisible: showPhones };
    },
  );

  app.post(
    '/api/directory/disclosures',
    {
      config: { access: rolesAccess(disclosingRoles) },
      schema: {
        tags,
        summary: '号码提供登记（先登记询问人、核实方式和事由，再返回号码）',
        description: '号码条目用 entryType + entryId 指定，也可直接给 personId 或 unitId；phoneField 省略时个人取手机、单位取值班室电话。',
        body: z.object({
          entryType: z.enum(['person', 'unit']).optional(),
          entryId: z.string().min(1).max(64).optional(),
          personId: z.string().min(1).max(64).optional(),
          unitId: z.string().min(1).max(64).optional(),
          phoneField: z.enum(phoneFields).optional(),
          requesterName: requiredText(32),
          requesterUnit: requiredText(100),
          verification: codeOrLabel(verificationMethods, VERIFICATION_METHOD_LABELS),
          verificationNote: optionalText(200),
          reason: requiredText(200),
        }),
        response: { 201: z.object({ disclosure: disclosureSchema, phone: z.string() }) },
      },
    },
    async (request, reply) => {
      const result = await discloseNumber(ctx, operatorOf(currentUser(request), auditActorOf(request)), resolveEntry(request.body));
      void reply.status(201);
      return result;
    },
  );

  app.get(
    '/api/directory/disclosures',
    {
      config: { access: rolesAccess(disclosureReaderRoles) },
      schema: {
        tags,
        summary: '号码提供登记月度清单',
        querystring: z.object({ month: monthKey }),
        response: { 200: z.object({ month: z.string(), disclosures: z.array(disclosureSchema) }) },
      },
    },
    async (request) => ({ month: request.query.month, disclosures: await disclosuresOfMonth(ctx, ctx.db.kysely, request.query.month) }),
  );
}
