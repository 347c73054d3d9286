import type { ClassifiedDay, DayType, DutyLevel } from '../calendar/types.js';
import type { IsoDate } from '../time.js';

/** Duty roles of a day: 值班指挥长, 值班长 and 值班员. */
export type DutyRole = 'commander' | 'shiftLeader' | 'officer';

export const DUTY_ROLES: readonly DutyRole[] = ['commander', 'shiftLeader', 'officer'];

export const DUTY_ROLE_LABELS: Readonly<Record<DutyRole, string>> = {
  commander: '值班指挥长',
  shiftLeader: '值班长',
  officer: '值班员',
};

/**
 * Fairness category of a duty day. Make-up workdays count as workdays.
 */
export type DutyCategory = 'workday' | 'weekend' | 'holiday' | 'sensitive';

export const DUTY_CATEGORIES: readonly DutyCategory[] = ['workday', 'weekend', 'holiday', 'sensitive'];

export function categoryOf(dayType: DayType): DutyCategory {
  return dayType === 'makeup_workday' ? 'workday' : dayType;
}

/** A person in a role's rotation queue (轮值顺序). */
export interface RosterPerson {
  personId: string;
  name: string;
  /** Date the person entered this role's rotation; someone who joins mid-period gets no catch-up load. */
  joinedAt?: IsoDate;
}

/** A duty already held, from earlier rosters, including duties taken as a substitute (替班). */
export interface PriorAssignment {
  date: IsoDate;
  role: DutyRole;
  personId: string;
  dayType: DayType;
}

/** Leave or other unavailability (请假/不可值班) of a person, both ends inclusive. */
export interface Unavailability {
  personId: string;
  from: IsoDate;
  to: IsoDate;
  reason?: string;
}

/** A day that must not change, e.g. already published or in the past. */
export interface LockedDay {
  date: IsoDate;
  commander: RosterSlot | null;
  shiftLeader: RosterSlot | null;
  officers: readonly RosterSlot[];
}

export interface GenerateRosterInput {
  /** `YYYY-MM`. */
  month: string;
  /** The classified calendar of every date of the month. */
  days: readonly ClassifiedDay[];
  /** Rotation queue per role, in rotation order; new people belong at the end. */
  queues: Readonly<Record<DutyRole, readonly RosterPerson[]>>;
  /**
   * Earlier assignments, at least the fairness window before the month and the
   * last duties of every person. The rotation continues after the last
   * workday duty of each role found here, across month and year ends.
   */
  history?: readonly PriorAssignment[];
  /** Officers per day type; defaults to 1 on workdays and make-up workdays, 2 otherwise. */
  officersPerDay?: Partial<Record<DayType, number>>;
  /** Officers on single dates, over `officersPerDay`. */
  officersOnDate?: Readonly<Record<IsoDate, number>>;
  unavailability?: readonly Unavailability[];
  /**
   * Free days required between two duties of one person, across roles and
   * months. 2 means duties on the 1st and the 4th are allowed, the 3rd is not.
   */
  minRestDays?: number;
  /** Range over which weekend and holiday duties are balanced; defaults to the calendar year of the month. */
  fairnessWindow?: { from: IsoDate; to: IsoDate };
  /** Days kept exactly as given. */
  lockedDays?: readonly LockedDay[];
}

/** A person on a roster day, as the roster API shows them. */
export interface RosterSlot {
  personId: string;
  name: string;
}

export interface RosterDay {
  date: IsoDate;
  dayType: DayType;
  dutyLevel: DutyLevel;
  commander: RosterSlot | null;
  shiftLeader: RosterSlot | null;
  officers: RosterSlot[];
  locked: boolean;
}

export type DutyCounts = Record<DutyCategory | 'total', number>;

export interface FairnessEntry {
  personId: string;
  name: string;
  /** Duties held in the fairness window, from history and this roster. */
  counts: DutyCounts;
  /** Load credited to a mid-period joiner: the lowest load of the role's members when they joined. */
  baseline: DutyCounts;
}

export interface RoleFairness {
  role: DutyRole;
  people: FairnessEntry[];
  /** Max minus min of `counts + baseline` per category among the role's people. */
  spread: DutyCounts;
}

export interface FairnessReport {
  window: { from: IsoDate; to: IsoDate };
  roles: RoleFairness[];
}

/** A roster problem: `error` for an unfilled post, `warning` for a relaxed rule. */
export interface RosterIssue {
  date: IsoDate;
  role: DutyRole;
  severity: 'error' | 'warning';
  code: 'POST_UNFILLED' | 'MIN_REST_RELAXED';
  personId?: string;
  /** Number of people missing, for `POST_UNFILLED`. */
  missing?: number;
  message: string;
}

export interface GeneratedRoster {
  month: string;
  days: RosterDay[];
  fairnessReport: FairnessReport;
  /** Posts left empty, as errors. */
  gapReport: RosterIssue[];
  /** Rules relaxed to fill a post. */
  warnings: RosterIssue[];
}
