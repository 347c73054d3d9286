import { describe, expect, it } from 'vitest';

import {
  canFileZeroReport,
  dailyReportStatus,
  rectificationDeadline,
  reportDateWindow,
  type DailyReportStatusInput,
  type DailyReportSubmission,
} from '../../src/domain/reports/index.js';
import { formatInstant } from '../../src/domain/time.js';

const TZ = 'Asia/Shanghai';
const show = (instant: Date | null): string | null => (instant ? formatInstant(instant, TZ) : null);
const at = (time: string, date = '2026-03-02'): Date => new Date(`${date}T${time}+08:00`);

const UNITS = [
  { unitId: 'xiuying', unitName: '秀英区司法局' },
  { unitId: 'longhua', unitName: '龙华区司法局' },
  { unitId: 'qiongshan', unitName: '琼山区司法局' },
  { unitId: 'meilan', unitName: '美兰区司法局' },
  { unitId: 'rehab', unitName: '市罗牛山强制隔离戒毒所' },
];

function input(submissions: DailyReportSubmission[], now: string, overrides: Partial<DailyReportStatusInput> = {}) {
  return { date: '2026-03-02', units: UNITS, submissions, timeZone: TZ, now: at(now), ...overrides };
}

describe('dailyReportStatus', () => {
  // 2026-03-02 (Monday): units by 15:00, collection by 15:30, province by 16:00.
  const submissions: DailyReportSubmission[] = [
    { unitId: 'xiuying', kind: 'items', submittedAt: at('10:12:00') },
    { unitId: 'longhua', kind: 'zero', submittedAt: at('15:00:00') },
    { unitId: 'qiongshan', kind: 'zero', submittedAt: at('15:00:01') },
    { unitId: 'unknown-unit', kind: 'items', submittedAt: at('09:00:00') },
  ];

  it('gives each unit its status after the deadline', () => {
    const result = dailyReportStatus(input(submissions, '16:10:00'));

    expect(show(result.deadline)).toBe('2026-03-02T15:00:00+08:00');
    expect(show(result.collectionDeadline)).toBe('2026-03-02T15:30:00+08:00');
    expect(show(result.provinceDeadline)).toBe('2026-03-02T16:00:00+08:00');
    expect(result.overdue).toBe(true);
    expect(result.units.map((unit) => [unit.unitId, unit.status, show(unit.submittedAt)])).toEqual([
      ['xiuying', 'reported', '2026-03-02T10:12:00+08:00'],
      ['longhua', 'zero', '2026-03-02T15:00:00+08:00'],
      ['qiongshan', 'late', '2026-03-02T15:00:01+08:00'],
      ['meilan', 'missing', null],
      ['rehab', 'missing', null],
    ]);
    expect(result.units.every((unit) => unit.overdue)).toBe(true);
    expect(result.summary).toEqual({ total: 5, submitted: 3, missing: 2, late: 1 });
  });

  it('shows not yet reported before the deadline', () => {
    const result = dailyReportStatus(input(submissions.slice(0, 2), '14:00:00'));
    expect(result.overdue).toBe(false);
    const meilan = result.units.find((unit) => unit.unitId === 'meilan');
    expect(meilan).toMatchObject({ status: 'missing', overdue: false, submittedAt: null });
    expect(result.summary).toEqual({ total: 5, submitted: 2, missing: 3, late: 0 });
  });

  it.each<[string, boolean]>([
    ['14:59:59', false],
    ['15:00:00', false],
    ['15:00:01', true],
  ])('at %s overdue is %s', (now, overdue) => {
    expect(dailyReportStatus(input([], now)).overdue).toBe(overdue);
  });

  it.each<[string, DailyReportSubmission['kind'][], string[], string]>([
    ['zero then items on time', ['zero', 'items'], ['09:00:00', '11:00:00'], 'reported'],
    ['items then zero on time', ['items', 'zero'], ['09:00:00', '11:00:00'], 'reported'],
    ['zero on time, items late', ['zero', 'items'], ['09:00:00', '17:00:00'], 'reported'],
    ['only late items', ['items', 'items'], ['16:00:00', '17:00:00'], 'late'],
    ['listed out of order', ['items', 'zero'], ['17:00:00', '14:00:00'], 'reported'],
  ])('%s', (_case, kinds, times, status) => {
    const unitSubmissions = kinds.map((kind, i) => ({ unitId: 'meilan', kind, submittedAt: at(times[i]!) }));
    const result = dailyReportStatus(input(unitSubmissions, '18:00:00'));
    const meilan = result.units.find((unit) => unit.unitId === 'meilan')!;
    expect(meilan.status).toBe(status);
    expect(show(meilan.submittedAt)).toBe(show(at([...times].sort()[0]!)));
  });

  it('takes configured deadlines', () => {
    const result = dailyReportStatus(
      input([{ unitId: 'xiuying', kind: 'items', submittedAt: at('15:30:00') }], '18:00:00', {
        deadlines: { unitDeadline: '16:00', collectionDeadline: '16:30', provinceDeadline: '17:00' },
      }),
    );
    expect(show(result.deadline)).toBe('2026-03-02T16:00:00+08:00');
    expect(result.units[0]?.status).toBe('reported');
  });

  it('uses the calendar date of the deadline', () => {
    // A submission at 00:30 on 03-02 belongs to the 03-02 report, not to the duty day of 03-01.
    const result = dailyReportStatus(
      input([{ unitId: 'xiuying', kind: 'zero', submittedAt: at('00:30:00') }], '12:00:00'),
    );
    expect(result.date).toBe('2026-03-02');
    expect(result.units[0]?.status).toBe('zero');
  });

  it('returns an empty summary without units', () => {
    expect(dailyReportStatus(input([], '16:00:00', { units: [] })).summary).toEqual({
      total: 0,
      submitted: 0,
      missing: 0,
      late: 0,
    });
  });

  it.each<[string, Partial<DailyReportStatusInput>, RegExp]>([
    ['bad date', { date: '2026-13-01' }, /报送日期“2026-13-01”无效/],
    ['bad time', { deadlines: { unitDeadline: '3pm' } }, /单位报送截止时间“3pm”无效/],
    ['wrong order', { deadlines: { unitDeadline: '16:30' } }, /截止时间顺序无效/],
  ])('rejects %s', (_case, overrides, message) => {
    expect(() => dailyReportStatus(input([], '12:00:00', overrides))).toThrow(message);
  });
});

describe('canFileZeroReport', () => {
  it.each<[boolean, boolean, boolean]>([
    [false, false, true],
    [true, false, false],
    [false, true, false],
    [true, true, false],
  ])('incident %s, items %s gives %s', (incident, items, allowed) => {
    expect(canFileZeroReport(incident, items)).toBe(allowed);
  });

  it('defaults to no items', () => {
    expect(canFileZeroReport(false)).toBe(true);
  });
});

describe('rectificationDeadline', () => {
  // March 2026:  Mo 2  Tu 3  We 4  Th 5  Fr 6  Sa 7  Su 8  Mo 9  Tu 10
  it.each<[string, string]>([
    ['2026-03-02', '2026-03-05'],
    ['2026-03-04', '2026-03-09'],
    ['2026-03-06', '2026-03-11'],
    ['2026-03-07', '2026-03-11'],
  ])('report date %s is due %s', (reportDate, dueDate) => {
    const result = rectificationDeadline(reportDate, TZ);
    expect(result.dueDate).toBe(dueDate);
    expect(show(result.dueAt)).toBe(`${dueDate}T23:59:59+08:00`);
  });

  it('skips holidays from the calendar', () => {
    // 2026-10-01 to 10-07 National Day holiday; 10-10 (Saturday) a make-up workday in this test calendar.
    const holidays = new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']);
    const makeUp = new Set(['2026-10-10']);
    const isWorkingDay = (date: string): boolean => {
      if (holidays.has(date)) return false;
      if (makeUp.has(date)) return true;
      const day = new Date(`${date}T00:00:00Z`).getUTCDay();
      return day >= 1 && day <= 5;
    };
    const result = rectificationDeadline('2026-09-30', TZ, { isWorkingDay, dueTime: '17:30' });
    expect(result.dueDate).toBe('2026-10-10');
    expect(show(result.dueAt)).toBe('2026-10-10T17:30:00+08:00');
  });

  it('takes a configured number of days', () => {
    expect(rectificationDeadline('2026-03-02', TZ, { workingDays: 5 }).dueDate).toBe('2026-03-09');
  });

  it.each<[string, Parameters<typeof rectificationDeadline>[2], RegExp]>([
    ['zero days', { workingDays: 0 }, /整改期限“0”无效/],
    ['bad time', { dueTime: '25:00' }, /整改截止时间“25:00”无效/],
    ['no working days', { isWorkingDay: () => false }, /一年内没有工作日/],
  ])('rejects %s', (_case, config, message) => {
    expect(() => rectificationDeadline('2026-03-02', TZ, config)).toThrow(message);
  });
});

describe('reportDateWindow', () => {
  it('spans 31 days before the duty date', () => {
    expect(reportDateWindow('2026-11-20', '2026-11-20')).toEqual({ earliest: '2026-10-20', latest: '2026-11-20' });
  });

  it('crosses a short February', () => {
    expect(reportDateWindow('2026-03-11', '2026-03-11')).toEqual({ earliest: '2026-02-08', latest: '2026-03-11' });
  });

  it('keeps the calendar date before handover', () => {
    expect(reportDateWindow('2026-11-20', '2026-11-21')).toEqual({ earliest: '2026-10-20', latest: '2026-11-21' });
  });
});
