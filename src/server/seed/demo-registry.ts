import type { AppContext } from '../context.js';
import { rosterDemoSeeder } from '../roster/roster-demo.js';
import { patrolsDemoSeeder } from '../patrols/patrols-demo.js';
import { seatsDemoSeeder } from '../seats/seats-demo.js';
import { documentsDemoSeeder } from '../documents/documents-demo.js';
import { reportsDemoSeeder } from '../reports/reports.demo.js';

/** Keys of the demo organization (see haikou.ts) mapped to their database ids. */
export interface DemoSeedContext {
  unitIdByKey: Map<string, string>;
  personIdByKey: Map<string, string>;
}

export interface DemoSeeder {
  name: string;
  /** Loads the module's demo data for the month around today (ctx.clock). */
  run(ctx: AppContext, seed: DemoSeedContext): Promise<void>;
}

/** Each module that has demo data adds its seeder here, in dependency order (roster first). */
export const demoSeeders: DemoSeeder[] = [
  rosterDemoSeeder,
  patrolsDemoSeeder,
  seatsDemoSeeder,
  documentsDemoSeeder,
  reportsDemoSeeder,
];
