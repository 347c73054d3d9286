/**
 * Tables of daily reports (零报告), key-information items (要情信息), the
 * bulletin 《司法要情》 and leaders' instructions (领导批示).
 */

/** One submission of a unit for a report date: items or a zero report (无事报平安). */
export interface DailyReportsTable {
  id: string;
  unit_id: string;
  report_date: string;
  kind: 'items' | 'zero';
  submitted_at: string;
  submitted_by: string;
  submitter_name: string;
  /** Client key of the submission; a retry with the same key returns this row. */
  idempotency_key: string;
  /** SHA-256 of the submitted body; null on rows stored before it was kept. */
  request_hash: string | null;
  note: string | null;
}

/**
 * Lock row of a unit's report date: submissions update it first, so they
 * run one after another per unit-day.
 */
export interface DailyReportDaysTable {
  unit_id: string;
  report_date: string;
  /** The day's zero report (无事报平安), at most one. */
  zero_report_id: string | null;
  first_submitted_at: string;
}

/** 要情信息: one item of key information. */
export interface ReportItemsTable {
  id: string;
  daily_report_id: string;
  /** Order of the item inside its submission, from 0. */
  position: number;
  unit_id: string;
  report_date: string;
  category: string;
  title: string;
  content: string;
  occurred_at: string | null;
  place: string | null;
  source: string | null;
  people_involved: string | null;
  measures: string | null;
  urgent: number;
  phone_first: number;
  early_sign: number;
  /** JSON array of attachment ids. */
  attachment_ids: string;
  status: 'submitted' | 'adopted' | 'returned' | 'merged';
  review_reason: string | null;
  merged_into_id: string | null;
  marked_by_name: string | null;
  marked_at: string | null;
  /** Shift leader's review (值班长审核). */
  reviewed_by_name: string | null;
  reviewed_at: string | null;
  version: number;
  written_supplement_due_at: string | null;
  written_supplement_at: string | null;
  verification_due_at: string | null;
  verified_at: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Every version of an item, so a returned and revised item keeps both texts. */
export interface ReportItemVersionsTable {
  id: string;
  item_id: string;
  version: number;
  /** JSON of the item's content fields. */
  snapshot: string;
  created_at: string;
  created_by_name: string;
}

/** Written supplements (书面补报), preliminary verifications (核查) and follow-ups (续报) of an item. */
export interface ReportItemUpdatesTable {
  id: string;
  item_id: string;
  kind: 'written_supplement' | 'verification' | 'follow_up' | 'closing';
  /** 1, 2, 3… among follow-ups; 0 for other kinds. */
  seq: number;
  label: string;
  content: string;
  submitted_at: string;
  submitted_by_name: string;
}

/** 催报: one click reminding the missing units of a date. */
export interface ReportRemindersTable {
  id: string;
  report_date: string;
  /** JSON array of unit ids reminded. */
  unit_ids: string;
  reminded_at: string;
  reminded_by: string | null;
  reminded_by_name: string;
}

/** A late or missing daily report recorded against a unit (通报批评、限期整改). */
export interface ReportViolationsTable {
  id: string;
  unit_id: string;
  report_date: string;
  kind: 'late' | 'missing';
  recorded_at: string;
  rectification_due_at: string;
  rectified_at: string | null;
}

/** 《司法要情》: one issue per report date. */
export interface BulletinsTable {
  id: string;
  year: number;
  issue_number: number;
  report_date: string;
  title: string;
  /** JSON of the edited sections. */
  body: string;
  status: 'draft' | 'reviewed' | 'signed' | 'sent';
  edited_by_name: string;
  reviewed_by_name: string | null;
  reviewed_at: string | null;
  signed_by_person_id: string | null;
  signed_by_name: string | null;
  signed_at: string | null;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
}

/** 领导批示/指示 passed down by the center. */
export interface LeaderInstructionsTable {
  id: string;
  leader_name: string;
  issued_on: string;
  text: string;
  related_item_id: string | null;
  related_incident_id: string | null;
  passed_down_at: string;
  registered_by_name: string;
  status: 'open' | 'closed';
  closed_at: string | null;
  closed_by_name: string | null;
}

export interface InstructionUnitsTable {
  instruction_id: string;
  unit_id: string;
}

/** Feedback of a responsible unit: same-day feedback, then daily follow-ups (续报). */
export interface InstructionFeedbackTable {
  id: string;
  instruction_id: string;
  unit_id: string;
  feedback_date: string;
  content: string;
  submitted_at: string;
  submitted_by_name: string;
}

/** One overdue-feedback reminder per instruction, unit and due date; claimed once across instances. */
export interface InstructionRemindersTable {
  id: string;
  instruction_id: string;
  unit_id: string;
  due_date: string;
  claimed_at: string | null;
}

export interface ReportsTables {
  daily_reports: DailyReportsTable;
  daily_report_days: DailyReportDaysTable;
  report_items: ReportItemsTable;
  report_item_versions: ReportItemVersionsTable;
  report_item_updates: ReportItemUpdatesTable;
  report_reminders: ReportRemindersTable;
  report_violations: ReportViolationsTable;
  bulletins: BulletinsTable;
  leader_instructions: LeaderInstructionsTable;
  instruction_units: InstructionUnitsTable;
  instruction_feedback: InstructionFeedbackTable;
  instruction_reminders: InstructionRemindersTable;
}
