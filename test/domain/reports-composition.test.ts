import { describe, expect, it } from 'vitest';

import {
  adoptionStatistics,
  composeBulletin,
  earlySignVerificationDue,
  instructionFeedbackStatus,
  type BulletinSourceItem,
} from '../../src/domain/reports/index.js';
import { formatInstant } from '../../src/domain/time.js';

const TZ = 'Asia/Shanghai';
const at = (local: string): Date => new Date(`${local}+08:00`);
const show = (instant: Date | null): string | null => (instant ? formatInstant(instant, TZ) : null);

describe('composeBulletin', () => {
  const items: BulletinSourceItem[] = [
    { id: 'a', category: 'incidents', title: '龙华区一社区矫正对象脱管后找回', content: '已找回。', unitName: '龙华区司法局', submittedAt: at('2026-03-02T11:00:00') },
    { id: 'b', category: 'rule_of_law', title: '秀英区开展法治宣传', content: '活动三场。', unitName: '秀英区司法局', submittedAt: at('2026-03-02T09:30:00') },
    { id: 'c', category: 'incidents', title: '戒毒所组织应急演练', content: '演练顺利。', unitName: '海口市罗牛山强制隔离戒毒所', submittedAt: at('2026-03-02T08:45:00') },
    { id: 'd', category: 'other', title: '法律援助中心接待来访', content: '接待12人次。', unitName: '海口市法律援助中心', submittedAt: at('2026-03-02T14:59:59') },
  ];

  it('groups items by category in rule order', () => {
    const bulletin = composeBulletin(2026, 12, items);
    expect(bulletin.issueLabel).toBe('2026年第12期');
    expect(bulletin.sections.map((section) => section.heading)).toEqual(['一、法治建设', '二、案事件', '三、其他']);
    expect(bulletin.itemCount).toBe(4);
  });

  it('numbers items through the issue by submission time', () => {
    const bulletin = composeBulletin(2026, 1, items);
    const numbered = bulletin.sections.flatMap((section) => section.items.map((item) => [item.number, item.id]));
    expect(numbered).toEqual([[1, 'b'], [2, 'c'], [3, 'a'], [4, 'd']]);
  });

  it('gives an empty issue without sections', () => {
    const bulletin = composeBulletin(2026, 3, []);
    expect(bulletin.sections).toEqual([]);
    expect(bulletin.itemCount).toBe(0);
  });

  it('rejects an issue number below one', () => {
    expect(() => composeBulletin(2026, 0, items)).toThrow(/期号/);
  });
});

describe('adoptionStatistics', () => {
  const units = [
    { unitId: 'xiuying', unitName: '秀英区司法局' },
    { unitId: 'longhua', unitName: '龙华区司法局' },
    { unitId: 'meilan', unitName: '美兰区司法局' },
  ];

  it('counts adoptions and violations of the month only', () => {
    const rows = adoptionStatistics(
      '2026-03',
      units,
      [
        { unitId: 'xiuying', reportDate: '2026-03-02', status: 'adopted' },
        { unitId: 'xiuying', reportDate: '2026-03-03', status: 'returned' },
        { unitId: 'longhua', reportDate: '2026-03-31', status: 'adopted' },
        { unitId: 'longhua', reportDate: '2026-03-04', status: 'adopted' },
        { unitId: 'longhua', reportDate: '2026-04-01', status: 'adopted' },
        { unitId: 'meilan', reportDate: '2026-02-28', status: 'adopted' },
      ],
      [
        { unitId: 'meilan', reportDate: '2026-03-05', kind: 'missing' },
        { unitId: 'meilan', reportDate: '2026-03-06', kind: 'late' },
        { unitId: 'xiuying', reportDate: '2026-02-27', kind: 'late' },
      ],
    );
    expect(rows.map((row) => [row.unitId, row.rank, row.submitted, row.adopted, row.adoptionRate, row.late, row.missing])).toEqual([
      ['longhua', 1, 2, 2, 1, 0, 0],
      ['xiuying', 2, 2, 1, 0.5, 0, 0],
      ['meilan', 3, 0, 0, 0, 1, 1],
    ]);
  });

  it('gives tied units the same rank', () => {
    const rows = adoptionStatistics('2026-03', units, [
      { unitId: 'xiuying', reportDate: '2026-03-02', status: 'adopted' },
      { unitId: 'longhua', reportDate: '2026-03-02', status: 'adopted' },
    ], []);
    expect(rows.map((row) => row.rank)).toEqual([1, 1, 3]);
  });

  it('rejects a malformed month', () => {
    expect(() => adoptionStatistics('2026-13', units, [], [])).toThrow(/月份/);
  });
});

describe('instructionFeedbackStatus', () => {
  // Passed down Monday 2026-03-02 10:00; feedback due by 23:59:59 each day.
  const base = { passedDownAt: at('2026-03-02T10:00:00'), closedAt: null, timeZone: TZ };

  it('owes same-day feedback before it is overdue', () => {
    const status = instructionFeedbackStatus({ ...base, feedbackDates: [], now: at('2026-03-02T16:00:00') });
    expect(status.dueDate).toBe('2026-03-02');
    expect(show(status.dueAt)).toBe('2026-03-02T23:59:59+08:00');
    expect(status.overdue).toBe(false);
    expect(status.missedDates).toEqual([]);
  });

  it('is overdue once a day passes without feedback', () => {
    const status = instructionFeedbackStatus({ ...base, feedbackDates: ['2026-03-02'], now: at('2026-03-04T09:00:00') });
    expect(status.dueDate).toBe('2026-03-03');
    expect(status.overdue).toBe(true);
    expect(status.missedDates).toEqual(['2026-03-03']);
  });

  it('owes today after yesterday feedback', () => {
    const status = instructionFeedbackStatus({ ...base, feedbackDates: ['2026-03-02', '2026-03-03'], now: at('2026-03-04T09:00:00') });
    expect(status.dueDate).toBe('2026-03-04');
    expect(status.overdue).toBe(false);
  });

  it('owes nothing after closing', () => {
    const status = instructionFeedbackStatus({
      ...base,
      feedbackDates: ['2026-03-02'],
      closedAt: at('2026-03-03T11:00:00'),
      now: at('2026-03-06T09:00:00'),
    });
    expect(status.dueDate).toBeNull();
    expect(status.overdue).toBe(false);
  });

  it('honours a configured due time', () => {
    const status = instructionFeedbackStatus({ ...base, feedbackDates: [], now: at('2026-03-02T17:30:01'), dueTime: '17:30' });
    expect(show(status.dueAt)).toBe('2026-03-02T17:30:00+08:00');
    expect(status.overdue).toBe(true);
  });
});

describe('earlySignVerificationDue', () => {
  it('falls at the end of the reporting day', () => {
    expect(show(earlySignVerificationDue(at('2026-03-02T00:10:00'), TZ))).toBe('2026-03-02T23:59:59+08:00');
  });
});
