import { describe, expect, it } from 'vitest';

import {
  CalendarInputError,
  classifyDay,
  classifyRange,
  createCalendarContext,
  DEFAULT_OFFICERS_PER_DAY,
  dutyLevelOf,
  dutyLevelRequirement,
  officersPerDay,
  onSiteHoursRequired,
} from '../../src/domain/calendar/index.js';

const context = createCalendarContext();

describe('classifyDay with the built-in table', () => {
  // January 2025           February 2025
  // Su Mo Tu We Th Fr Sa   Su Mo Tu We Th Fr Sa
  //           1  2  3  4                      1
  // 26 27 28 29 30 31       2  3  4  5  6  7  8
  // 1/1 元旦; 1/28-2/4 春节; Sunday 1/26 and Saturday 2/8 are make-up workdays.
  it('marks make-up workdays outside the holiday block', () => {
    for (const date of ['2025-01-26', '2025-02-08', '2026-01-04', '2026-02-28', '2026-10-10']) {
      const day = classifyDay(date, context);
      expect(day.dayType, date).toBe('makeup_workday');
      expect(day.dutyLevel, date).toBe('in_post');
      expect(day.name, date).toBeNull();
      expect(day.official, date).toBe(true);
    }
    expect(classifyDay('2025-02-08', context).festival).toBe('春节');
    expect(classifyDay('2026-10-10', context).festival).toBe('国庆节');
  });

  it('names holidays by festival', () => {
    expect(classifyDay('2025-01-28', context)).toEqual({
      date: '2025-01-28',
      dayType: 'holiday',
      dutyLevel: 'three_level',
      name: '春节',
      festival: '春节',
      official: true,
    });
    expect(classifyDay('2025-10-06', context).name).toBe('中秋节');
    expect(classifyDay('2025-10-08', context).name).toBe('国庆节');
    expect(classifyDay('2026-06-19', context).name).toBe('端午节');
  });

  // December 2025 / January 2026
  // Su Mo Tu We Th Fr Sa
  // 28 29 30 31  1  2  3     1/1-1/3 元旦 holiday
  //  4  5                    1/4 Sunday make-up workday
  it('crosses the year boundary', () => {
    const days = classifyRange('2025-12-31', '2026-01-05', context);
    expect(days.map((day) => [day.date, day.dayType, day.dutyLevel, day.name])).toEqual([
      ['2025-12-31', 'workday', 'in_post', null],
      ['2026-01-01', 'holiday', 'three_level', '元旦'],
      ['2026-01-02', 'holiday', 'three_level', '元旦'],
      ['2026-01-03', 'holiday', 'three_level', '元旦'],
      ['2026-01-04', 'makeup_workday', 'in_post', null],
      ['2026-01-05', 'workday', 'in_post', null],
    ]);
    expect(days.every((day) => day.official)).toBe(true);
  });

  it('classifies ordinary weekends and workdays', () => {
    // 2026-03-07 is a Saturday, 2026-03-09 a Monday.
    expect(classifyDay('2026-03-07', context)).toMatchObject({ dayType: 'weekend', dutyLevel: 'two_level', name: null });
    expect(classifyDay('2026-03-09', context)).toMatchObject({ dayType: 'workday', dutyLevel: 'in_post', name: null });
  });

  it('falls back to the weekday rule in 2027', () => {
    // 2027-01-01 is a Friday, 2027-01-02 a Saturday; no 2027 arrangement is loaded.
    expect(classifyDay('2027-01-01', context)).toEqual({
      date: '2027-01-01',
      dayType: 'workday',
      dutyLevel: 'in_post',
      name: null,
      festival: null,
      official: false,
    });
    expect(classifyDay('2027-01-02', context)).toMatchObject({ dayType: 'weekend', official: false });
    expect(classifyDay('2024-10-01', context)).toMatchObject({ dayType: 'workday', official: false });
  });
});

describe('sensitive periods', () => {
  // September/October 2026
  // Su Mo Tu We Th Fr Sa
  // 20 21 22 23 24 25 26    9/20 make-up workday; 9/25-9/27 中秋节
  // 27 28 29 30  1  2  3    10/1-10/7 国庆节
  const sensitive = createCalendarContext({
    sensitivePeriods: [{ id: 's1', name: '国庆安保', startDate: '2026-09-19', endDate: '2026-10-02' }],
  });

  it('turns a weekend into a sensitive day', () => {
    expect(classifyDay('2026-09-19', sensitive)).toMatchObject({
      dayType: 'sensitive',
      dutyLevel: 'three_level',
      name: '国庆安保',
    });
  });

  it('turns a make-up workday into a sensitive day', () => {
    expect(classifyDay('2026-09-20', sensitive)).toMatchObject({
      dayType: 'sensitive',
      dutyLevel: 'three_level',
      name: '国庆安保',
      festival: '国庆节',
    });
  });

  it('turns a workday into a sensitive day', () => {
    expect(classifyDay('2026-09-22', sensitive)).toMatchObject({ dayType: 'sensitive', name: '国庆安保' });
  });

  it('leaves a holiday a holiday', () => {
    expect(classifyDay('2026-09-25', sensitive)).toMatchObject({ dayType: 'holiday', name: '中秋节' });
    expect(classifyDay('2026-10-01', sensitive)).toMatchObject({ dayType: 'holiday', name: '国庆节' });
  });

  it('ends on its end date', () => {
    // 2026-10-08 is a Thursday after the National Day block.
    expect(classifyDay('2026-10-08', sensitive)).toMatchObject({ dayType: 'workday', name: null });
  });

  it('names an overlap by the earlier start', () => {
    const overlapping = createCalendarContext({
      sensitivePeriods: [
        { name: '两会', startDate: '2026-03-04', endDate: '2026-03-12' },
        { name: '全国两会前期', startDate: '2026-03-01', endDate: '2026-03-05' },
      ],
    });
    expect(classifyDay('2026-03-05', overlapping).name).toBe('全国两会前期');
    expect(classifyDay('2026-03-06', overlapping).name).toBe('两会');
  });

  it('rejects an end before the start', () => {
    const create = () =>
      createCalendarContext({ sensitivePeriods: [{ name: '安保', startDate: '2026-05-10', endDate: '2026-05-01' }] });
    expect(create).toThrow(CalendarInputError);
    expect(create).toThrow('重要敏感时期“安保”的结束日期 2026-05-01 早于开始日期 2026-05-10');
  });
});

describe('administrator overrides', () => {
  it('replaces a built-in date', () => {
    const edited = createCalendarContext({
      overrides: [
        { date: '2026-02-14', dayType: 'weekend', name: null },
        { date: '2026-03-09', dayType: 'holiday', name: '临时调整' },
      ],
    });
    expect(classifyDay('2026-02-14', edited)).toMatchObject({ dayType: 'weekend', dutyLevel: 'two_level' });
    expect(classifyDay('2026-03-09', edited)).toMatchObject({ dayType: 'holiday', name: '临时调整' });
    expect(classifyDay('2026-02-28', edited).dayType).toBe('makeup_workday');
  });

  it('loads an arrangement for a new year', () => {
    const loaded = createCalendarContext({
      arrangements: [{ year: 2027, festivals: [{ festival: '元旦', holidays: ['2027-01-01'], makeupWorkdays: [] }] }],
    });
    expect(classifyDay('2027-01-01', loaded)).toMatchObject({ dayType: 'holiday', name: '元旦', official: true });
    expect(classifyDay('2027-01-04', loaded)).toMatchObject({ dayType: 'workday', official: true });
    // Passing arrangements replaces the built-in table.
    expect(classifyDay('2026-01-01', loaded)).toMatchObject({ dayType: 'workday', official: false });
  });

  it('keeps an override year unofficial', () => {
    const edited = createCalendarContext({ overrides: [{ date: '2027-02-06', dayType: 'holiday', name: '春节' }] });
    expect(classifyDay('2027-02-06', edited)).toMatchObject({ dayType: 'holiday', official: false });
  });

  it('rejects an invalid override date', () => {
    expect(() => createCalendarContext({ overrides: [{ date: '2026-02-30', dayType: 'holiday', name: null }] })).toThrow(
      '节假日调整第 1 条的日期“2026-02-30”无效',
    );
  });

  it('rejects an arrangement date from another year', () => {
    const create = () =>
      createCalendarContext({
        arrangements: [{ year: 2027, festivals: [{ festival: '元旦', holidays: ['2026-01-01'], makeupWorkdays: [] }] }],
      });
    expect(create).toThrow('2027 年“元旦”的日期“2026-01-01”无效');
  });
});

describe('classifyRange input', () => {
  it('rejects a reversed range', () => {
    expect(() => classifyRange('2026-03-10', '2026-03-01', context)).toThrow('结束日期 2026-03-01 早于开始日期 2026-03-10');
  });

  it('rejects a range over two years', () => {
    expect(() => classifyRange('2025-01-01', '2027-12-31', context)).toThrow(CalendarInputError);
  });

  it('rejects a malformed date', () => {
    expect(() => classifyDay('2026-3-1', context)).toThrow('日期“2026-3-1”无效');
  });
});

describe('duty levels', () => {
  it('follows the day type', () => {
    expect(dutyLevelOf('workday')).toBe('in_post');
    expect(dutyLevelOf('makeup_workday')).toBe('in_post');
    expect(dutyLevelOf('weekend')).toBe('two_level');
    expect(dutyLevelOf('holiday')).toBe('three_level');
    expect(dutyLevelOf('sensitive')).toBe('three_level');
  });

  it('requires on-site hours per role', () => {
    expect(onSiteHoursRequired('in_post')).toEqual({ commander: 0, shiftLeader: 0, officer: 24 });
    expect(onSiteHoursRequired('two_level')).toEqual({ commander: 0, shiftLeader: 8, officer: 24 });
    expect(onSiteHoursRequired('three_level')).toEqual({ commander: 8, shiftLeader: 24, officer: 24 });
    expect(dutyLevelRequirement('two_level').description).toContain('值班长 8 小时在岗值班');
  });

  it('returns a copy of the hours', () => {
    const hours = onSiteHoursRequired('in_post');
    hours.officer = 0;
    expect(onSiteHoursRequired('in_post').officer).toBe(24);
  });

  it('sets officers per day', () => {
    expect(DEFAULT_OFFICERS_PER_DAY).toEqual({ workday: 1, makeup_workday: 1, weekend: 2, holiday: 2, sensitive: 2 });
    expect(officersPerDay('sensitive', { sensitive: 3 })).toBe(3);
    expect(officersPerDay('weekend', { sensitive: 3 })).toBe(2);
  });
});
