import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { APP_VERSION } from './app.js';
import type { AppContext } from './context.js';
import { publicAccess } from './http/access.js';

export async function healthRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  api.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['系统'],
        summary: '健康检查',
        response: {
          200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']), version: z.string() }),
        },
      },
    },
    async () => {
      await sql`SELECT 1`.execute(ctx.db.kysely);
      return { status: 'ok' as const, database: ctx.db.dialect, version: APP_VERSION };
    },
  );
}
