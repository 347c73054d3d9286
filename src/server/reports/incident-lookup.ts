import type { Executor } from '../db/database.js';
import type { IsoDate } from '../../domain/time.js';

/**
 * Returns whether a unit reported an incident (突发案事件) with the given duty
 * date; such a unit cannot file a zero report that day.
 */
export async function hasIncidentForUnitOnDay(db: Executor, unitId: string, date: IsoDate): Promise<boolean> {
  const row = await db.selectFrom('incidents').select('id').where('unit_id', '=', unitId).where('duty_date', '=', date).limit(1).executeTakeFirst();
  return row !== undefined;
}
