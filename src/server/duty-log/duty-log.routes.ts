import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DutyLogSource } from '../../domain/duty-report/index.js';
import { DUTY_LOG_SOURCE_LABELS } from '../../domain/duty-report/index.js';
import { formatInstant } from '../../domain/time.js';
import type { AppContext } from '../context.js';
import { dutyHandlerRoles, dutyStaffRoles, rolesAccess } from '../http/access.js';
import { registerFieldLabels } from '../http/field-labels.js';
import { auditActorOf } from '../http/request-context.js';
import { instant, isoDate, requiredText } from '../http/schemas.js';
import { addFreeEntry, readDutyLog } from './duty-log.service.js';

const sources = Object.keys(DUTY_LOG_SOURCE_LABELS) as [DutyLogSource, ...DutyLogSource[]];
const sourceEnum = z.enum(sources, { message: `应为 ${sources.join('、')} 之一` });

export async function dutyLogRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();
  registerFieldLabels({ content: '记事内容', at: '时间', source: '来源' }, ['/api/duty-log']);

  app.get('/api/duty-log/:date', {
    config: { access: rolesAccess([...dutyStaffRoles, 'sys_admin']) },
    schema: {
      tags: ['值班日志'],
      summary: '某值班日（08:30 至次日 08:30）的值班日志，由各模块记录即时汇总',
      params: z.object({ date: isoDate }),
      querystring: z.object({ source: z.union([sourceEnum, z.array(sourceEnum)]).optional(), text: z.string().max(100).optional() }),
      response: {
        200: z.object({
          date: z.string(),
          entries: z.array(z.object({ at: z.string(), source: sourceEnum, sourceLabel: z.string(), who: z.string().nullable(), what: z.string(), link: z.string().nullable(), problem: z.boolean() })),
          groups: z.array(z.object({ source: sourceEnum, label: z.string(), count: z.number(), problems: z.number() })),
        }),
      },
    },
  }, async (request) => {
    const source = request.query.source;
    const log = await readDutyLog(ctx, ctx.db.kysely, request.params.date, {
      ...(source ? { sources: Array.isArray(source) ? source : [source] } : {}),
      ...(request.query.text ? { text: request.query.text } : {}),
    });
    return {
      date: request.params.date,
      entries: log.entries.map((entry) => ({
        at: formatInstant(new Date(entry.at), ctx.config.timeZone),
        source: entry.source,
        sourceLabel: DUTY_LOG_SOURCE_LABELS[entry.source],
        who: entry.who,
        what: entry.what,
        link: entry.link,
        problem: entry.problem ?? false,
      })),
      groups: log.groups,
    };
  });

  app.post('/api/duty-log/entries', {
    config: { access: rolesAccess(dutyHandlerRoles) },
    schema: {
      tags: ['值班日志'],
      summary: '值班日志记事（来访、无需单独登记的电话等）',
      body: z.object({ at: instant.optional(), content: requiredText(2000) }),
      response: { 201: z.object({ id: z.string(), dutyDate: z.string(), at: z.string() }) },
    },
  }, async (request, reply) => {
    const result = await addFreeEntry(ctx, auditActorOf(request), request.body);
    void reply.status(201);
    return result;
  });
}
