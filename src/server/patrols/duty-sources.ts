/**
 * The duty calendar and the final roster as this module reads them, in one
 * place so the night-check plan, the roll-call sheet and the tests share them.
 */
import type { ClassifiedDay } from '../../domain/calendar/index.js';
import type { IsoDate } from '../../domain/time.js';
import { classifyDate, classifyDates } from '../calendar/calendar.service.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import { dutyStaffOn } from '../roster/duty-staff.js';

export interface DutyPerson {
  personId: string;
  name: string;
}

export interface DutyStaff {
  commander: DutyPerson | null;
  shiftLeader: DutyPerson | null;
  officers: DutyPerson[];
  published: boolean;
}

export async function dayOf(ctx: AppContext, db: Executor, date: IsoDate): Promise<ClassifiedDay> {
  return classifyDate(ctx, db, date);
}

export async function daysOf(ctx: AppContext, db: Executor, from: IsoDate, to: IsoDate): Promise<ClassifiedDay[]> {
  return classifyDates(ctx, db, from, to);
}

/** Returns the duty staff of a date after approved swaps and substitutions. */
export async function staffOn(ctx: AppContext, db: Executor, date: IsoDate): Promise<DutyStaff> {
  const staff = await dutyStaffOn(ctx, db, date);
  return { commander: staff.commander, shiftLeader: staff.shiftLeader, officers: staff.officers, published: staff.published };
}
