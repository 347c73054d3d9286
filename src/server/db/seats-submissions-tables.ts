/**
 * Tables of the joint seats (联合坐席), the monthly staff submissions
 * (月度人员报送) and the personal calendar feeds (值班订阅).
 */

/** 席位: one seat of the command hall, configured by the center. */
export interface SeatsTable {
  id: string;
  name: string;
  /** 1 for the always-staffed general-management seat (综合管理), held by the day's duty officers. */
  is_general: number;
  /** JSON array of the ids of the responsible departments; empty for the general and reserved seats. */
  unit_ids: string;
  sort_order: number;
  active: number;
  created_at: string;
  updated_at: string;
}

/** 席位备勤: the standby person of a non-general seat on one date. */
export interface SeatStandbyTable {
  id: string;
  seat_id: string;
  date: string;
  person_id: string;
  /** 'manual' or 'submission' (filled from a monthly submission). */
  source: string;
  updated_at: string;
  updated_by: string | null;
}

/** 席位启用: all seats staffed for a sensitive period or an incident. */
export interface SeatActivationsTable {
  id: string;
  reason: string;
  incident_id: string | null;
  started_at: string;
  started_by_user_id: string | null;
  started_by_name: string | null;
  ended_at: string | null;
  ended_by_user_id: string | null;
  ended_by_name: string | null;
}

/** 席位签到: who took a seat, from when until when. */
export interface SeatCheckinsTable {
  id: string;
  seat_id: string;
  activation_id: string | null;
  person_id: string;
  person_name: string;
  checked_in_at: string;
  checked_out_at: string | null;
  recorded_by_user_id: string | null;
}

/** 席位日志: an entry that the seat person writes during their seat duty. */
export interface SeatLogEntriesTable {
  id: string;
  seat_id: string;
  activation_id: string | null;
  at: string;
  author_user_id: string | null;
  author_name: string;
  content: string;
}

/** 月度人员报送: one unit's list of next month's duty and seat standby staff. */
export interface DutySubmissionsTable {
  id: string;
  /** Target month, `YYYY-MM`. */
  month: string;
  unit_id: string;
  /** First submission; lateness is judged on it, so a later correction does not make it late. */
  first_submitted_at: string;
  submitted_at: string;
  submitted_by_user_id: string | null;
  submitted_by_name: string;
  /** JSON array of SubmissionEntry. */
  entries: string;
  note: string | null;
  revision: number;
}

/** 催报: a reminder sent to a unit that has not submitted. */
export interface SubmissionRemindersTable {
  id: string;
  month: string;
  unit_id: string;
  reminded_at: string;
  reminded_by_user_id: string | null;
  reminded_by_name: string;
}

/** A person's calendar subscription; only the SM3 hash of the secret token is stored. */
export interface CalendarFeedsTable {
  id: string;
  person_id: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface SeatsSubmissionsTables {
  seats: SeatsTable;
  seat_standby: SeatStandbyTable;
  seat_activations: SeatActivationsTable;
  seat_checkins: SeatCheckinsTable;
  seat_log_entries: SeatLogEntriesTable;
  duty_submissions: DutySubmissionsTable;
  submission_reminders: SubmissionRemindersTable;
  calendar_feeds: CalendarFeedsTable;
}
