import { describe, expect, it } from 'vitest';

import {
  generateRoster,
  RosterInputError,
  toPriorAssignments,
  type GeneratedRoster,
  type PriorAssignment,
  type RosterDay,
} from '../../src/domain/roster/index.js';
import {
  countDuties,
  generateMonths,
  monthDays,
  people,
  shortestRests,
  spreadOf,
} from './roster-fixtures.js';

const commanders = people('C', 6);
const leaders = people('L', 10);
const officers = people('O', 14);
const queues = { commander: commanders, shiftLeader: leaders, officer: officers };

function everyone(day: RosterDay): string[] {
  return [day.commander?.personId, day.shiftLeader?.personId, ...day.officers.map((o) => o.personId)].filter(
    (id): id is string => id !== undefined,
  );
}

function allAssignments(rosters: readonly GeneratedRoster[]): PriorAssignment[] {
  return rosters.flatMap((roster) => toPriorAssignments(roster));
}

describe('generateRoster for one month', () => {
  // March 2026
  // Su Mo Tu We Th Fr Sa
  //  1  2  3  4  5  6  7
  //  8  9 10 11 12 13 14
  // 15 16 17 18 19 20 21
  // 22 23 24 25 26 27 28
  // 29 30 31
  const roster = generateRoster({ month: '2026-03', days: monthDays('2026-03'), queues });

  it('fills every post', () => {
    expect(roster.gapReport).toEqual([]);
    expect(roster.warnings).toEqual([]);
    expect(roster.days).toHaveLength(31);
    for (const day of roster.days) {
      expect(day.commander, day.date).not.toBeNull();
      expect(day.shiftLeader, day.date).not.toBeNull();
      expect(day.officers, day.date).toHaveLength(day.dayType === 'weekend' ? 2 : 1);
    }
  });

  it('gives nobody two posts a day', () => {
    for (const day of roster.days) {
      const ids = everyone(day);
      expect(new Set(ids).size, day.date).toBe(ids.length);
    }
  });

  it('keeps two free days between duties', () => {
    for (const [personId, rest] of shortestRests(toPriorAssignments(roster))) {
      expect(rest, personId).toBeGreaterThanOrEqual(2);
    }
  });

  it('balances load within one per role', () => {
    for (const entry of roster.fairnessReport.roles) {
      expect(entry.spread.total, entry.role).toBeLessThanOrEqual(1);
      expect(entry.spread.weekend, entry.role).toBeLessThanOrEqual(1);
    }
  });

  it('continues the round-robin from history', () => {
    // C03 held the last workday of February, Friday 02-27, so Sunday 03-01
    // (the first day filled) goes to C04, and the next weekend days follow.
    const continued = generateRoster({
      month: '2026-03',
      days: monthDays('2026-03'),
      queues,
      history: [{ date: '2026-02-27', role: 'commander', personId: 'C03', dayType: 'workday' }],
    });
    const weekendCommanders = continued.days
      .filter((day) => day.dayType === 'weekend')
      .slice(0, 4)
      .map((day) => day.commander?.personId);
    expect(weekendCommanders).toEqual(['C04', 'C05', 'C06', 'C01']);
  });

  it('copies the day type and duty level', () => {
    expect(roster.days[0]).toMatchObject({ date: '2026-03-01', dayType: 'weekend', dutyLevel: 'two_level', locked: false });
  });
});

describe('leave and availability', () => {
  it('skips people on leave', () => {
    const roster = generateRoster({
      month: '2026-03',
      days: monthDays('2026-03'),
      queues,
      unavailability: [
        { personId: 'O03', from: '2026-03-10', to: '2026-03-20', reason: '年休假' },
        { personId: 'C02', from: '2026-03-01', to: '2026-03-31' },
      ],
    });
    const inLeave = roster.days.filter((day) => day.date >= '2026-03-10' && day.date <= '2026-03-20');
    expect(inLeave.flatMap(everyone)).not.toContain('O03');
    expect(roster.days.flatMap(everyone)).not.toContain('C02');
    expect(roster.days.flatMap(everyone)).toContain('O03');
    expect(roster.gapReport).toEqual([]);
  });

  it('reports a post nobody can take', () => {
    // Both leaders are on leave on 2026-03-05, so the post stays empty.
    const roster = generateRoster({
      month: '2026-03',
      days: monthDays('2026-03'),
      queues: { commander: commanders, shiftLeader: people('L', 6), officer: officers },
      unavailability: people('L', 6).map((person) => ({ personId: person.personId, from: '2026-03-05', to: '2026-03-05' })),
    });
    expect(roster.days.find((day) => day.date === '2026-03-05')?.shiftLeader).toBeNull();
    expect(roster.gapReport).toEqual([
      {
        date: '2026-03-05',
        role: 'shiftLeader',
        severity: 'error',
        code: 'POST_UNFILLED',
        missing: 1,
        message: '2026-03-05 缺少值班长',
      },
    ]);
  });

  it('relaxes the rest rule with a warning', () => {
    // Two commanders cannot keep two free days between duties.
    const roster = generateRoster({
      month: '2026-03',
      days: monthDays('2026-03'),
      queues: { commander: people('C', 2), shiftLeader: leaders, officer: officers },
    });
    expect(roster.gapReport).toEqual([]);
    expect(roster.warnings.length).toBeGreaterThan(0);
    expect(roster.warnings.every((issue) => issue.code === 'MIN_REST_RELAXED' && issue.role === 'commander')).toBe(true);
    expect(roster.warnings[0]?.message).toMatch(/^2026-03-0\d 值班指挥长C\d与相邻值班只间隔 1 天，少于规定的 2 天/);
    // Consecutive duty days are never generated.
    for (const [personId, rest] of shortestRests(toPriorAssignments(roster))) {
      expect(rest, personId).toBeGreaterThanOrEqual(1);
    }
  });

  it('leaves a gap rather than consecutive days', () => {
    const roster = generateRoster({
      month: '2026-03',
      days: monthDays('2026-03'),
      queues: { commander: people('C', 1), shiftLeader: leaders, officer: officers },
    });
    const commanderGaps = roster.gapReport.filter((issue) => issue.role === 'commander');
    expect(commanderGaps).toHaveLength(15);
    expect(commanderGaps[0]?.message).toBe('2026-03-02 缺少值班指挥长');
  });

  it('never gives one person two roles a day', () => {
    // The first four leaders are also in the commander queue.
    const shared = people('L', 8);
    const roster = generateRoster({
      month: '2026-03',
      days: monthDays('2026-03'),
      queues: { commander: shared.slice(0, 4), shiftLeader: shared, officer: officers },
      minRestDays: 0,
    });
    for (const day of roster.days) {
      expect(day.commander?.personId, day.date).not.toBe(day.shiftLeader?.personId);
    }
    expect(roster.gapReport).toEqual([]);
  });

  it('does not draw a joiner before joining', () => {
    const joiner = { personId: 'O99', name: '新同志', joinedAt: '2026-03-16' };
    const roster = generateRoster({
      month: '2026-03',
      days: monthDays('2026-03'),
      queues: { ...queues, officer: [...officers, joiner] },
    });
    const before = roster.days.filter((day) => day.date < '2026-03-16').flatMap(everyone);
    expect(before).not.toContain('O99');
    expect(roster.days.flatMap(everyone)).toContain('O99');
  });
});

describe('continuation across months', () => {
  it('keeps the rest rule across a month boundary', () => {
    // February 2026 ends on Saturday 02-28 (a make-up workday); March starts on a Sunday.
    const [february, march] = generateMonths('2026-02', 2, { queues });
    const assignments = allAssignments([february!, march!]);
    for (const [personId, rest] of shortestRests(assignments)) {
      expect(rest, personId).toBeGreaterThanOrEqual(2);
    }
    const lastOfFebruary = everyone(february!.days.at(-1)!);
    const firstTwoOfMarch = [...everyone(march!.days[0]!), ...everyone(march!.days[1]!)];
    for (const personId of lastOfFebruary) expect(firstTwoOfMarch).not.toContain(personId);
  });

  it('continues the rotation across the year end', () => {
    // December 2025: Wed 12-31 is the last workday; 2026-01-01..03 are 元旦
    // holidays and Sunday 01-04 is a make-up workday.
    const [december, january] = generateMonths('2025-12', 2, { queues });
    const lastWorkday = december!.days.filter((day) => day.dayType === 'workday').at(-1)!;
    expect(lastWorkday.date).toBe('2025-12-31');
    const lastIndex = commanders.findIndex((person) => person.personId === lastWorkday.commander?.personId);

    // The new fairness window starts empty, so the holiday of 01-01 goes to
    // the next commander in the queue rather than back to the first.
    const next = commanders[(lastIndex + 1) % commanders.length]!;
    expect(january!.days[0]?.commander?.personId).toBe(next.personId);
    expect(january!.fairnessReport.window).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(january!.gapReport).toEqual([]);
  });
});

describe('fairness over a year', () => {
  const rosters = generateMonths('2026-01', 12, { queues });
  const assignments = allAssignments(rosters);

  it('fills the whole year', () => {
    expect(rosters.flatMap((roster) => roster.gapReport)).toEqual([]);
    expect(rosters.flatMap((roster) => roster.warnings)).toEqual([]);
  });

  it('spreads holiday duties within one', () => {
    for (const [role, members] of Object.entries(queues) as [keyof typeof queues, typeof officers][]) {
      expect(spreadOf(countDuties(assignments, role, ['holiday'], members)), role).toBeLessThanOrEqual(1);
    }
  });

  it('spreads weekend duties within one', () => {
    for (const [role, members] of Object.entries(queues) as [keyof typeof queues, typeof officers][]) {
      expect(spreadOf(countDuties(assignments, role, ['weekend'], members)), role).toBeLessThanOrEqual(1);
    }
  });

  it('reports the same spread it produced', () => {
    const december = rosters.at(-1)!.fairnessReport;
    const officerReport = december.roles.find((entry) => entry.role === 'officer')!;
    expect(officerReport.spread.holiday).toBe(spreadOf(countDuties(assignments, 'officer', ['holiday'], officers)));
    expect(officerReport.spread.weekend).toBeLessThanOrEqual(1);
    const o01 = officerReport.people.find((entry) => entry.personId === 'O01')!;
    expect(o01.counts.total).toBe(assignments.filter((entry) => entry.personId === 'O01').length);
    expect(o01.baseline.total).toBe(0);
  });

  it('keeps total load close', () => {
    for (const entry of rosters.at(-1)!.fairnessReport.roles) {
      expect(entry.spread.total, entry.role).toBeLessThanOrEqual(3);
    }
  });
});

describe('sensitive periods in the roster', () => {
  it('staffs a sensitive period with two officers and spreads it', () => {
    // 2026-03-02 (Mon) to 03-13 (Fri) is a sensitive period of 12 days.
    const days = monthDays('2026-03', [{ name: '全国两会', startDate: '2026-03-02', endDate: '2026-03-13' }]);
    const roster = generateRoster({ month: '2026-03', days, queues });
    const sensitiveDays = roster.days.filter((day) => day.dayType === 'sensitive');
    expect(sensitiveDays).toHaveLength(12);
    for (const day of sensitiveDays) expect(day.officers, day.date).toHaveLength(2);
    const counts = countDuties(toPriorAssignments(roster), 'officer', ['sensitive'], officers);
    expect(spreadOf(counts)).toBeLessThanOrEqual(1);
  });

  it('uses the configured officer counts', () => {
    const roster = generateRoster({
      month: '2026-03',
      days: monthDays('2026-03'),
      queues,
      officersPerDay: { weekend: 3 },
      officersOnDate: { '2026-03-10': 2 },
    });
    expect(roster.days.find((day) => day.date === '2026-03-07')?.officers).toHaveLength(3);
    expect(roster.days.find((day) => day.date === '2026-03-10')?.officers).toHaveLength(2);
    expect(roster.days.find((day) => day.date === '2026-03-11')?.officers).toHaveLength(1);
  });
});

describe('mid-period joiner', () => {
  it('joins without catch-up load', () => {
    const firstHalf = generateMonths('2026-01', 5, { queues });
    const history = allAssignments(firstHalf);
    const joiner = { personId: 'O99', name: '新同志', joinedAt: '2026-06-01' };
    const june = generateRoster({
      month: '2026-06',
      days: monthDays('2026-06'),
      queues: { ...queues, officer: [...officers, joiner] },
      history,
    });

    const juneCounts = countDuties(toPriorAssignments(june), 'officer', ['workday', 'weekend', 'holiday'], [
      ...officers,
      joiner,
    ]);
    const othersMax = Math.max(...officers.map((person) => juneCounts.get(person.personId)!));
    expect(juneCounts.get('O99')).toBeGreaterThan(0);
    expect(juneCounts.get('O99')).toBeLessThanOrEqual(othersMax);

    const report = june.fairnessReport.roles.find((entry) => entry.role === 'officer')!;
    const joinerEntry = report.people.find((entry) => entry.personId === 'O99')!;
    const peerTotals = countDuties(history, 'officer', ['workday', 'weekend', 'holiday', 'makeup_workday'], officers);
    expect(joinerEntry.baseline.total).toBe(Math.min(...peerTotals.values()));
    expect(report.spread.weekend).toBeLessThanOrEqual(1);
  });
});

describe('locked days', () => {
  it('keeps locked days and plans around them', () => {
    const locked = [
      {
        date: '2026-03-01',
        commander: { personId: 'C04', name: 'C4' },
        shiftLeader: { personId: 'L07', name: 'L7' },
        officers: [
          { personId: 'O05', name: 'O5' },
          { personId: 'O06', name: 'O6' },
        ],
      },
      {
        date: '2026-03-02',
        commander: { personId: 'C01', name: 'C1' },
        shiftLeader: { personId: 'L01', name: 'L1' },
        officers: [{ personId: 'O01', name: 'O1' }],
      },
    ];
    const roster = generateRoster({ month: '2026-03', days: monthDays('2026-03'), queues, lockedDays: locked });

    expect(roster.days[0]).toMatchObject({ ...locked[0], locked: true });
    expect(roster.days[1]).toMatchObject({ ...locked[1], locked: true });
    expect(roster.days[2]?.locked).toBe(false);
    expect(roster.gapReport).toEqual([]);
    for (const [personId, rest] of shortestRests(toPriorAssignments(roster))) {
      expect(rest, personId).toBeGreaterThanOrEqual(2);
    }
  });

  it('respects rest before a locked day', () => {
    // O02 is locked on 03-05, so the generator must not use O02 on 03-03 or 03-04.
    const roster = generateRoster({
      month: '2026-03',
      days: monthDays('2026-03'),
      queues,
      lockedDays: [
        {
          date: '2026-03-05',
          commander: { personId: 'C06', name: 'C6' },
          shiftLeader: { personId: 'L10', name: 'L10' },
          officers: [{ personId: 'O02', name: 'O2' }],
        },
      ],
    });
    const nearby = roster.days.filter((day) => day.date >= '2026-03-03' && day.date <= '2026-03-07');
    expect(nearby.filter((day) => day.date !== '2026-03-05').flatMap(everyone)).not.toContain('O02');
  });

  it('reports a locked day missing a post', () => {
    const roster = generateRoster({
      month: '2026-03',
      days: monthDays('2026-03'),
      queues,
      lockedDays: [{ date: '2026-03-03', commander: { personId: 'C01', name: 'C1' }, shiftLeader: null, officers: [] }],
    });
    expect(roster.gapReport.map((issue) => issue.message)).toEqual(['2026-03-03 缺少值班长', '2026-03-03 缺少值班员 1 人']);
  });
});

describe('generateRoster input', () => {
  it('rejects a malformed month', () => {
    const generate = () => generateRoster({ month: '2026-3', days: [], queues });
    expect(generate).toThrow(RosterInputError);
    expect(generate).toThrow('月份“2026-3”无效，请填写 YYYY-MM 格式，例如 2026-03');
  });

  it('rejects a missing day', () => {
    const days = monthDays('2026-03').filter((day) => day.date !== '2026-03-15');
    expect(() => generateRoster({ month: '2026-03', days, queues })).toThrow('日历缺少 2026-03-15 的日期类型');
  });

  it('rejects a duplicate person', () => {
    const generate = () =>
      generateRoster({
        month: '2026-03',
        days: monthDays('2026-03'),
        queues: { ...queues, commander: [...commanders, commanders[0]!] },
      });
    expect(generate).toThrow('值班指挥长轮值名单中“C1”出现了两次');
  });

  it('rejects history inside the month', () => {
    const generate = () =>
      generateRoster({
        month: '2026-03',
        days: monthDays('2026-03'),
        queues,
        history: [{ date: '2026-03-02', role: 'officer', personId: 'O01', dayType: 'workday' }],
      });
    expect(generate).toThrow('请改为通过锁定日期（lockedDays）传入');
  });

  it('rejects a window not covering the month', () => {
    const generate = () =>
      generateRoster({
        month: '2026-03',
        days: monthDays('2026-03'),
        queues,
        fairnessWindow: { from: '2026-03-05', to: '2026-12-31' },
      });
    expect(generate).toThrow('均衡统计区间 2026-03-05 至 2026-12-31 未覆盖 2026-03');
  });

  it('rejects a negative rest', () => {
    expect(() => generateRoster({ month: '2026-03', days: monthDays('2026-03'), queues, minRestDays: -1 })).toThrow(
      '最小间隔天数“-1”无效',
    );
  });
});
