/** Rotation settings of the center, stored under one settings key with the Haikou defaults. */
import { DEFAULT_OFFICERS_PER_DAY, type DayType } from '../../domain/calendar/index.js';
import { DEFAULT_MIN_REST_DAYS, type DateWindow, type DutyRole } from '../../domain/roster/index.js';
import { monthBounds, type IsoDate } from '../../domain/time.js';
import type { Role } from '../../shared/roles.js';
import type { Executor } from '../db/database.js';
import { readSetting } from '../settings.js';

export const ROSTER_SETTINGS_KEY = 'roster';

/** `calendar_year`: January to December of the month; `rolling_year`: the twelve months ending with the month. */
export type FairnessWindowKind = 'calendar_year' | 'rolling_year';

export interface RosterSettings {
  officersPerDay: Record<DayType, number>;
  /** Free days between two duties of one person. */
  minRestDays: number;
  fairnessWindow: FairnessWindowKind;
  /** Account roles that approve a swap or substitution of each duty role. */
  approverRoles: Record<DutyRole, Role[]>;
}

/**
 * Defaults: a shift leader approves officers' swaps; the duty commander or a
 * bureau leader approves those of commanders and shift leaders.
 */
export const DEFAULT_ROSTER_SETTINGS: RosterSettings = {
  officersPerDay: { ...DEFAULT_OFFICERS_PER_DAY },
  minRestDays: DEFAULT_MIN_REST_DAYS,
  fairnessWindow: 'calendar_year',
  approverRoles: {
    commander: ['duty_commander', 'bureau_leader'],
    shiftLeader: ['duty_commander', 'bureau_leader'],
    officer: ['shift_leader'],
  },
};

/**
 * Account roles that prepare, adjust and publish rosters: the personnel
 * office works through the shift leader and duty commander accounts, and the
 * system administrator may act for them. Everyone else only reads rosters.
 */
export const ROSTER_MANAGER_ROLES: readonly Role[] = ['sys_admin', 'shift_leader', 'duty_commander'];

export async function readRosterSettings(db: Executor): Promise<RosterSettings> {
  const stored = await readSetting<RosterSettings>(db, ROSTER_SETTINGS_KEY, DEFAULT_ROSTER_SETTINGS);
  return {
    ...stored,
    officersPerDay: { ...DEFAULT_ROSTER_SETTINGS.officersPerDay, ...stored.officersPerDay },
    approverRoles: { ...DEFAULT_ROSTER_SETTINGS.approverRoles, ...stored.approverRoles },
  };
}

/** Fairness window of a month; undefined lets the generator use the calendar year. */
export function fairnessWindowOf(settings: RosterSettings, month: string): DateWindow | undefined {
  if (settings.fairnessWindow === 'calendar_year') return undefined;
  const { last } = monthBounds(month);
  return { from: yearBefore(last), to: last };
}

function yearBefore(date: IsoDate): IsoDate {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCFullYear(next.getUTCFullYear() - 1);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
