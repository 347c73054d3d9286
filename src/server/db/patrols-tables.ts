/** Tables of video patrols, night checks, problems, roll calls and platform checks (migration 0006). */

/** 巡查点位: a place watched by video or phone. */
export interface PatrolSitesTable {
  id: string;
  name: string;
  unit_id: string;
  kind: string;
  check_method: string;
  active: number;
  sort_order: number;
  note: string | null;
  created_at: string;
  updated_at: string;
}

/** 视频巡查记录: one patrol over one or more sites. */
export interface PatrolRecordsTable {
  id: string;
  patrolled_at: string;
  duty_date: string;
  patroller_role: string;
  patroller_name: string;
  method: string;
  summary: string | null;
  recorded_by: string;
  created_at: string;
}

/** One site of a patrol, in the order it was viewed. */
export interface PatrolRecordItemsTable {
  id: string;
  record_id: string;
  site_id: string;
  position: number;
  observation: string;
  /** 0 when the site was in order, 1 when a problem was found. */
  has_problem: number;
  /** JSON array of attachment ids (screenshots, clips). */
  attachment_ids: string;
}

/** 夜查计划: the drawn sample of one duty date's night, with its seed and inputs for audit. */
export interface NightCheckPlansTable {
  id: string;
  date: string;
  seed: string;
  day_type: string;
  major_event: number;
  sample_ratio: number;
  active_sites: number;
  required_count: number;
  min_interval_minutes: number;
  /** JSON of the planNightChecks input without the seed: sites, history, ratio, interval, time zone. */
  inputs_json: string;
  /** JSON array of {siteId, name, plannedAt (ISO UTC)} in planned order. */
  sites_json: string;
  created_by: string | null;
  created_at: string;
}

/** 夜查记录: one check of one site. */
export interface NightCheckRecordsTable {
  id: string;
  plan_id: string;
  site_id: string;
  checked_at: string;
  method: string;
  reached: number;
  answered_by: string | null;
  in_post: number;
  findings: string | null;
  planned: number;
  recorded_by: string;
  created_at: string;
}

/** 巡查发现的问题 with its rectification (整改) workflow. */
export interface PatrolProblemsTable {
  id: string;
  site_id: string | null;
  unit_id: string;
  kind: string;
  description: string;
  evidence_ids: string;
  source: string;
  source_id: string | null;
  found_by_name: string;
  found_at: string;
  deadline: string;
  status: string;
  report_text: string | null;
  report_attachment_ids: string;
  head_name: string | null;
  head_confirmed: number;
  report_submitted_at: string | null;
  report_submitted_by: string | null;
  verified_by_name: string | null;
  verified_at: string | null;
  verify_note: string | null;
  returned_count: number;
  reminded_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** 视频点名记录. */
export interface RollCallRecordsTable {
  id: string;
  date: string;
  called_at: string;
  caller: string;
  answered_by: string;
  /** JSON array of {question, answer}. */
  items_json: string;
  remarks: string | null;
  recorded_by: string;
  created_at: string;
}

/** 戒毒所每日情况: entered daily by the rehabilitation center's liaison for the roll-call answer sheet. */
export interface RehabDailyReportsTable {
  date: string;
  unit_id: string;
  inmate_count: number;
  police_on_duty: string;
  activities: string;
  order_status: string;
  submitted_by: string;
  submitted_by_name: string;
  updated_at: string;
}

/** 监管平台: a platform whose running state the officer records per shift. */
export interface SupervisedPlatformsTable {
  id: string;
  name: string;
  active: number;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

/** One recorded check of a platform; an abnormal one stays open until `restored_at`. */
export interface PlatformChecksTable {
  id: string;
  platform_id: string;
  duty_date: string;
  checked_at: string;
  status: string;
  note: string | null;
  recorded_by: string;
  recorded_by_name: string;
  restored_at: string | null;
  restored_note: string | null;
  restored_by_name: string | null;
}

export interface PatrolsTables {
  patrol_sites: PatrolSitesTable;
  patrol_records: PatrolRecordsTable;
  patrol_record_items: PatrolRecordItemsTable;
  night_check_plans: NightCheckPlansTable;
  night_check_records: NightCheckRecordsTable;
  patrol_problems: PatrolProblemsTable;
  roll_call_records: RollCallRecordsTable;
  rehab_daily_reports: RehabDailyReportsTable;
  supervised_platforms: SupervisedPlatformsTable;
  platform_checks: PlatformChecksTable;
}
