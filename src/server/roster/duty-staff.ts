/**
 * Who is on duty: the final roster (after swaps and substitutions) joined
 * with the duty calendar. Every module that needs the day's commander, shift
 * leader or officers reads it through these functions.
 */
import type { DayType, DutyLevel } from '../../domain/calendar/index.js';
import { classifyRange } from '../../domain/calendar/index.js';
import type { RosterSlot } from '../../domain/roster/index.js';
import { datesBetween, type IsoDate } from '../../domain/time.js';
import { loadCalendarContext, toValidationError } from '../calendar/calendar.service.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import type { RosterAssignmentsTable } from '../db/calendar-roster-tables.js';
import { invalidField } from '../errors.js';

/** One duty day of the final roster. Posts are null or empty when no roster covers the date. */
export interface FinalRosterDay {
  date: IsoDate;
  dayType: DayType;
  dutyLevel: DutyLevel;
  /** Festival or sensitive-period name, otherwise null. */
  name: string | null;
  /** False when the date's year has no State Council arrangement loaded. */
  official: boolean;
  commander: RosterSlot | null;
  shiftLeader: RosterSlot | null;
  officers: RosterSlot[];
  /** True when the date's month roster is published; a draft's staff are shown with false. */
  published: boolean;
}

/** Maximum days of one range read, so a typo in a year cannot load decades of roster. */
const MAX_RANGE_DAYS = 731;

/** Returns the duty staff of one duty day (the final roster after swaps). */
export async function dutyStaffOn(ctx: AppContext, db: Executor, date: IsoDate): Promise<FinalRosterDay> {
  const [day] = await finalRosterForRange(ctx, db, date, date);
  return day!;
}

/**
 * Returns every date from `from` to `to` (inclusive) with its day type and
 * its final duty staff. Dates of months without a roster have no staff and
 * `published: false`.
 */
export async function finalRosterForRange(ctx: AppContext, db: Executor, from: IsoDate, to: IsoDate): Promise<FinalRosterDay[]> {
  if (to < from) throw invalidField('结束日期', `${to} 早于开始日期 ${from}，请修改`);
  const count = datesBetween(from, to).length;
  if (count > MAX_RANGE_DAYS) throw invalidField('结束日期', `范围为 ${count} 天，超过上限 ${MAX_RANGE_DAYS} 天，请缩小日期范围`);

  const context = await loadCalendarContext(ctx, db);
  let calendar;
  try {
    calendar = classifyRange(from, to, context);
  } catch (error) {
    throw toValidationError(error);
  }

  const assignments = await db
    .selectFrom('roster_assignments')
    .selectAll()
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .orderBy('role')
    .orderBy('slot')
    .execute();
  const months = [...new Set(calendar.map((day) => day.date.slice(0, 7)))];
  const rosters = await db.selectFrom('rosters').select(['month', 'status']).where('month', 'in', months).execute();
  const publishedMonths = new Set(rosters.filter((roster) => roster.status === 'published').map((roster) => roster.month));

  const byDate = groupByDate(assignments);
  return calendar.map((day) => {
    const posts = byDate.get(day.date) ?? [];
    const slotOf = (row: RosterAssignmentsTable): RosterSlot => ({ personId: row.person_id, name: row.person_name });
    const commander = posts.find((row) => row.role === 'commander');
    const shiftLeader = posts.find((row) => row.role === 'shiftLeader');
    return {
      date: day.date,
      dayType: day.dayType,
      dutyLevel: day.dutyLevel,
      name: day.name,
      official: day.official,
      commander: commander ? slotOf(commander) : null,
      shiftLeader: shiftLeader ? slotOf(shiftLeader) : null,
      officers: posts.filter((row) => row.role === 'officer').map(slotOf),
      published: publishedMonths.has(day.date.slice(0, 7)),
    };
  });
}

function groupByDate(rows: RosterAssignmentsTable[]): Map<IsoDate, RosterAssignmentsTable[]> {
  const byDate = new Map<IsoDate, RosterAssignmentsTable[]>();
  for (const row of rows) {
    const list = byDate.get(row.date) ?? [];
    list.push(row);
    byDate.set(row.date, list);
  }
  return byDate;
}
