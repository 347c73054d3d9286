import { describe, expect, it } from 'vitest';

import {
  createRandom,
  nightCheckCoverage,
  nightCheckRatio,
  planNightChecks,
  requiredCheckCount,
  rollCallWindows,
  type NightCheckSite,
  type PlanNightChecksInput,
} from '../../src/domain/patrols/index.js';
import { addDays, formatInstant } from '../../src/domain/time.js';

const TZ = 'Asia/Shanghai';
const show = (instant: Date): string => formatInstant(instant, TZ);

function makeSites(count: number): NightCheckSite[] {
  return Array.from({ length: count }, (_, i) => {
    const number = String(i + 1).padStart(2, '0');
    return { siteId: `site-${number}`, name: `值班室${number}` };
  });
}

function basePlan(overrides: Partial<PlanNightChecksInput> = {}): PlanNightChecksInput {
  return {
    date: '2026-02-16',
    sites: makeSites(40),
    dayType: 'workday',
    seed: 'seed-2026-02-16',
    timeZone: TZ,
    ...overrides,
  };
}

/** Plans `nights` consecutive nights, each with the history of the ones before. */
function simulate(sites: NightCheckSite[], nights: number, dayType: 'workday' | 'holiday'): string[][] {
  const history: string[][] = [];
  let date = '2026-03-01';
  for (let night = 0; night < nights; night += 1) {
    const plan = planNightChecks({ date, sites, dayType, seed: 'rotation', history, timeZone: TZ });
    history.unshift(plan.sites.map((site) => site.siteId));
    date = addDays(date, 1);
  }
  return history.reverse();
}

describe('requiredCheckCount', () => {
  it.each<[number, number, number]>([
    [0.2, 40, 8],
    [0.25, 40, 10],
    [0.2, 41, 9],
    [0.25, 41, 11],
    [0.2, 0, 0],
    [0.2, 1, 1],
    [0.2, 5, 1],
    [0.25, 7, 2],
    [0.1, 30, 3],
    [0.3, 10, 3],
    [1, 12, 12],
  ])('ratio %f of %i sites is %i', (ratio, sites, expected) => {
    expect(requiredCheckCount(ratio, sites)).toBe(expected);
  });
});

describe('nightCheckRatio', () => {
  it.each<[Parameters<typeof nightCheckRatio>[0], boolean, number]>([
    ['workday', false, 0.2],
    ['weekend', false, 0.2],
    ['makeup_workday', false, 0.2],
    ['holiday', false, 0.25],
    ['sensitive', false, 0.25],
    ['workday', true, 0.25],
  ])('%s (major event %s) gives %f', (dayType, majorEvent, ratio) => {
    expect(nightCheckRatio(dayType, majorEvent)).toBe(ratio);
  });
});

describe('planNightChecks', () => {
  it('samples 20% of 40 sites in the next night', () => {
    const plan = planNightChecks(basePlan());

    expect(plan.sampleRatio).toBe(0.2);
    expect(plan.activeSites).toBe(40);
    expect(plan.requiredCount).toBe(8);
    expect(plan.sites).toHaveLength(8);
    expect(new Set(plan.sites.map((site) => site.siteId)).size).toBe(8);
    expect(show(plan.windowStart)).toBe('2026-02-17T00:00:00+08:00');
    expect(show(plan.windowEnd)).toBe('2026-02-17T06:00:00+08:00');
    for (const site of plan.sites) {
      expect(site.plannedAt.getTime()).toBeGreaterThanOrEqual(plan.windowStart.getTime());
      expect(site.plannedAt.getTime()).toBeLessThan(plan.windowEnd.getTime());
      expect(site.name).toBe(`值班室${site.siteId.slice(5)}`);
    }
  });

  it('keeps checks 15 minutes apart in time order', () => {
    const plan = planNightChecks(basePlan());
    for (let i = 1; i < plan.sites.length; i += 1) {
      const gap = (plan.sites[i]!.plannedAt.getTime() - plan.sites[i - 1]!.plannedAt.getTime()) / 60_000;
      expect(gap).toBeGreaterThanOrEqual(15);
    }
    expect(plan.minIntervalMinutes).toBe(15);
  });

  it.each<[string, Partial<PlanNightChecksInput>, number, number]>([
    ['holiday', { dayType: 'holiday' }, 0.25, 10],
    ['sensitive period', { dayType: 'sensitive' }, 0.25, 10],
    ['major event', { majorEvent: true }, 0.25, 10],
    ['41 sites on a workday', { sites: makeSites(41) }, 0.2, 9],
    ['41 sites on a holiday', { sites: makeSites(41), dayType: 'holiday' }, 0.25, 11],
    ['explicit ratio', { sampleRatio: 0.5 }, 0.5, 20],
  ])('samples for %s', (_case, overrides, ratio, count) => {
    const plan = planNightChecks(basePlan(overrides));
    expect(plan.sampleRatio).toBe(ratio);
    expect(plan.sites).toHaveLength(count);
  });

  it('skips inactive sites', () => {
    const sites = makeSites(42).map((site, i) => (i < 2 ? { ...site, active: false } : site));
    const plan = planNightChecks(basePlan({ sites }));
    expect(plan.activeSites).toBe(40);
    expect(plan.sites.map((site) => site.siteId)).not.toContain('site-01');
    expect(plan.sites.map((site) => site.siteId)).not.toContain('site-02');
  });

  it('returns an empty plan without sites', () => {
    const plan = planNightChecks(basePlan({ sites: [] }));
    expect(plan.sites).toEqual([]);
    expect(plan.requiredCount).toBe(0);
  });

  it('reproduces a plan from its seed', () => {
    const first = planNightChecks(basePlan());
    const again = planNightChecks(basePlan({ sites: [...makeSites(40)].reverse() }));
    expect(again).toEqual(first);
  });

  it('differs for another seed', () => {
    const first = planNightChecks(basePlan());
    const other = planNightChecks(basePlan({ seed: 'another-seed' }));
    expect(other.sites).not.toEqual(first.sites);
  });

  it('shrinks the interval when the night is too short', () => {
    const plan = planNightChecks(basePlan({ sampleRatio: 1 }));
    expect(plan.sites).toHaveLength(40);
    expect(plan.minIntervalMinutes).toBe(9);
    for (let i = 1; i < plan.sites.length; i += 1) {
      const gap = (plan.sites[i]!.plannedAt.getTime() - plan.sites[i - 1]!.plannedAt.getTime()) / 60_000;
      expect(gap).toBeGreaterThanOrEqual(9);
    }
    expect(plan.sites.at(-1)!.plannedAt.getTime()).toBeLessThan(plan.windowEnd.getTime());
  });

  it('keeps a large interval that still fits', () => {
    // 8 checks at 45 minutes need 315 of the 360 minutes.
    const plan = planNightChecks(basePlan({ minIntervalMinutes: 45 }));
    expect(plan.minIntervalMinutes).toBe(45);
    const minutes = plan.sites.map((site) => (site.plannedAt.getTime() - plan.windowStart.getTime()) / 60_000);
    for (let i = 1; i < minutes.length; i += 1) expect(minutes[i]! - minutes[i - 1]!).toBeGreaterThanOrEqual(45);
    expect(minutes.at(-1)).toBeLessThan(360);
  });

  it('shrinks an interval of 46 minutes for 8 checks', () => {
    expect(planNightChecks(basePlan({ minIntervalMinutes: 46 })).minIntervalMinutes).toBe(45);
  });

  it('spreads times over the whole night', () => {
    const hours = new Array<number>(6).fill(0);
    for (let i = 0; i < 300; i += 1) {
      const plan = planNightChecks(basePlan({ seed: `spread-${i}`, sites: makeSites(5) }));
      const site = plan.sites[0]!;
      hours[Math.floor((site.plannedAt.getTime() - plan.windowStart.getTime()) / 3_600_000)]! += 1;
    }
    // 300 draws over 6 hours: about 50 an hour; 25 is far below any plausible spread.
    for (const count of hours) expect(count).toBeGreaterThan(25);
  });

  it('prefers sites never checked', () => {
    const history = [
      ['site-01', 'site-02', 'site-03', 'site-04', 'site-05', 'site-06', 'site-07', 'site-08'],
      ['site-09', 'site-10', 'site-11', 'site-12', 'site-13', 'site-14', 'site-15', 'site-16'],
    ];
    const plan = planNightChecks(basePlan({ history }));
    const recent = new Set(history.flat());
    for (const site of plan.sites) expect(recent.has(site.siteId)).toBe(false);
  });

  it('then prefers the oldest check', () => {
    const sites = makeSites(10);
    const history = [['site-01', 'site-02'], ['site-03', 'site-04'], ['site-05', 'site-06', 'site-07', 'site-08', 'site-09', 'site-10']];
    const plan = planNightChecks(basePlan({ sites, sampleRatio: 0.3, history }));
    const chosen = plan.sites.map((site) => site.siteId);
    expect(chosen).toHaveLength(3);
    // Six sites share the oldest check, so three of them are drawn at random.
    for (const siteId of chosen) expect(['site-05', 'site-06', 'site-07', 'site-08', 'site-09', 'site-10']).toContain(siteId);
  });

  it('covers 40 sites in 5 nights', () => {
    const nights = simulate(makeSites(40), 5, 'workday');
    expect(new Set(nights.flat()).size).toBe(40);
  });

  it('covers every 5-night span over 30 nights', () => {
    const nights = simulate(makeSites(40), 30, 'workday');
    for (let start = 0; start + 5 <= nights.length; start += 1) {
      const covered = new Set(nights.slice(start, start + 5).flat());
      expect(covered.size).toBe(40);
    }
  });

  it('covers 41 sites at 25% within 4 nights', () => {
    // ceil(41 / 11) = 4.
    const nights = simulate(makeSites(41), 30, 'holiday');
    for (let start = 0; start + 4 <= nights.length; start += 1) {
      expect(new Set(nights.slice(start, start + 4).flat()).size).toBe(41);
    }
  });

  it('checks a new site the next night', () => {
    const sites = makeSites(40);
    const history = simulate(sites, 7, 'workday').reverse();
    const plan = planNightChecks(
      basePlan({ date: '2026-03-08', sites: [...sites, { siteId: 'site-new', name: '新增值班室' }], history }),
    );
    expect(plan.sites.map((site) => site.siteId)).toContain('site-new');
  });

  it('uses the real length of a night with a clock change', () => {
    // New York moves from 02:00 to 03:00 on 2026-03-08, so that night lasts 5 hours.
    const plan = planNightChecks(basePlan({ date: '2026-03-07', timeZone: 'America/New_York', sampleRatio: 1 }));
    expect(plan.windowEnd.getTime() - plan.windowStart.getTime()).toBe(5 * 3_600_000);
    expect(plan.minIntervalMinutes).toBe(7);
    for (const site of plan.sites) expect(site.plannedAt.getTime()).toBeLessThan(plan.windowEnd.getTime());
  });

  it.each<[string, Partial<PlanNightChecksInput>, RegExp]>([
    ['bad date', { date: '2026-02-30' }, /夜查日期“2026-02-30”无效/],
    ['empty seed', { seed: '' }, /随机种子/],
    ['zero ratio', { sampleRatio: 0 }, /抽查比例“0”无效/],
    ['ratio above 1', { sampleRatio: 1.5 }, /抽查比例“1.5”无效/],
    ['negative interval', { minIntervalMinutes: -5 }, /夜查最小间隔“-5”无效/],
    ['duplicate site', { sites: [...makeSites(3), { siteId: 'site-01', name: '值班室01' }] }, /重复/],
  ])('rejects %s', (_case, overrides, message) => {
    expect(() => planNightChecks(basePlan(overrides))).toThrow(message);
  });
});

describe('createRandom', () => {
  it('repeats a sequence for one seed', () => {
    const a = createRandom('abc');
    const b = createRandom('abc');
    const first = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(first);
    for (const value of first) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('works for an empty seed hash', () => {
    expect(createRandom('').nextInt(10)).toBeLessThan(10);
  });
});

describe('nightCheckCoverage', () => {
  const plan = planNightChecks(basePlan());
  const planned = plan.sites.map((site) => site.siteId);
  const inside = (time: string): Date => new Date(`2026-02-17T${time}+08:00`);

  it('counts checks inside the window', () => {
    const records = [
      ...planned.slice(0, 6).map((siteId, i) => ({ siteId, checkedAt: inside(`0${i}:10:00`) })),
      { siteId: planned[6]!, checkedAt: inside('06:00:00') },
      { siteId: planned[7]!, checkedAt: inside('06:00:01') },
      { siteId: planned[0]!, checkedAt: new Date('2026-02-16T23:59:00+08:00') },
      { siteId: 'site-unplanned', checkedAt: inside('03:30:00') },
    ];
    const coverage = nightCheckCoverage(plan, records);

    expect(coverage.planned).toBe(8);
    expect(coverage.plannedChecked).toBe(7);
    expect(coverage.checkedSites).toBe(8);
    expect(coverage.coverageRatio).toBe(0.2);
    expect(coverage.requiredCount).toBe(8);
    expect(coverage.meetsRule).toBe(true);
    expect(coverage.missedSiteIds).toEqual([planned[7]]);
    expect(coverage.outsideWindow).toBe(2);
  });

  it('fails the rule with too few checks', () => {
    const records = planned.slice(0, 7).map((siteId) => ({ siteId, checkedAt: inside('01:00:00') }));
    const coverage = nightCheckCoverage(plan, records);
    expect(coverage.checkedSites).toBe(7);
    expect(coverage.meetsRule).toBe(false);
    expect(coverage.coverageRatio).toBe(7 / 40);
  });

  it('counts repeated checks of a site once', () => {
    const records = [0, 1, 2].map(() => ({ siteId: planned[0]!, checkedAt: inside('02:00:00') }));
    expect(nightCheckCoverage(plan, records).checkedSites).toBe(1);
  });
});

describe('rollCallWindows', () => {
  it('gives three windows on a holiday', () => {
    const windows = rollCallWindows('2026-02-17', 'holiday', { timeZone: TZ });
    expect(windows.map((window) => [show(window.start), show(window.end)])).toEqual([
      ['2026-02-17T09:30:00+08:00', '2026-02-17T11:30:00+08:00'],
      ['2026-02-17T15:00:00+08:00', '2026-02-17T17:00:00+08:00'],
      ['2026-02-17T21:00:00+08:00', '2026-02-17T23:00:00+08:00'],
    ]);
    expect(windows[0]?.startTime).toBe('09:30');
  });

  it.each(['workday', 'weekend', 'makeup_workday'] as const)('gives none on a %s', (dayType) => {
    expect(rollCallWindows('2026-03-02', dayType, { timeZone: TZ })).toEqual([]);
  });

  it('gives windows on a sensitive day', () => {
    expect(rollCallWindows('2026-03-02', 'sensitive', { timeZone: TZ })).toHaveLength(3);
  });

  it('takes configured windows and day types', () => {
    const windows = rollCallWindows('2026-03-07', 'weekend', {
      timeZone: TZ,
      dayTypes: ['weekend'],
      windows: [{ start: '10:00', end: '10:30' }],
    });
    expect(windows.map((window) => show(window.start))).toEqual(['2026-03-07T10:00:00+08:00']);
  });

  it('rejects an inverted window', () => {
    expect(() =>
      rollCallWindows('2026-03-07', 'holiday', { timeZone: TZ, windows: [{ start: '11:30', end: '09:30' }] }),
    ).toThrow(/视频点名时段“11:30-09:30”无效/);
  });
});
