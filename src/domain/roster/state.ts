import { addDays, daysBetween, type IsoDate } from '../time.js';
import {
  DUTY_CATEGORIES,
  DUTY_ROLES,
  categoryOf,
  type DutyCategory,
  type DutyCounts,
  type DutyRole,
  type PriorAssignment,
  type RosterPerson,
} from './types.js';

export interface DateWindow {
  from: IsoDate;
  to: IsoDate;
}

/**
 * Loads of every person while a roster is built: counts per role inside the
 * fairness window, each person's duty dates across all roles, and where the
 * round-robin of each role continues.
 */
export interface RotationState {
  window: DateWindow;
  queues: Readonly<Record<DutyRole, readonly RosterPerson[]>>;
  indexOf: Record<DutyRole, Map<string, number>>;
  counts: Record<DutyRole, Map<string, DutyCounts>>;
  baselines: Record<DutyRole, Map<string, DutyCounts>>;
  active: Record<DutyRole, Set<string>>;
  /** Queue index of the next person in the workday round-robin. */
  pointer: Record<DutyRole, number>;
  /** Sorted duty days of each person, all roles, as day numbers (see `dayNumber`). */
  dutyDates: Map<string, number[]>;
}

const DAY_NUMBER_EPOCH = '2000-01-01';

/**
 * Days from 2000-01-01 to a date. Rest checks compare these integers, because
 * parsing date strings for every candidate dominated generation time.
 */
export function dayNumber(date: IsoDate): number {
  return daysBetween(DAY_NUMBER_EPOCH, date);
}

export function emptyCounts(): DutyCounts {
  return { total: 0, workday: 0, weekend: 0, holiday: 0, sensitive: 0 };
}

function perRole<T>(make: (role: DutyRole) => T): Record<DutyRole, T> {
  return { commander: make('commander'), shiftLeader: make('shiftLeader'), officer: make('officer') };
}

export function createRotationState(
  queues: Readonly<Record<DutyRole, readonly RosterPerson[]>>,
  window: DateWindow,
): RotationState {
  const state: RotationState = {
    window,
    queues,
    indexOf: perRole((role) => new Map(queues[role].map((person, index) => [person.personId, index]))),
    counts: perRole((role) => new Map(queues[role].map((person) => [person.personId, emptyCounts()]))),
    baselines: perRole((role) => new Map(queues[role].map((person) => [person.personId, emptyCounts()]))),
    active: perRole(
      (role) => new Set(queues[role].filter((person) => !person.joinedAt).map((person) => person.personId)),
    ),
    pointer: perRole(() => 0),
    dutyDates: new Map(),
  };
  return state;
}

/**
 * Replays earlier assignments in date order: counts, duty dates, joiners'
 * baselines and the round-robin position. The round-robin continues after the
 * last workday duty of each role, or after the last duty of any kind when the
 * history contains no workday.
 */
export function replayHistory(state: RotationState, history: readonly PriorAssignment[]): void {
  const sorted = [...history].sort((a, b) => a.date.localeCompare(b.date));
  const lastWorkday = perRole<number | undefined>(() => undefined);
  const lastAny = perRole<number | undefined>(() => undefined);

  for (const entry of sorted) {
    activateJoiners(state, entry.date);
    recordDuty(state, entry.role, entry.personId, entry.date, categoryOf(entry.dayType));

    const index = state.indexOf[entry.role].get(entry.personId);
    if (index === undefined) continue;
    lastAny[entry.role] = index;
    if (categoryOf(entry.dayType) === 'workday') lastWorkday[entry.role] = index;
  }

  for (const role of DUTY_ROLES) {
    const last = lastWorkday[role] ?? lastAny[role];
    const size = state.queues[role].length;
    state.pointer[role] = last === undefined || size === 0 ? 0 : (last + 1) % size;
  }
}

/**
 * Activates every member whose `joinedAt` is on or before `date`. A joiner
 * starts at the lowest effective load of the role's active members, so they
 * neither catch up on past duties nor skip the next ones.
 */
export function activateJoiners(state: RotationState, date: IsoDate): void {
  for (const role of DUTY_ROLES) {
    const active = state.active[role];
    if (active.size === state.queues[role].length) continue;

    for (const person of state.queues[role]) {
      if (active.has(person.personId) || !person.joinedAt || person.joinedAt > date) continue;

      const own = state.counts[role].get(person.personId) ?? emptyCounts();
      const baseline = emptyCounts();
      if (active.size > 0) {
        for (const key of ['total', ...DUTY_CATEGORIES] as const) {
          let lowest = Number.POSITIVE_INFINITY;
          for (const peerId of active) lowest = Math.min(lowest, effectiveCount(state, role, peerId, key));
          baseline[key] = Math.max(0, lowest - own[key]);
        }
      }
      state.baselines[role].set(person.personId, baseline);
      active.add(person.personId);
    }
  }
}

/** Records a duty: counts only inside the fairness window, duty dates always. */
export function recordDuty(
  state: RotationState,
  role: DutyRole,
  personId: string,
  date: IsoDate,
  category: DutyCategory,
): void {
  insertDutyDate(state, personId, date);
  if (date < state.window.from || date > state.window.to) return;

  const counts = state.counts[role].get(personId);
  if (!counts) return;
  counts.total += 1;
  counts[category] += 1;
}

export function insertDutyDate(state: RotationState, personId: string, date: IsoDate): void {
  let days = state.dutyDates.get(personId);
  if (!days) {
    days = [];
    state.dutyDates.set(personId, days);
  }
  const day = dayNumber(date);
  const at = firstIndexAfter(days, day);
  if (days[at - 1] === day) return;
  days.splice(at, 0, day);
}

export function effectiveCount(
  state: RotationState,
  role: DutyRole,
  personId: string,
  key: keyof DutyCounts,
): number {
  const counts = state.counts[role].get(personId);
  const baseline = state.baselines[role].get(personId);
  return (counts?.[key] ?? 0) + (baseline?.[key] ?? 0);
}

/**
 * Free days between `day` (a day number) and the person's nearest other duty,
 * before or after. Infinity when there is none; -1 when the person is on duty
 * that day.
 */
export function restAround(state: RotationState, personId: string, day: number): number {
  const days = state.dutyDates.get(personId);
  if (!days || days.length === 0) return Number.POSITIVE_INFINITY;

  const at = firstIndexAfter(days, day);
  const before = days[at - 1];
  const after = days[at];
  if (before === day) return -1;

  let rest = Number.POSITIVE_INFINITY;
  if (before !== undefined) rest = Math.min(rest, day - before - 1);
  if (after !== undefined) rest = Math.min(rest, after - day - 1);
  return rest;
}

export function lastDutyBefore(state: RotationState, personId: string, date: IsoDate): IsoDate | null {
  const days = state.dutyDates.get(personId);
  if (!days) return null;
  const day = dayNumber(date);
  let at = firstIndexAfter(days, day);
  if (days[at - 1] === day) at -= 1;
  const last = days[at - 1];
  return last === undefined ? null : addDays(DAY_NUMBER_EPOCH, last);
}

/** Index of the first element greater than `day` in a sorted list. */
function firstIndexAfter(days: readonly number[], day: number): number {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((days[middle] as number) <= day) low = middle + 1;
    else high = middle;
  }
  return low;
}
