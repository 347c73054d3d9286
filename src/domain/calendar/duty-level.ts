import type { DayType, DutyLevel } from './types.js';

/** Duty level of a day type: weekends two-level, holidays and sensitive days three-level. */
export function dutyLevelOf(dayType: DayType): DutyLevel {
  switch (dayType) {
    case 'workday':
    case 'makeup_workday':
      return 'in_post';
    case 'weekend':
      return 'two_level';
    case 'holiday':
    case 'sensitive':
      return 'three_level';
  }
}

/** Hours on site per duty day, by role. */
export interface OnSiteHours {
  commander: number;
  shiftLeader: number;
  officer: number;
}

/** Requirements of a duty level for each role (带班要求). */
export interface DutyLevelRequirement {
  level: DutyLevel;
  onSiteHours: OnSiteHours;
  /** Roles that must stay reachable by phone all day (保持联络畅通). */
  reachable: { commander: boolean; shiftLeader: boolean; officer: boolean };
  /** Chinese summary for the calendar and the hall screen. */
  description: string;
}

// Article 7 of the command center's duty regulations sets these hours.
// On workdays the commander and the shift leader stay reachable and the
// officers are on site 24 h. On weekends the shift leader is on site 8 h,
// the officers 24 h, and the commander stays reachable. On holidays and in
// sensitive periods the commander is on site 8 h and stays reachable, and the
// shift leader and the officers are on site 24 h.
const REQUIREMENTS: Readonly<Record<DutyLevel, DutyLevelRequirement>> = {
  in_post: {
    level: 'in_post',
    onSiteHours: { commander: 0, shiftLeader: 0, officer: 24 },
    reachable: { commander: true, shiftLeader: true, officer: true },
    description: '在岗值班：值班指挥长、值班长保持联络畅通，值班员 24 小时在岗值班',
  },
  two_level: {
    level: 'two_level',
    onSiteHours: { commander: 0, shiftLeader: 8, officer: 24 },
    reachable: { commander: true, shiftLeader: true, officer: true },
    description: '两级值班带班：值班指挥长保持联络畅通，值班长 8 小时在岗值班并保持联络畅通，值班员 24 小时在岗值班',
  },
  three_level: {
    level: 'three_level',
    onSiteHours: { commander: 8, shiftLeader: 24, officer: 24 },
    reachable: { commander: true, shiftLeader: true, officer: true },
    description: '三级值班带班：值班指挥长 8 小时在岗值班并保持联络畅通，值班长、值班员 24 小时在岗值班',
  },
};

export function dutyLevelRequirement(level: DutyLevel): DutyLevelRequirement {
  return REQUIREMENTS[level];
}

export function onSiteHoursRequired(level: DutyLevel): OnSiteHours {
  return { ...REQUIREMENTS[level].onSiteHours };
}

/** Officers per day type; the regulations give 1-2 a day and more in special periods. */
export type OfficersPerDayType = Readonly<Record<DayType, number>>;

export const DEFAULT_OFFICERS_PER_DAY: OfficersPerDayType = {
  workday: 1,
  makeup_workday: 1,
  weekend: 2,
  holiday: 2,
  sensitive: 2,
};

/** Officers needed on a day type, with the center's configuration over the defaults. */
export function officersPerDay(
  dayType: DayType,
  configured: Partial<Record<DayType, number>> = {},
): number {
  return configured[dayType] ?? DEFAULT_OFFICERS_PER_DAY[dayType];
}
