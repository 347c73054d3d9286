import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { dutyLogRoutes } from '../duty-log/duty-log.routes.js';
import { dutySigninRoutes } from '../duty-signin/duty-signin.routes.js';
import { handoverRoutes } from '../handover/handover.routes.js';
import { dutyReportRoutes } from './duty-report.routes.js';

/** Routes of the duty log, duty report, handover meeting and duty sign-in. */
export async function dutyReportModuleRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  await dutyLogRoutes(api, ctx);
  await dutyReportRoutes(api, ctx);
  await handoverRoutes(api, ctx);
  await dutySigninRoutes(api, ctx);
}
