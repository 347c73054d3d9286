import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import { dutyStaffOn, type FinalRosterDay } from '../roster/duty-staff.js';

/**
 * Returns who is on duty on a duty day: the final roster after swaps and
 * substitutions, so the commander named on an incident is the one who
 * actually held the duty.
 */
export async function findDutyStaff(ctx: AppContext, db: Executor, dutyDate: string): Promise<FinalRosterDay> {
  return dutyStaffOn(ctx, db, dutyDate);
}
