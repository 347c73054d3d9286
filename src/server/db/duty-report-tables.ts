/** Tables of the duty log, the duty report, the handover meeting and duty sign-in. */

/** Free entries the officer adds to the duty log (visits, calls not worth a record). */
export interface DutyLogEntriesTable {
  id: string;
  duty_date: string;
  at: string;
  content: string;
  author_user_id: string | null;
  author_name: string;
  created_at: string;
}

export type DutyReportStatus = 'draft' | 'signed' | 'revised' | 'sent';

/** One duty report per duty day; `sections` is JSON of {key, heading, text}[]. */
export interface DutyReportsTable {
  duty_date: string;
  status: DutyReportStatus;
  staff_rows: string;
  sections: string;
  drafted_by_name: string;
  signed_by_person_id: string | null;
  signed_by_name: string | null;
  signed_at: string | null;
  revised_at: string | null;
  revised_by_name: string | null;
  sent_at: string | null;
  sent_by_name: string | null;
  sent_to: string | null;
  created_at: string;
  updated_at: string;
}

/** Kept versions: the signed text and the text revised after the handover meeting. */
export interface DutyReportVersionsTable {
  id: string;
  duty_date: string;
  version: number;
  kind: 'signed' | 'revised';
  staff_rows: string;
  sections: string;
  created_at: string;
  created_by_name: string;
}

/** The handover meeting of a duty day; `participants` is JSON with attendance. */
export interface HandoverMeetingsTable {
  duty_date: string;
  starts_at: string;
  ends_at: string;
  chair_person_id: string | null;
  chair_name: string | null;
  participants: string;
  previous_officer_report: string | null;
  previous_leader_report: string | null;
  leader_instructions: string | null;
  matters: string | null;
  record: string | null;
  confirmed_at: string | null;
  confirmed_by_name: string | null;
  updated_at: string;
  updated_by_name: string;
}

/** One on-post period of a duty person (签到 to 签退). */
export interface DutySigninsTable {
  id: string;
  duty_date: string;
  person_id: string;
  person_name: string;
  post: 'commander' | 'shiftLeader' | 'officer';
  signed_in_at: string;
  signed_out_at: string | null;
}

export interface DutyReportTables {
  duty_log_entries: DutyLogEntriesTable;
  duty_reports: DutyReportsTable;
  duty_report_versions: DutyReportVersionsTable;
  handover_meetings: HandoverMeetingsTable;
  duty_signins: DutySigninsTable;
}
