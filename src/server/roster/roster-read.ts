/**
 * Read side of a month's roster: the final posts of every day joined with the
 * calendar, the gap report (empty posts, double posts, people on leave) and a
 * fresh fairness report of the posts as they stand.
 */
import type { ClassifiedDay } from '../../domain/calendar/index.js';
import { classifyRange, type CalendarContext } from '../../domain/calendar/index.js';
import {
  generateRoster,
  RosterInputError,
  validateMonth,
  type FairnessReport,
  type LockedDay,
  type RosterIssue,
  type RosterSlot,
  type Unavailability,
} from '../../domain/roster/index.js';
import { addDays, type IsoDate } from '../../domain/time.js';
import { loadCalendarContext } from '../calendar/calendar.service.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import type { RosterAssignmentsTable } from '../db/calendar-roster-tables.js';
import { fromDbJson } from '../db/sql-values.js';
import { AppError, notFound } from '../errors.js';
import { fairnessWindowOf, readRosterSettings, type RosterSettings } from './roster-settings.js';
import { loadApprovedLeave, loadAssignmentsAsHistory, loadQueues } from './rotation.js';

export type RosterStatus = 'draft' | 'published';

export interface RosterDayView {
  date: IsoDate;
  dayType: ClassifiedDay['dayType'];
  dutyLevel: ClassifiedDay['dutyLevel'];
  name: string | null;
  official: boolean;
  commander: RosterSlot | null;
  shiftLeader: RosterSlot | null;
  officers: RosterSlot[];
  officersNeeded: number;
  /** 'leave_conflict' when approved leave covers one of the day's people; 'changed' after a swap or substitution. */
  flags: string[];
}

export interface RosterView {
  month: string;
  status: RosterStatus;
  generatedAt: string;
  publishedAt: string | null;
  publishedBy: string | null;
  /** False when some date of the month has no State Council arrangement loaded. */
  official: boolean;
  days: RosterDayView[];
  fairness: FairnessReport;
  gaps: RosterIssue[];
  /** Rules the last generation relaxed, e.g. a shorter rest. */
  warnings: RosterIssue[];
}

/** Turns a roster domain error into the API's validation error. */
export function toRosterValidationError(error: unknown): unknown {
  if (error instanceof RosterInputError) {
    return new AppError('VALIDATION_FAILED', error.message, { fields: [{ field: error.field, message: error.message }] });
  }
  return error;
}

export function checkedMonth(month: string): { first: IsoDate; last: IsoDate } {
  try {
    return validateMonth(month);
  } catch (error) {
    throw toRosterValidationError(error);
  }
}

export async function classifyMonth(ctx: AppContext, db: Executor, month: string): Promise<{ calendar: CalendarContext; days: ClassifiedDay[] }> {
  const { first, last } = checkedMonth(month);
  const calendar = await loadCalendarContext(ctx, db);
  return { calendar, days: classifyRange(first, last, calendar) };
}

/** Officers needed per date: the per-date setting, otherwise the day type's setting. */
export async function officersNeededByDate(db: Executor, days: readonly ClassifiedDay[], settings: RosterSettings): Promise<Map<IsoDate, number>> {
  const first = days[0]!.date;
  const last = days[days.length - 1]!.date;
  const rows = await db.selectFrom('duty_day_officer_counts').selectAll().where('date', '>=', first).where('date', '<=', last).execute();
  const perDate = new Map(rows.map((row) => [row.date, Number(row.officers)]));
  return new Map(days.map((day) => [day.date, perDate.get(day.date) ?? settings.officersPerDay[day.dayType]]));
}

export async function getRoster(ctx: AppContext, db: Executor, month: string): Promise<RosterView> {
  checkedMonth(month);
  const roster = await db.selectFrom('rosters').selectAll().where('month', '=', month).executeTakeFirst();
  if (!roster) throw notFound(`${month} 的排班（尚未生成）`);

  const { calendar, days } = await classifyMonth(ctx, db, month);
  const settings = await readRosterSettings(db);
  const needed = await officersNeededByDate(db, days, settings);
  const rows = await db.selectFrom('roster_assignments').selectAll().where('month', '=', month).orderBy('date').orderBy('slot').execute();
  const leave = await loadApprovedLeave(db, days[0]!.date, days[days.length - 1]!.date);

  const dayViews = days.map((day) => toDayView(day, rows.filter((row) => row.date === day.date), needed.get(day.date)!));
  const stored = fromDbJson<{ warnings?: RosterIssue[] }>(roster.report_json, {});
  return {
    month,
    status: roster.status,
    generatedAt: roster.generated_at,
    publishedAt: roster.published_at,
    publishedBy: roster.published_by_name,
    official: days.every((day) => day.official),
    days: dayViews,
    fairness: await fairnessOf(db, calendar, month, dayViews, settings),
    gaps: findGaps(dayViews, leave),
    warnings: stored.warnings ?? [],
  };
}

function toDayView(day: ClassifiedDay, rows: RosterAssignmentsTable[], officersNeeded: number): RosterDayView {
  const slot = (row: RosterAssignmentsTable): RosterSlot => ({ personId: row.person_id, name: row.person_name });
  const commander = rows.find((row) => row.role === 'commander');
  const shiftLeader = rows.find((row) => row.role === 'shiftLeader');
  const flags = new Set<string>();
  for (const row of rows) {
    if (row.flag) flags.add(row.flag);
    if (row.source === 'swap' || row.source === 'substitution') flags.add('changed');
  }
  return {
    date: day.date,
    dayType: day.dayType,
    dutyLevel: day.dutyLevel,
    name: day.name,
    official: day.official,
    commander: commander ? slot(commander) : null,
    shiftLeader: shiftLeader ? slot(shiftLeader) : null,
    officers: rows.filter((row) => row.role === 'officer').map(slot),
    officersNeeded,
    flags: [...flags],
  };
}

/** Lists empty posts, people holding two posts on one day and people on approved leave. */
export function findGaps(days: readonly RosterDayView[], leave: readonly Unavailability[]): RosterIssue[] {
  const issues: RosterIssue[] = [];
  for (const day of days) {
    const error = (role: RosterIssue['role'], message: string, extra: Partial<RosterIssue> = {}): RosterIssue => ({
      date: day.date, role, severity: 'error', code: 'POST_UNFILLED', message, ...extra,
    });
    if (!day.commander) issues.push(error('commander', `${day.date} 缺少值班指挥长`, { missing: 1 }));
    if (!day.shiftLeader) issues.push(error('shiftLeader', `${day.date} 缺少值班长`, { missing: 1 }));
    const missing = day.officersNeeded - day.officers.length;
    if (missing > 0) issues.push(error('officer', `${day.date} 缺少值班员 ${missing} 人`, { missing }));

    const posts: [RosterIssue['role'], RosterSlot][] = [];
    if (day.commander) posts.push(['commander', day.commander]);
    if (day.shiftLeader) posts.push(['shiftLeader', day.shiftLeader]);
    for (const officer of day.officers) posts.push(['officer', officer]);
    const seen = new Set<string>();
    for (const [role, person] of posts) {
      if (seen.has(person.personId)) {
        issues.push(error(role, `${day.date} ${person.name} 同一天担任两个岗位`, { personId: person.personId }));
      }
      seen.add(person.personId);
      const onLeave = leave.some((range) => range.personId === person.personId && range.from <= day.date && day.date <= range.to);
      if (onLeave) issues.push(error(role, `${day.date} ${person.name} 已获准请假，请安排替班`, { personId: person.personId }));
    }
  }
  return issues;
}

/** Fairness of the posts as they stand, counted like the generator counts them. */
async function fairnessOf(
  db: Executor,
  calendar: CalendarContext,
  month: string,
  days: readonly RosterDayView[],
  settings: RosterSettings,
): Promise<FairnessReport> {
  const first = days[0]!.date;
  const last = days[days.length - 1]!.date;
  const window = fairnessWindowOf(settings, month) ?? { from: `${month.slice(0, 4)}-01-01`, to: `${month.slice(0, 4)}-12-31` };
  const history = await loadAssignmentsAsHistory(db, calendar, window.from < first ? window.from : first, addDays(first, -1), month);
  const lockedDays: LockedDay[] = days.map((day) => ({ date: day.date, commander: day.commander, shiftLeader: day.shiftLeader, officers: day.officers }));
  try {
    const result = generateRoster({
      month,
      days: classifyRange(first, last, calendar),
      queues: await loadQueues(db),
      history,
      lockedDays,
      ...(fairnessWindowOf(settings, month) ? { fairnessWindow: fairnessWindowOf(settings, month)! } : {}),
    });
    return result.fairnessReport;
  } catch (error) {
    throw toRosterValidationError(error);
  }
}
