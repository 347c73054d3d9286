import type { FastifyInstance } from 'fastify';
import { attachmentRoutes } from './attachments/attachments.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import type { AppContext } from './context.js';
import { healthRoutes } from './health.routes.js';
import { peopleRoutes } from './org/people.routes.js';
import { unitRoutes } from './org/units.routes.js';
import { securityRoutes } from './users/security.routes.js';
import { userRoutes } from './users/users.routes.js';

/** Registers every module's routes. Add a module here with one line. */
export async function registerModuleRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  await healthRoutes(api, ctx);
  await authRoutes(api, ctx);
  await unitRoutes(api, ctx);
  await peopleRoutes(api, ctx);
  await userRoutes(api, ctx);
  await securityRoutes(api, ctx);
  await auditRoutes(api, ctx);
  await attachmentRoutes(api, ctx);
}
