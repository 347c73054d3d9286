import { describe, expect, it } from 'vitest';
import {
  nextMonth,
  planStandbyRotation,
  previousMonth,
  submissionDeadline,
  submissionDeadlineDate,
  submissionStatus,
} from '../../src/server/submissions/submission-rules.js';

const zone = 'Asia/Shanghai';
const haikou = { deadlineDay: 26, deadlineTime: '17:00' };

describe('submission deadline', () => {
  it('is 17:00 on the 26th of the month before', () => {
    expect(submissionDeadline('2026-04', haikou, zone).toISOString()).toBe('2026-03-26T09:00:00.000Z');
  });

  it('crosses the year end', () => {
    expect(submissionDeadlineDate('2027-01', haikou)).toBe('2026-12-26');
    expect(previousMonth('2027-01')).toBe('2026-12');
    expect(nextMonth('2026-12')).toBe('2027-01');
  });

  it('clamps a late day to the month end', () => {
    // February 2026 has 28 days, so day 31 means 2026-02-28.
    expect(submissionDeadlineDate('2026-03', { deadlineDay: 31, deadlineTime: '17:00' })).toBe('2026-02-28');
  });
});

describe('submission status', () => {
  const deadline = new Date('2026-03-26T17:00:00+08:00');

  it('counts 17:00:00 exactly as on time', () => {
    expect(submissionStatus(new Date('2026-03-26T17:00:00+08:00'), deadline, new Date('2026-03-27T09:00:00+08:00'))).toBe('submitted');
  });

  it('counts one second after as late', () => {
    expect(submissionStatus(new Date('2026-03-26T17:00:01+08:00'), deadline, new Date('2026-03-27T09:00:00+08:00'))).toBe('late');
  });

  it('is pending until the deadline passes', () => {
    expect(submissionStatus(null, deadline, new Date('2026-03-26T17:00:00+08:00'))).toBe('pending');
    expect(submissionStatus(null, deadline, new Date('2026-03-26T17:00:01+08:00'))).toBe('missing');
  });
});

describe('standby rotation', () => {
  it('fills free dates in turn', () => {
    const dates = ['2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04'];
    const plan = planStandbyRotation(dates, ['a', 'b'], new Set(['2026-04-02']));
    expect(plan).toEqual([
      { date: '2026-04-01', personId: 'a' },
      { date: '2026-04-03', personId: 'b' },
      { date: '2026-04-04', personId: 'a' },
    ]);
  });

  it('plans nothing without people', () => {
    expect(planStandbyRotation(['2026-04-01'], [], new Set())).toEqual([]);
  });
});
