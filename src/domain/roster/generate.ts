import { officersPerDay } from '../calendar/duty-level.js';
import type { ClassifiedDay } from '../calendar/types.js';
import { monthBounds, type IsoDate } from '../time.js';
import { fillDay, type GenerationContext } from './draw.js';
import { buildFairnessReport } from './fairness.js';
import { createLeaveIndex } from './leave.js';
import {
  activateJoiners,
  createRotationState,
  insertDutyDate,
  recordDuty,
  replayHistory,
  type DateWindow,
  type RotationState,
} from './state.js';
import {
  categoryOf,
  type DutyRole,
  type GenerateRosterInput,
  type GeneratedRoster,
  type LockedDay,
  type PriorAssignment,
  type RosterDay,
  type RosterIssue,
  type RosterSlot,
} from './types.js';
import { validateGenerateInput } from './validate.js';

export const DEFAULT_MIN_REST_DAYS = 2;

/**
 * Generates a month's roster: one commander, one shift leader and the
 * configured number of officers a day, each drawn from the role's queue.
 *
 * - Workdays and make-up workdays go to the person with the fewest duties
 *   in the fairness window, ties broken by the round-robin of the queue,
 *   which continues from the history across month and year ends.
 * - Weekend, holiday and sensitive days go to the person with the fewest
 *   duties of that category in the fairness window, so those counts stay
 *   within one of each other where leave and rest allow it. They are filled
 *   before the month's workdays.
 * - No person gets two posts on one day, people on leave or before their
 *   `joinedAt` are not drawn, and `minRestDays` free days separate a
 *   person's duties. When no candidate satisfies the rest rule, the one with
 *   the longest rest is drawn and a warning is added. Two consecutive duty
 *   days are never generated unless `minRestDays` is 0. A post that no one
 *   can fill stays empty and is listed in `gapReport`.
 * - Locked days are copied unchanged and count like history.
 */
export function generateRoster(input: GenerateRosterInput): GeneratedRoster {
  const window = validateGenerateInput(input);

  // Filling weekend, holiday and sensitive days first keeps their counts
  // balanced, because a workday duty cannot then block the person whose turn
  // it is by the rest rule. With very few people that order can leave posts
  // empty that a plain day-by-day pass fills, so the day-by-day plan is used
  // when it leaves fewer posts empty or relaxes the rest rule less often.
  let plan = buildPlan(input, window, 'offDaysFirst');
  if (plan.gapReport.length > 0 || plan.warnings.length > 0) {
    const chronological = buildPlan(input, window, 'chronological');
    if (compareIssues(chronological, plan) < 0) plan = chronological;
  }

  return {
    month: input.month,
    days: plan.days,
    fairnessReport: buildFairnessReport(plan.state),
    gapReport: plan.gapReport,
    warnings: plan.warnings,
  };
}

type FillOrder = 'offDaysFirst' | 'chronological';

interface Plan {
  days: RosterDay[];
  gapReport: RosterIssue[];
  warnings: RosterIssue[];
  state: RotationState;
}

function buildPlan(input: GenerateRosterInput, window: DateWindow, order: FillOrder): Plan {
  const monthFirst = `${input.month}-01`;
  const monthLast = monthBounds(input.month).last;

  const state = createRotationState(input.queues, window);
  const history = input.history ?? [];
  replayHistory(
    state,
    history.filter((entry) => entry.date < monthFirst),
  );
  // Later duties (a following month already published) only constrain rest.
  for (const entry of history) {
    if (entry.date > monthLast) insertDutyDate(state, entry.personId, entry.date);
  }

  const lockedByDate = new Map<IsoDate, LockedDay>();
  for (const day of input.lockedDays ?? []) {
    lockedByDate.set(day.date, day);
    for (const slot of lockedSlots(day)) insertDutyDate(state, slot.personId, day.date);
  }

  const context: GenerationContext = {
    state,
    leave: createLeaveIndex(input.unavailability ?? []),
    minRestDays: input.minRestDays ?? DEFAULT_MIN_REST_DAYS,
    warnings: [],
  };
  const needed = (day: ClassifiedDay): number =>
    input.officersOnDate?.[day.date] ?? officersPerDay(day.dayType, input.officersPerDay);
  const days = [...input.days].sort((a, b) => a.date.localeCompare(b.date));

  // NOTE: someone joining inside this month gets the baseline of the month's
  // start, so the days before they join are not credited to them.
  activateJoiners(state, monthLast);
  for (const day of days) {
    const locked = lockedByDate.get(day.date);
    if (locked) applyLockedDay(context, day, locked);
  }

  const open = days.filter((day) => !lockedByDate.has(day.date));
  const fillSequence =
    order === 'chronological'
      ? open
      : [
          ...open.filter((day) => categoryOf(day.dayType) !== 'workday'),
          ...open.filter((day) => categoryOf(day.dayType) === 'workday'),
        ];
  const filled = new Map<IsoDate, RosterDay>();
  for (const day of fillSequence) filled.set(day.date, fillDay(context, day, needed(day)));

  const rosterDays: RosterDay[] = [];
  const gapReport: RosterIssue[] = [];
  for (const day of days) {
    const locked = lockedByDate.get(day.date);
    const rosterDay = locked ? lockedRosterDay(day, locked) : (filled.get(day.date) as RosterDay);
    rosterDays.push(rosterDay);
    // A locked day is reported short of officers only when it has none.
    gapReport.push(...findGaps(rosterDay, locked ? Math.max(1, locked.officers.length) : needed(day)));
  }
  context.warnings.sort((a, b) => a.date.localeCompare(b.date));

  return { days: rosterDays, gapReport, warnings: context.warnings, state };
}

/** Orders plans by people missing, then by relaxed rest rules. */
function compareIssues(a: Plan, b: Plan): number {
  const missing = (plan: Plan) => plan.gapReport.reduce((sum, issue) => sum + (issue.missing ?? 1), 0);
  return missing(a) - missing(b) || a.warnings.length - b.warnings.length;
}

/** Flattens a generated roster into assignments, e.g. to pass as history for the next month. */
export function toPriorAssignments(roster: Pick<GeneratedRoster, 'days'>): PriorAssignment[] {
  const assignments: PriorAssignment[] = [];
  for (const day of roster.days) {
    const { date, dayType } = day;
    if (day.commander) assignments.push({ date, dayType, role: 'commander', personId: day.commander.personId });
    if (day.shiftLeader) assignments.push({ date, dayType, role: 'shiftLeader', personId: day.shiftLeader.personId });
    for (const officer of day.officers) assignments.push({ date, dayType, role: 'officer', personId: officer.personId });
  }
  return assignments;
}
/** Records a locked day's duties; the round-robin moves past a locked workday's people. */
function applyLockedDay(context: GenerationContext, day: ClassifiedDay, locked: LockedDay): void {
  const { state } = context;
  const category = categoryOf(day.dayType);
  const posts: [DutyRole, RosterSlot | null][] = [
    ['commander', locked.commander],
    ['shiftLeader', locked.shiftLeader],
    ...locked.officers.map((slot): [DutyRole, RosterSlot] => ['officer', slot]),
  ];
  for (const [role, slot] of posts) {
    if (!slot) continue;
    recordDuty(state, role, slot.personId, day.date, category);
    const index = state.indexOf[role].get(slot.personId);
    if (category === 'workday' && index !== undefined) {
      state.pointer[role] = (index + 1) % state.queues[role].length;
    }
  }
}

function lockedRosterDay(day: ClassifiedDay, locked: LockedDay): RosterDay {
  return {
    date: day.date,
    dayType: day.dayType,
    dutyLevel: day.dutyLevel,
    commander: locked.commander ? { ...locked.commander } : null,
    shiftLeader: locked.shiftLeader ? { ...locked.shiftLeader } : null,
    officers: locked.officers.map((slot) => ({ ...slot })),
    locked: true,
  };
}
function lockedSlots(day: LockedDay): RosterSlot[] {
  return [day.commander, day.shiftLeader, ...day.officers].filter((slot): slot is RosterSlot => slot !== null);
}

function findGaps(day: RosterDay, officersNeeded: number): RosterIssue[] {
  const issues: RosterIssue[] = [];
  const unfilled = (role: DutyRole, missing: number, message: string): RosterIssue => ({
    date: day.date,
    role,
    severity: 'error',
    code: 'POST_UNFILLED',
    missing,
    message,
  });

  if (!day.commander) issues.push(unfilled('commander', 1, `${day.date} 缺少值班指挥长`));
  if (!day.shiftLeader) issues.push(unfilled('shiftLeader', 1, `${day.date} 缺少值班长`));
  const missingOfficers = officersNeeded - day.officers.length;
  if (missingOfficers > 0) {
    issues.push(unfilled('officer', missingOfficers, `${day.date} 缺少值班员 ${missingOfficers} 人`));
  }
  return issues;
}
