import type { DayType } from '../calendar/types.js';
import { addDays, isIsoDate, zonedInstant, type IsoDate } from '../time.js';
import { createRandom } from './random.js';

/** A site watched by video or phone at night (夜查点位). */
export interface NightCheckSite {
  siteId: string;
  name: string;
  /** Inactive sites are never sampled. Absent means active. */
  active?: boolean;
}

/** Sampling ratios of the night-check rules (夜查抽查比例). */
export interface NightCheckRatios {
  /** At least 20% of sites on ordinary nights. */
  normal: number;
  /** At least 25% on holidays, major events and sensitive periods. */
  elevated: number;
  /** Day types that take the elevated ratio. */
  elevatedDayTypes: readonly DayType[];
}

export const DEFAULT_NIGHT_CHECK_RATIOS: NightCheckRatios = {
  normal: 0.2,
  elevated: 0.25,
  elevatedDayTypes: ['holiday', 'sensitive'],
};

export interface PlanNightChecksInput {
  /** Duty date whose night is planned; the checks fall on the next calendar date, 00:00-06:00. */
  date: IsoDate;
  sites: readonly NightCheckSite[];
  /** Day type of `date`, the duty day that owns the night. */
  dayType: DayType;
  /** A major event (重大活动) raises the ratio like a sensitive period. */
  majorEvent?: boolean;
  /** Overrides the ratio that the day type gives. */
  sampleRatio?: number;
  ratios?: NightCheckRatios;
  /** Stored seed; the same seed and inputs give the same plan. */
  seed: string;
  /**
   * Site ids sampled on previous nights, most recent night first. Pass at
   * least ceil(active sites / sample size) nights for the coverage bound.
   */
  history?: ReadonlyArray<readonly string[]>;
  /** Minimum minutes between two planned checks, 15 by default (one officer does them all). */
  minIntervalMinutes?: number;
  timeZone: string;
}

export interface PlannedNightCheck {
  siteId: string;
  name: string;
  plannedAt: Date;
}

/** A night-check plan (夜查计划): sampled sites with random times. */
export interface NightCheckPlan {
  date: IsoDate;
  sampleRatio: number;
  activeSites: number;
  /** Sites the rules require to be checked: ceil(ratio × active sites). */
  requiredCount: number;
  windowStart: Date;
  windowEnd: Date;
  /** Minutes actually kept between checks, smaller than requested when the night is too short. */
  minIntervalMinutes: number;
  seed: string;
  /** Ordered by planned time. */
  sites: PlannedNightCheck[];
}

const DEFAULT_MIN_INTERVAL_MINUTES = 15;
const WINDOW_START = '00:00';
const WINDOW_END = '06:00';

/** Returns the sampling ratio for a night. */
export function nightCheckRatio(
  dayType: DayType,
  majorEvent = false,
  ratios: NightCheckRatios = DEFAULT_NIGHT_CHECK_RATIOS,
): number {
  return majorEvent || ratios.elevatedDayTypes.includes(dayType) ? ratios.elevated : ratios.normal;
}

/**
 * Returns ceil(ratio × active sites), computed on ratios rounded to 1/10000
 * so that floating-point noise never adds a site (0.2 × 40 is 8, not 9).
 */
export function requiredCheckCount(ratio: number, activeSites: number): number {
  const basisPoints = Math.round(ratio * 10_000);
  return Math.ceil((basisPoints * activeSites) / 10_000);
}

/**
 * Draws the sites and times of one night's checks.
 *
 * Sites: the least recently checked sites come first (never-checked ones
 * before all others), with ties broken at random. With a stable set of N
 * active sites and k checks a night, every site is then checked at least
 * once in any ceil(N / k) consecutive nights. The reason: each night that
 * passes a site over checks k sites whose last check is no later than its own.
 *
 * Times: uniform over [00:00, 06:00) local time of the calendar day after
 * `date`, in whole minutes, at least `minIntervalMinutes` apart. When the
 * count does not fit the night at that spacing, the spacing shrinks to
 * floor(window minutes / count).
 */
export function planNightChecks(input: PlanNightChecksInput): NightCheckPlan {
  validatePlanInput(input);

  const ratios = input.ratios ?? DEFAULT_NIGHT_CHECK_RATIOS;
  const sampleRatio = input.sampleRatio ?? nightCheckRatio(input.dayType, input.majorEvent, ratios);
  const active = input.sites
    .filter((site) => site.active !== false)
    .sort(compareSiteIds);
  const requiredCount = requiredCheckCount(sampleRatio, active.length);

  const night = addDays(input.date, 1);
  const windowStart = zonedInstant(night, WINDOW_START, input.timeZone);
  const windowEnd = zonedInstant(night, WINDOW_END, input.timeZone);
  const random = createRandom(`${input.seed}|${input.date}`);

  const selected = selectLeastRecentlyChecked(active, requiredCount, input.history ?? [], random.shuffle);

  const windowMinutes = Math.round((windowEnd.getTime() - windowStart.getTime()) / 60_000);
  const requestedInterval = input.minIntervalMinutes ?? DEFAULT_MIN_INTERVAL_MINUTES;
  const interval =
    selected.length === 0 ? requestedInterval : Math.min(requestedInterval, Math.floor(windowMinutes / selected.length));
  const offsets = spacedOffsets(selected.length, windowMinutes, interval, random.nextInt);

  const sites = random.shuffle(selected).map((site, i) => ({
    siteId: site.siteId,
    name: site.name,
    plannedAt: new Date(windowStart.getTime() + (offsets[i] ?? 0) * 60_000),
  }));
  sites.sort((a, b) => a.plannedAt.getTime() - b.plannedAt.getTime());

  return {
    date: input.date,
    sampleRatio,
    activeSites: active.length,
    requiredCount,
    windowStart,
    windowEnd,
    minIntervalMinutes: interval,
    seed: input.seed,
    sites,
  };
}

/** Orders by code unit, not locale, so plans do not depend on the server's locale. */
function compareSiteIds(a: NightCheckSite, b: NightCheckSite): number {
  if (a.siteId < b.siteId) return -1;
  if (a.siteId > b.siteId) return 1;
  return 0;
}

function selectLeastRecentlyChecked(
  active: readonly NightCheckSite[],
  count: number,
  history: ReadonlyArray<readonly string[]>,
  shuffle: <T>(items: readonly T[]) => T[],
): NightCheckSite[] {
  const nightsSinceCheck = new Map<string, number>();
  history.forEach((night, nightsAgo) => {
    for (const siteId of night) {
      if (!nightsSinceCheck.has(siteId)) nightsSinceCheck.set(siteId, nightsAgo);
    }
  });

  // NOTE: with a stable site set this settles into a fixed rotation after the
  // first cycle, so a unit that counts nights can tell when its turn comes. Only
  // the check times stay unpredictable.
  const age = (site: NightCheckSite): number => nightsSinceCheck.get(site.siteId) ?? Number.POSITIVE_INFINITY;
  // Shuffle first: the sort is stable, so sites of equal age stay in random order.
  return shuffle(active)
    .sort((a, b) => age(b) - age(a) || 0)
    .slice(0, count);
}

/**
 * Draws `count` sorted minute offsets in [0, windowMinutes) at least
 * `interval` apart, uniformly among all such sets: draw in the window
 * shortened by the gaps, sort, then add i × interval to the i-th.
 */
function spacedOffsets(
  count: number,
  windowMinutes: number,
  interval: number,
  nextInt: (bound: number) => number,
): number[] {
  if (count === 0) return [];
  const free = windowMinutes - (count - 1) * interval;
  const draws = Array.from({ length: count }, () => nextInt(free));
  draws.sort((a, b) => a - b);
  return draws.map((draw, i) => draw + i * interval);
}

function validatePlanInput(input: PlanNightChecksInput): void {
  if (!isIsoDate(input.date)) {
    throw new RangeError(`夜查日期“${input.date}”无效，请使用 YYYY-MM-DD 格式。`);
  }
  if (input.seed.length === 0) {
    throw new RangeError('夜查计划缺少随机种子，请提供非空的种子字符串。');
  }
  const ratio = input.sampleRatio;
  if (ratio !== undefined && (!Number.isFinite(ratio) || ratio <= 0 || ratio > 1)) {
    throw new RangeError(`抽查比例“${ratio}”无效，请填写大于 0 且不超过 1 的小数（如 0.2）。`);
  }
  const interval = input.minIntervalMinutes;
  if (interval !== undefined && (!Number.isInteger(interval) || interval < 0)) {
    throw new RangeError(`夜查最小间隔“${interval}”无效，请填写不小于 0 的整数分钟。`);
  }
  const seen = new Set<string>();
  for (const site of input.sites) {
    if (seen.has(site.siteId)) {
      throw new RangeError(`夜查点位“${site.name}”（${site.siteId}）重复，请删除重复的点位。`);
    }
    seen.add(site.siteId);
  }
}

/** A night check actually done (夜查记录). */
export interface NightCheckRecord {
  siteId: string;
  checkedAt: Date;
}

/** How far a night's checks met the plan and the sampling rule. */
export interface NightCheckCoverage {
  planned: number;
  /** Planned sites checked inside the window. */
  plannedChecked: number;
  /** Distinct sites checked inside the window, planned or not. */
  checkedSites: number;
  /** checkedSites / activeSites; 0 when there are no active sites. */
  coverageRatio: number;
  requiredCount: number;
  /** True when at least `requiredCount` distinct sites were checked inside the window. */
  meetsRule: boolean;
  /** Planned site ids without a check inside the window. */
  missedSiteIds: string[];
  /** Records outside 00:00-06:00 of that night; they do not count. */
  outsideWindow: number;
}

/**
 * Measures a night's checks against its plan. A check counts only when its
 * time lies in [00:00, 06:00] of the night, both ends included, because the
 * rules set the night check from 24:00 to 06:00. Every site id in `records`
 * counts toward `checkedSites`, so pass only the center's active sites.
 */
export function nightCheckCoverage(
  plan: NightCheckPlan,
  records: readonly NightCheckRecord[],
): NightCheckCoverage {
  const from = plan.windowStart.getTime();
  const to = plan.windowEnd.getTime();
  const checked = new Set<string>();
  let outsideWindow = 0;

  for (const record of records) {
    const time = record.checkedAt.getTime();
    if (time >= from && time <= to) checked.add(record.siteId);
    else outsideWindow += 1;
  }

  const missedSiteIds = plan.sites.filter((site) => !checked.has(site.siteId)).map((site) => site.siteId);
  return {
    planned: plan.sites.length,
    plannedChecked: plan.sites.length - missedSiteIds.length,
    checkedSites: checked.size,
    coverageRatio: plan.activeSites === 0 ? 0 : checked.size / plan.activeSites,
    requiredCount: plan.requiredCount,
    meetsRule: checked.size >= plan.requiredCount,
    missedSiteIds,
    outsideWindow,
  };
}
