import { sql } from 'kysely';
import type { IsoDate } from '../../domain/time.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';

/**
 * Titles of the incidents of a duty day for the roll-call answer sheet.
 * `available` is false when this build has no incidents table, so the sheet
 * asks the officer to check by hand instead of claiming there were none.
 */
export async function dayIncidents(ctx: AppContext, db: Executor, date: IsoDate): Promise<{ available: boolean; titles: string[] }> {
  const tables = await db.introspection.getTables();
  if (!tables.some((table) => table.name === 'incidents')) return { available: false, titles: [] };
  const result = await sql<{ title: string }>`SELECT title FROM incidents WHERE duty_date = ${date} ORDER BY occurred_at`.execute(db);
  ctx.log.debug({ date, incidents: result.rows.length }, 'incidents read for the roll-call sheet');
  return { available: true, titles: result.rows.map((row) => row.title) };
}
