/** Tables of the incidents module (突发案事件) and of the live-event bus. */

/** Handling state of an incident, in the order of the handling flow (接报 → 归档). */
export type IncidentStatus = 'received' | 'reported' | 'handling' | 'tracking' | 'summarizing' | 'archived';

/** 突发案事件: one incident reported to the center. Instants are ISO UTC text. */
export interface IncidentsTable {
  id: string;
  /** Yearly serial number shown as 2026-0001. */
  serial_year: number;
  serial_no: number;
  title: string;
  unit_id: string;
  grade: 'general' | 'larger' | 'major' | 'especially_major';
  incident_type: string | null;
  /** 1 for an early sign (苗头性信息): verification is a preliminary conclusion and follow-ups roll. */
  early_sign: number;
  place: string | null;
  occurred_at: string;
  discovered_at: string;
  received_at: string;
  channel: 'phone' | 'written' | 'system';
  reporter_name: string | null;
  /** SM4-encrypted phone number. */
  reporter_contact: string | null;
  on_site_commander_name: string | null;
  /** SM4-encrypted phone number. */
  on_site_commander_contact: string | null;
  facts: string | null;
  casualties: string | null;
  trend: string | null;
  measures: string | null;
  public_opinion: string | null;
  background: string | null;
  /** JSON array of attachment ids. */
  attachment_ids: string;
  report_deadline: string;
  reported_late: number;
  delay_minutes: number;
  /** When the written first report (书面初报/书面补报) is due. */
  written_report_due: string;
  /** When the written first report became complete (all required elements present). */
  written_report_at: string | null;
  verification_due: string;
  verified_at: string | null;
  final_report_at: string | null;
  /** Follow-ups (续报) recorded so far. */
  follow_up_count: number;
  /** For an early sign (苗头性信息): when the next rolling follow-up is due; null otherwise or after the final report. */
  next_follow_up_due: string | null;
  status: IncidentStatus;
  duty_date: string;
  commander_person_id: string | null;
  commander_name: string | null;
  shift_leader_person_id: string | null;
  shift_leader_name: string | null;
  /** JSON array of {personId, name}. */
  officers: string;
  summary_process: string | null;
  summary_handling: string | null;
  summary_lessons: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One entry of an incident's timeline: a workflow step, a report, an order, an edit. */
export interface IncidentStepsTable {
  id: string;
  incident_id: string;
  /** Order within the incident, from 1. */
  seq: number;
  kind: string;
  at: string;
  actor_user_id: string | null;
  actor_name: string | null;
  note: string | null;
  /** JSON object with step-specific fields. */
  data: string;
}

/** 首报之后的报告: written first report, follow-ups (续报), verification (核报), final report (终报). */
export interface IncidentReportsTable {
  id: string;
  incident_id: string;
  /** Order of the report within the incident, from 1. */
  seq: number;
  kind: 'written' | 'follow_up' | 'verification' | 'final';
  /** Follow-up number (1 for 续报一); 0 for other kinds. */
  number: number;
  label: string;
  content: string;
  reported_at: string;
  created_by: string | null;
  created_by_name: string | null;
  created_at: string;
}

/** 指令: an order issued for an incident, tracked until done. */
export interface IncidentOrdersTable {
  id: string;
  incident_id: string;
  content: string;
  assignee: string;
  issued_by_name: string | null;
  issued_at: string;
  status: 'open' | 'done';
  result: string | null;
  done_at: string | null;
  done_by_name: string | null;
}

/**
 * Reminders already sent, one row per (incident, deadline kind, stage). The
 * unique key lets exactly one server instance claim each reminder.
 */
export interface IncidentRemindersTable {
  incident_id: string;
  deadline_kind: string;
  stage: 'due_soon' | 'overdue';
  fired_at: string;
}

/** Live events too large for a PostgreSQL NOTIFY payload, fetched by id by the listeners. */
export interface LiveEventPayloadsTable {
  id: string;
  payload: string;
  created_at: string;
}

export interface IncidentTables {
  incidents: IncidentsTable;
  incident_steps: IncidentStepsTable;
  incident_reports: IncidentReportsTable;
  incident_orders: IncidentOrdersTable;
  incident_reminders: IncidentRemindersTable;
  live_event_payloads: LiveEventPayloadsTable;
}
