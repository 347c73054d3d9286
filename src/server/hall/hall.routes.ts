import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { rolesAccess } from '../http/access.js';
import { centerRoles } from '../../shared/roles.js';
import { hallOverview } from './hall.service.js';

const overviewSchema = z.object({
  generatedAt: z.string(),
  dutyDate: z.string(),
  sections: z.array(z.object({ key: z.string(), title: z.string(), data: z.unknown(), error: z.string().nullable() })),
});

export async function hallRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/hall/overview',
    {
      config: { access: rolesAccess([...centerRoles, 'sys_admin'], { display: true }) },
      schema: {
        tags: ['指挥大厅'],
        summary: '指挥大厅大屏数据',
        description: '今日值班、各单位报送、在办突发案事件、待签收文电、巡查问题、临近时限与视频点名、近七日态势。',
        response: { 200: overviewSchema },
      },
    },
    async () => hallOverview(ctx),
  );
}
