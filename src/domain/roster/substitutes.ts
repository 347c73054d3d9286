import type { DayType } from '../calendar/types.js';
import { addDays, isIsoDate, type IsoDate } from '../time.js';
import { RosterInputError } from './errors.js';
import { createLeaveIndex, isOnLeave } from './leave.js';
import {
  activateJoiners,
  createRotationState,
  effectiveCount,
  lastDutyBefore,
  replayHistory,
  type DateWindow,
} from './state.js';
import {
  categoryOf,
  type DutyRole,
  type PriorAssignment,
  type RosterPerson,
  type Unavailability,
} from './types.js';
import { validateHistoryEntry, validateQueue, validateUnavailability } from './validate.js';

export interface ProposeSubstitutesInput {
  /** Duty day that needs a substitute (替班). */
  date: IsoDate;
  dayType: DayType;
  role: DutyRole;
  /** The role's rotation queue. */
  queue: readonly RosterPerson[];
  /** Known duties around the date (history and rosters, draft or published), all roles. */
  assignments: readonly PriorAssignment[];
  unavailability?: readonly Unavailability[];
  /** People never proposed, e.g. the person being replaced. */
  excludePersonIds?: readonly string[];
  /** Defaults to the calendar year of `date`. */
  fairnessWindow?: DateWindow;
}

export interface SubstituteCandidate {
  personId: string;
  name: string;
  /** Duties of the date's category in the fairness window, a joiner's baseline included. */
  categoryCount: number;
  /** All duties in the window, a joiner's baseline included. */
  totalCount: number;
  lastDutyDate: IsoDate | null;
}

/**
 * Lists who can stand in for a post, least loaded first: members of the role
 * who have joined, are not on leave, are not excluded and hold no duty on the
 * date, the day before or the day after. Ties go to the longer rest, then to
 * queue order.
 */
export function proposeSubstitutes(input: ProposeSubstitutesInput): SubstituteCandidate[] {
  if (!isIsoDate(input.date)) {
    throw new RosterInputError('date', `替班日期“${input.date}”无效，请填写 YYYY-MM-DD 格式的日期`);
  }
  validateQueue(input.queue, input.role);
  input.assignments.forEach((entry, index) => validateHistoryEntry(entry, index));
  (input.unavailability ?? []).forEach(validateUnavailability);

  const year = input.date.slice(0, 4);
  const window = input.fairnessWindow ?? { from: `${year}-01-01`, to: `${year}-12-31` };
  const queues = { commander: [], shiftLeader: [], officer: [], [input.role]: input.queue };
  const state = createRotationState(queues, window);
  replayHistory(state, input.assignments);
  activateJoiners(state, input.date);

  const busy = new Set<string>();
  const nearby = new Set([addDays(input.date, -1), input.date, addDays(input.date, 1)]);
  for (const entry of input.assignments) {
    if (nearby.has(entry.date)) busy.add(entry.personId);
  }
  const excluded = new Set(input.excludePersonIds ?? []);
  const leave = createLeaveIndex(input.unavailability ?? []);
  const category = categoryOf(input.dayType);

  const candidates = input.queue
    .map((person, index) => ({ person, index }))
    .filter(({ person }) => {
      const id = person.personId;
      if (excluded.has(id) || busy.has(id) || isOnLeave(leave, id, input.date)) return false;
      return !person.joinedAt || person.joinedAt <= input.date;
    })
    .map(({ person, index }) => ({
      index,
      candidate: {
        personId: person.personId,
        name: person.name,
        categoryCount: effectiveCount(state, input.role, person.personId, category),
        totalCount: effectiveCount(state, input.role, person.personId, 'total'),
        lastDutyDate: lastDutyBefore(state, person.personId, input.date),
      },
    }));

  candidates.sort(
    (a, b) =>
      a.candidate.categoryCount - b.candidate.categoryCount ||
      a.candidate.totalCount - b.candidate.totalCount ||
      compareLastDuty(a.candidate.lastDutyDate, b.candidate.lastDutyDate) ||
      a.index - b.index,
  );
  return candidates.map(({ candidate }) => candidate);
}

/** Earlier last duty (longer rest) first; never on duty before comes first of all. */
function compareLastDuty(a: IsoDate | null, b: IsoDate | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}
