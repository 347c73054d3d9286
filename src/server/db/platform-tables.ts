import type { Generated } from 'kysely';

/** Gap-free named counters (document serial numbers, audit sequence). */
export interface CountersTable {
  name: string;
  value: number;
}

/** 单位: a bureau department, district bureau, affiliated unit or the command center. */
export interface UnitsTable {
  id: string;
  name: string;
  short_name: string | null;
  kind: 'department' | 'district' | 'affiliated' | 'command_center';
  duty_room_name: string | null;
  /** SM4-encrypted phone of the unit's command/duty room (指挥室/值班室). */
  duty_room_phone: string | null;
  liaison_person_id: string | null;
  sort_order: number;
  active: number;
  created_at: string;
  updated_at: string;
}

/** 人员: everyone who can be on duty or reports for a unit. */
export interface PeopleTable {
  id: string;
  name: string;
  unit_id: string;
  position: string | null;
  is_police: number;
  /** SM4-encrypted mobile number. */
  mobile_phone: string | null;
  /** SM4-encrypted office number. */
  office_phone: string | null;
  /** JSON array of DutyRole. */
  duty_roles: string;
  active: number;
  created_at: string;
  updated_at: string;
}

/** Sign-in accounts; an account may belong to a person. */
export interface UsersTable {
  id: string;
  username: string;
  name: string;
  password_hash: string;
  /** JSON array of Role. */
  roles: string;
  unit_id: string;
  person_id: string | null;
  active: number;
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  password_changed_at: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** SM3 hash of the cookie token; the token itself is never stored. */
  id: string;
  user_id: string;
  kind: 'user' | 'display';
  created_at: string;
  last_seen_at: string;
  ip: string | null;
}

/** Append-only audit log, hash-chained with SM3. */
export interface AuditLogTable {
  seq: number;
  id: string;
  at: string;
  actor_user_id: string | null;
  actor_name: string | null;
  actor_unit_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: string;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface SettingsTable {
  key: string;
  /** JSON value. */
  value: string;
  updated_at: string;
  updated_by: string | null;
}

export interface PlatformTables {
  counters: CountersTable;
  units: UnitsTable;
  people: PeopleTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
}

export type { Generated };
