import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { rolesAccess } from '../http/access.js';
import { instant, pageQuery } from '../http/schemas.js';
import { searchAudit, verifyAuditChain } from './audit-log.js';

const entrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorName: z.string().nullable(),
  actorUnitId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  summary: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});

/** Only the audit administrator reads the log; nobody can change or erase it through the API. */
export async function auditRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const auditorAccess = { access: rolesAccess(['audit_admin']) };

  app.get(
    '/api/audit',
    {
      config: auditorAccess,
      schema: {
        tags: ['审计日志'],
        summary: '查询审计日志',
        querystring: z.object({
          actorName: z.string().trim().max(32).optional(),
          unitId: z.string().max(64).optional(),
          action: z.string().max(64).optional(),
          entityType: z.string().max(64).optional(),
          from: instant.optional(),
          to: instant.optional(),
          ...pageQuery,
        }),
        response: { 200: z.object({ entries: z.array(entrySchema), total: z.number() }) },
      },
    },
    async (request) => {
      const query = request.query;
      const { total, rows } = await searchAudit(ctx.db.kysely, {
        ...query,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
      });
      return {
        total,
        entries: rows.map((row) => ({
          seq: Number(row.seq),
          at: row.at,
          actorName: row.actor_name,
          actorUnitId: row.actor_unit_id,
          action: row.action,
          entityType: row.entity_type,
          entityId: row.entity_id,
          summary: row.summary,
          before: row.before_json ? JSON.parse(row.before_json) : null,
          after: row.after_json ? JSON.parse(row.after_json) : null,
          ip: row.ip,
        })),
      };
    },
  );

  app.get(
    '/api/audit/verify',
    {
      config: auditorAccess,
      schema: {
        tags: ['审计日志'],
        summary: '校验审计日志哈希链',
        response: {
          200: z.object({
            ok: z.boolean(),
            rows: z.number(),
            firstBadSeq: z.number().optional(),
            reason: z.enum(['altered', 'inserted_or_deleted', 'broken_link']).optional(),
          }),
        },
      },
    },
    async () => verifyAuditChain(ctx.db.kysely),
  );
}
