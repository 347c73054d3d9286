import { classifyRange, createCalendarContext, type ClassifiedDay, type SensitivePeriod } from '../../src/domain/calendar/index.js';
import {
  generateRoster,
  toPriorAssignments,
  type DutyRole,
  type GenerateRosterInput,
  type GeneratedRoster,
  type PriorAssignment,
  type RosterPerson,
} from '../../src/domain/roster/index.js';
import { daysBetween, monthBounds } from '../../src/domain/time.js';

export function people(prefix: string, count: number): RosterPerson[] {
  return Array.from({ length: count }, (_, i) => ({
    personId: `${prefix}${String(i + 1).padStart(2, '0')}`,
    name: `${prefix}${i + 1}`,
  }));
}

export function monthDays(month: string, sensitivePeriods: SensitivePeriod[] = []): ClassifiedDay[] {
  const { first, last } = monthBounds(month);
  return classifyRange(first, last, createCalendarContext({ sensitivePeriods }));
}

export function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Generates consecutive months, each continuing from the assignments of the
 * ones before, and returns every month's roster.
 */
export function generateMonths(
  firstMonth: string,
  count: number,
  base: Omit<GenerateRosterInput, 'month' | 'days' | 'history'>,
  history: PriorAssignment[] = [],
  perMonth: (month: string) => Partial<GenerateRosterInput> = () => ({}),
): GeneratedRoster[] {
  const rosters: GeneratedRoster[] = [];
  const assignments = [...history];
  let month = firstMonth;
  for (let i = 0; i < count; i += 1) {
    const roster = generateRoster({ ...base, month, days: monthDays(month), history: assignments, ...perMonth(month) });
    rosters.push(roster);
    assignments.push(...toPriorAssignments(roster));
    month = nextMonth(month);
  }
  return rosters;
}

/** Free days between consecutive duties of each person, smallest first. */
export function shortestRests(assignments: readonly PriorAssignment[]): Map<string, number> {
  const byPerson = new Map<string, string[]>();
  for (const entry of assignments) {
    byPerson.set(entry.personId, [...(byPerson.get(entry.personId) ?? []), entry.date]);
  }
  const shortest = new Map<string, number>();
  for (const [personId, dates] of byPerson) {
    dates.sort();
    let rest = Number.POSITIVE_INFINITY;
    for (let i = 1; i < dates.length; i += 1) rest = Math.min(rest, daysBetween(dates[i - 1]!, dates[i]!) - 1);
    shortest.set(personId, rest);
  }
  return shortest;
}

/** Duties per person of one role on the given day types. */
export function countDuties(
  assignments: readonly PriorAssignment[],
  role: DutyRole,
  dayTypes: readonly string[],
  members: readonly RosterPerson[],
): Map<string, number> {
  const counts = new Map(members.map((person) => [person.personId, 0]));
  for (const entry of assignments) {
    if (entry.role === role && dayTypes.includes(entry.dayType) && counts.has(entry.personId)) {
      counts.set(entry.personId, counts.get(entry.personId)! + 1);
    }
  }
  return counts;
}

export function spreadOf(counts: Map<string, number>): number {
  const values = [...counts.values()];
  return Math.max(...values) - Math.min(...values);
}
