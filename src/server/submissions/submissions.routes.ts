import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { forbidden } from '../errors.js';
import { dutyHandlerRoles, rolesAccess, staffRoles } from '../http/access.js';
import { currentUser } from '../http/auth-hook.js';
import { registerFieldLabels } from '../http/field-labels.js';
import { auditActorOf, seesAllUnits } from '../http/request-context.js';
import { clockTime, monthKey, optionalText } from '../http/schemas.js';
import type { SessionUser } from '../auth/sessions.js';
import { submissionRoles, submissionStatuses } from './submission-rules.js';
import {
  findSubmittingUnit,
  readSubmissionSettings,
  remindUnit,
  saveSubmissionSettings,
  submissionForm,
  submissionOverview,
  submitStaff,
} from './submissions.service.js';

registerFieldLabels({
  entries: '报送人员',
  personIds: '人员',
  deadlineDay: '报送截止日',
  deadlineTime: '报送截止时间',
  personnelUnitId: '人事部门',
}, ['/api/submissions']);

const entrySchema = z.object({
  role: z.enum(submissionRoles),
  seatId: z.string().nullable(),
  seatName: z.string().nullable(),
  people: z.array(z.object({ personId: z.string(), name: z.string() })),
});

const unitSubmissionSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  submitsDutyStaff: z.boolean(),
  seats: z.array(z.object({ id: z.string(), name: z.string() })),
  status: z.enum(submissionStatuses),
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  submittedByName: z.string().nullable(),
  revision: z.number(),
  entries: z.array(entrySchema),
  note: z.string().nullable(),
  reminders: z.array(z.object({ at: z.string(), byName: z.string() })),
});

const overviewSchema = z.object({
  month: z.string(),
  deadline: z.string(),
  units: z.array(unitSubmissionSchema),
  summary: z.object({ total: z.number(), submitted: z.number(), late: z.number(), missing: z.number(), pending: z.number() }),
});

const settingsSchema = z.object({ deadlineDay: z.number().int().min(1).max(31), deadlineTime: clockTime, personnelUnitId: z.string().min(1).max(64).nullable() });

const unitParams = z.object({ month: monthKey, unitId: z.string().min(1).max(64) });

/** Rejects (403) a user outside the center who asks for another unit's data. */
function assertMaySee(user: SessionUser, unitId: string): void {
  if (seesAllUnits(user) || user.unitId === unitId) return;
  throw forbidden('您只能查看本单位的报送情况。');
}

/** Only the unit's own staff (and the system administrator) submit for a unit. */
function assertMaySubmit(user: SessionUser, unitId: string): void {
  if (user.unitId === unitId || user.roles.includes('sys_admin')) return;
  throw forbidden('只能报送本单位的人员，请使用本单位账号报送。');
}

export async function submissionRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['月度人员报送'];

  app.get(
    '/api/submissions/settings',
    { config: { access: rolesAccess(staffRoles) }, schema: { tags, summary: '报送时限设置', response: { 200: z.object({ settings: settingsSchema }) } } },
    async () => ({ settings: await readSubmissionSettings(ctx.db.kysely) }),
  );

  app.put(
    '/api/submissions/settings',
    { config: { access: rolesAccess(['sys_admin']) }, schema: { tags, summary: '修改报送时限（每月几日几时前报送次月人员）', body: settingsSchema, response: { 200: z.object({ settings: settingsSchema }) } } },
    async (request) => ({ settings: await saveSubmissionSettings(ctx, auditActorOf(request), request.body) }),
  );

  app.get(
    '/api/submissions/:month',
    {
      config: { access: rolesAccess(staffRoles) },
      schema: {
        tags,
        summary: '某月人员报送情况：已报送、逾期报送、未报送',
        description: '指挥中心人员看到全部报送单位；其他账号只看到本单位。',
        params: z.object({ month: monthKey }),
        response: { 200: overviewSchema },
      },
    },
    async (request) => {
      const user = currentUser(request);
      return submissionOverview(ctx, ctx.db.kysely, request.params.month, seesAllUnits(user) ? undefined : user.unitId);
    },
  );

  app.get(
    '/api/submissions/:month/units/:unitId',
    { config: { access: rolesAccess(staffRoles) }, schema: { tags, summary: '某单位某月的报送内容', params: unitParams, response: { 200: z.object({ deadline: z.string(), submission: unitSubmissionSchema }) } } },
    async (request) => {
      assertMaySee(currentUser(request), request.params.unitId);
      await findSubmittingUnit(ctx, ctx.db.kysely, request.params.unitId);
      const overview = await submissionOverview(ctx, ctx.db.kysely, request.params.month, request.params.unitId);
      return { deadline: overview.deadline, submission: overview.units[0]! };
    },
  );

  app.get(
    '/api/submissions/:month/units/:unitId/form',
    {
      config: { access: rolesAccess(staffRoles) },
      schema: {
        tags,
        summary: '报送表单：本单位应报送的项目及可选人员',
        params: unitParams,
        response: {
          200: z.object({
            groups: z.array(
              z.object({
                role: z.enum(submissionRoles),
                seatId: z.string().nullable(),
                label: z.string(),
                candidates: z.array(z.object({ personId: z.string(), name: z.string(), unitName: z.string() })),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      assertMaySubmit(currentUser(request), request.params.unitId);
      const unit = await findSubmittingUnit(ctx, ctx.db.kysely, request.params.unitId);
      return { groups: await submissionForm(ctx, ctx.db.kysely, unit) };
    },
  );

  app.post(
    '/api/submissions/:month/units/:unitId',
    {
      config: { access: rolesAccess(staffRoles) },
      schema: {
        tags,
        summary: '报送（或修改）本单位次月值班人员和席位备勤人员',
        params: unitParams,
        body: z.object({
          entries: z.array(z.object({ role: z.enum(submissionRoles), seatId: z.string().max(64).nullish(), personIds: z.array(z.string().min(1).max(64)).max(100) })).max(20),
          note: optionalText(500),
        }),
        response: { 200: z.object({ deadline: z.string(), submission: unitSubmissionSchema }) },
      },
    },
    async (request) => {
      const { month, unitId } = request.params;
      assertMaySubmit(currentUser(request), unitId);
      await submitStaff(ctx, auditActorOf(request), month, unitId, request.body);
      const overview = await submissionOverview(ctx, ctx.db.kysely, month, unitId);
      return { deadline: overview.deadline, submission: overview.units[0]! };
    },
  );

  app.post(
    '/api/submissions/:month/units/:unitId/remind',
    {
      config: { access: rolesAccess(['sys_admin', ...dutyHandlerRoles]) },
      schema: { tags, summary: '催报：提醒未报送的单位', params: unitParams, response: { 201: z.object({ reminder: z.object({ at: z.string(), byName: z.string() }) }) } },
    },
    async (request, reply) => {
      const reminder = await remindUnit(ctx, auditActorOf(request), request.params.month, request.params.unitId);
      void reply.status(201);
      return { reminder };
    },
  );
}
