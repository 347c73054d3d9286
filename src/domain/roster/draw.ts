import type { ClassifiedDay } from '../calendar/types.js';
import { isOnLeave, type LeaveIndex } from './leave.js';
import { dayNumber, effectiveCount, recordDuty, restAround, type RotationState } from './state.js';
import {
  DUTY_ROLE_LABELS,
  categoryOf,
  type DutyCategory,
  type DutyRole,
  type RosterDay,
  type RosterIssue,
  type RosterPerson,
  type RosterSlot,
} from './types.js';

export interface GenerationContext {
  state: RotationState;
  leave: LeaveIndex;
  minRestDays: number;
  warnings: RosterIssue[];
}

/** Fills the posts of one open day, in the order commander, shift leader, officers. */
export function fillDay(context: GenerationContext, day: ClassifiedDay, officersNeeded: number): RosterDay {
  const takenToday = new Set<string>();
  const commander = drawPerson(context, day, 'commander', takenToday);
  const shiftLeader = drawPerson(context, day, 'shiftLeader', takenToday);
  const officers: RosterSlot[] = [];
  for (let i = 0; i < officersNeeded; i += 1) {
    const officer = drawPerson(context, day, 'officer', takenToday);
    if (!officer) break;
    officers.push(officer);
  }

  return {
    date: day.date,
    dayType: day.dayType,
    dutyLevel: day.dutyLevel,
    commander,
    shiftLeader,
    officers,
    locked: false,
  };
}
interface Candidate {
  person: RosterPerson;
  index: number;
  rest: number;
}

/**
 * Draws the next person for one post and records the duty, or returns null
 * when no candidate is eligible.
 */
function drawPerson(
  context: GenerationContext,
  day: ClassifiedDay,
  role: DutyRole,
  takenToday: Set<string>,
): RosterSlot | null {
  const { state, minRestDays } = context;
  const queue = state.queues[role];
  const category = categoryOf(day.dayType);
  const hardFloor = Math.min(minRestDays, 1);
  const today = dayNumber(day.date);

  const rested: Candidate[] = [];
  const tired: Candidate[] = [];
  queue.forEach((person, index) => {
    const id = person.personId;
    if (takenToday.has(id) || !state.active[role].has(id)) return;
    if ((person.joinedAt && person.joinedAt > day.date) || isOnLeave(context.leave, id, day.date)) return;
    const rest = restAround(state, id, today);
    if (rest >= minRestDays) rested.push({ person, index, rest });
    else if (rest >= hardFloor) tired.push({ person, index, rest });
  });

  let chosen = pickFairest(state, role, category, rested);
  if (!chosen && tired.length > 0) {
    const longestRest = Math.max(...tired.map((candidate) => candidate.rest));
    chosen = pickFairest(
      state,
      role,
      category,
      tired.filter((candidate) => candidate.rest === longestRest),
    );
    if (chosen) {
      context.warnings.push({
        date: day.date,
        role,
        severity: 'warning',
        code: 'MIN_REST_RELAXED',
        personId: chosen.person.personId,
        message: `${day.date} ${DUTY_ROLE_LABELS[role]}${chosen.person.name}与相邻值班只间隔 ${chosen.rest} 天，少于规定的 ${minRestDays} 天（无其他可排人员）`,
      });
    }
  }
  if (!chosen) return null;

  const id = chosen.person.personId;
  takenToday.add(id);
  recordDuty(state, role, id, day.date, category);
  if (category === 'workday') state.pointer[role] = (chosen.index + 1) % queue.length;
  return { personId: id, name: chosen.person.name };
}

/**
 * Workdays: fewest duties overall, then round-robin order from the pointer,
 * so equal loads rotate in queue order and a person behind (after leave)
 * is drawn first. Other days: fewest duties of the day's category, then
 * fewest weekend, holiday and sensitive duties together, then the workday
 * order.
 */
function pickFairest(
  state: RotationState,
  role: DutyRole,
  category: DutyCategory,
  candidates: readonly Candidate[],
): Candidate | undefined {
  const size = state.queues[role].length;
  const rank = (candidate: Candidate) => (candidate.index - state.pointer[role] + size) % size;
  const total = (candidate: Candidate) => effectiveCount(state, role, candidate.person.personId, 'total');
  if (category === 'workday') {
    return minBy(candidates, (candidate) => [total(candidate), rank(candidate)]);
  }

  return minBy(candidates, (candidate) => {
    const id = candidate.person.personId;
    const offDays =
      effectiveCount(state, role, id, 'weekend') +
      effectiveCount(state, role, id, 'holiday') +
      effectiveCount(state, role, id, 'sensitive');
    return [effectiveCount(state, role, id, category), offDays, total(candidate), rank(candidate)];
  });
}

function minBy<T>(items: readonly T[], key: (item: T) => number[]): T | undefined {
  let best: T | undefined;
  let bestKey: number[] = [];
  for (const item of items) {
    const itemKey = key(item);
    if (best === undefined || compareKeys(itemKey, bestKey) < 0) {
      best = item;
      bestKey = itemKey;
    }
  }
  return best;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
