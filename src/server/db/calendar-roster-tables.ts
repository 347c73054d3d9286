/**
 * Tables of the duty calendar (值班日历) and the duty roster (排班).
 *
 * A roster day is stored as one row per post in `roster_assignments`, which
 * always holds the final roster (after swaps and substitutions). The person
 * planned at publication stays in `planned_person_id`, and every change after
 * generation is a row in `roster_changes`. Names are copied into assignments
 * so that renaming or deactivating a person never rewrites a past duty day.
 */

/** Administrator's correction of one date of the State Council arrangement (节假日调整). */
export interface CalendarOverridesTable {
  id: string;
  /** 'YYYY-MM-DD', unique. */
  date: string;
  day_type: 'holiday' | 'makeup_workday' | 'workday' | 'weekend';
  /** Festival name for holiday and makeup_workday. */
  name: string | null;
  note: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
}

/** 重要敏感时期: a named date range set by the center, both ends inclusive. */
export interface SensitivePeriodsTable {
  id: string;
  name: string;
  start_date: string;
  end_date: string;
  note: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
}

/** One month's roster and its workflow state. */
export interface RostersTable {
  id: string;
  /** 'YYYY-MM', unique. */
  month: string;
  status: 'draft' | 'published';
  generated_at: string;
  generated_by: string | null;
  published_at: string | null;
  published_by: string | null;
  published_by_name: string | null;
  /** JSON: fairness report, gap report and warnings of the last generation. */
  report_json: string;
  updated_at: string;
}

export type AssignmentRole = 'commander' | 'shiftLeader' | 'officer';

/** How the current person of a post got there. */
export type AssignmentSource = 'generated' | 'adjusted' | 'swap' | 'substitution';

/** One post of one duty day: the commander, the shift leader or one officer slot. */
export interface RosterAssignmentsTable {
  id: string;
  month: string;
  date: string;
  role: AssignmentRole;
  /** 0 for commander and shift leader; 0, 1, 2… for officers. Unique with date and role. */
  slot: number;
  person_id: string;
  person_name: string;
  /** Person of the post when the month was published; null while the roster is a draft. */
  planned_person_id: string | null;
  planned_person_name: string | null;
  source: AssignmentSource;
  /** 'leave_conflict' when approved leave covers this duty after publication, otherwise null. */
  flag: string | null;
  updated_at: string;
}

export type RosterChangeKind = 'generate' | 'regenerate' | 'adjust' | 'publish' | 'swap' | 'substitution';

/** History of every change to a roster: planned person, new person, who approved. */
export interface RosterChangesTable {
  id: string;
  month: string;
  date: string | null;
  role: AssignmentRole | null;
  slot: number | null;
  kind: RosterChangeKind;
  from_person_id: string | null;
  from_person_name: string | null;
  to_person_id: string | null;
  to_person_name: string | null;
  request_id: string | null;
  actor_user_id: string | null;
  actor_name: string | null;
  approved_by_name: string | null;
  note: string | null;
  at: string;
}

export type LeaveStatus = 'requested' | 'approved' | 'rejected';

/** 请假: leave or other unavailability of a person for duty, both ends inclusive. */
export interface DutyLeavesTable {
  id: string;
  person_id: string;
  person_name: string;
  from_date: string;
  to_date: string;
  reason: string;
  status: LeaveStatus;
  requested_by: string | null;
  requested_at: string;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
  decision_note: string | null;
}

export type DutyRequestKind = 'swap' | 'substitution';
export type DutyRequestStatus = 'pending_counterpart' | 'pending_approval' | 'approved' | 'rejected' | 'cancelled';

/**
 * 换班 (swap: the requester and the counterpart exchange their duties of one
 * role on two dates) or 替班 (substitution: the counterpart takes the
 * requester's post on one date).
 */
export interface DutyChangeRequestsTable {
  id: string;
  kind: DutyRequestKind;
  status: DutyRequestStatus;
  role: AssignmentRole;
  /** The requester's duty date. */
  date: string;
  requester_person_id: string;
  requester_name: string;
  counterpart_person_id: string;
  counterpart_name: string;
  /** Swap only: the counterpart's duty date, which the requester takes. */
  counterpart_date: string | null;
  leave_id: string | null;
  reason: string;
  created_by: string | null;
  created_at: string;
  counterpart_agreed_at: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
  decision_note: string | null;
}

/** Rotation membership per role, so a person added later is a mid-period joiner. */
export interface DutyRotationMembersTable {
  person_id: string;
  role: AssignmentRole;
  /** Null for founding members, who get no joiner baseline. */
  joined_on: string | null;
  position: number;
}

/** Officers needed on one date, over the per-day-type setting. */
export interface DutyDayOfficerCountsTable {
  date: string;
  officers: number;
  updated_at: string;
  updated_by: string | null;
}

export interface CalendarRosterTables {
  calendar_overrides: CalendarOverridesTable;
  sensitive_periods: SensitivePeriodsTable;
  rosters: RostersTable;
  roster_assignments: RosterAssignmentsTable;
  roster_changes: RosterChangesTable;
  duty_leaves: DutyLeavesTable;
  duty_change_requests: DutyChangeRequestsTable;
  duty_rotation_members: DutyRotationMembersTable;
  duty_day_officer_counts: DutyDayOfficerCountsTable;
}
