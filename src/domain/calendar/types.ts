import type { IsoDate } from '../time.js';

/**
 * Day type of a date on the duty calendar (值班日历): 工作日, 周六周日,
 * 法定节假日, 重要敏感时期 and 调休上班日 (a weekend date that the State
 * Council makes a working day, so it counts as a workday).
 */
export type DayType = 'workday' | 'weekend' | 'holiday' | 'makeup_workday' | 'sensitive';

export const DAY_TYPES: readonly DayType[] = [
  'workday',
  'weekend',
  'holiday',
  'makeup_workday',
  'sensitive',
];

export const DAY_TYPE_LABELS: Readonly<Record<DayType, string>> = {
  workday: '工作日',
  weekend: '周六周日',
  holiday: '法定节假日',
  makeup_workday: '调休上班日',
  sensitive: '重要敏感时期',
};

/**
 * Duty level (值班等级): 在岗值班 on workdays, 两级值班带班 on weekends,
 * 三级值班带班 on statutory holidays and in sensitive periods.
 */
export type DutyLevel = 'in_post' | 'two_level' | 'three_level';

export const DUTY_LEVELS: readonly DutyLevel[] = ['in_post', 'two_level', 'three_level'];

export const DUTY_LEVEL_LABELS: Readonly<Record<DutyLevel, string>> = {
  in_post: '在岗值班',
  two_level: '两级值班带班',
  three_level: '三级值班带班',
};

/**
 * Named date range set by the center (重要敏感时期). Both ends are inclusive.
 */
export interface SensitivePeriod {
  id?: string;
  name: string;
  startDate: IsoDate;
  endDate: IsoDate;
}

/** One date of the duty calendar as the API and the roster see it. */
export interface ClassifiedDay {
  date: IsoDate;
  dayType: DayType;
  dutyLevel: DutyLevel;
  /**
   * Festival name on a holiday, the period name on a sensitive day, otherwise
   * null. A make-up workday has null here, so the UI never shows a festival
   * name on a working day; its festival is in `festival`.
   */
  name: string | null;
  /** Festival of the official arrangement the date belongs to (holiday or make-up workday). */
  festival: string | null;
  /** False when the date's year has no loaded State Council arrangement (weekday rule used). */
  official: boolean;
}
