import { describe, expect, it } from 'vitest';

import {
  assessReport,
  checkIncidentTimes,
  chineseNumeral,
  countdown,
  FINAL_REPORT_LABEL,
  followUpLabel,
  missingElements,
  needsWrittenSupplement,
  reportDeadline,
  verificationDeadline,
  writtenSupplementDeadline,
  type IncidentGrade,
} from '../../src/domain/incidents/index.js';
import { dutyDateOf, formatInstant } from '../../src/domain/time.js';

const TZ = 'Asia/Shanghai';
const at = (iso: string): Date => new Date(iso);
const show = (instant: Date): string => formatInstant(instant, TZ);

describe('reportDeadline', () => {
  // Duty day 2026-02-16 runs from 02-16 08:30 to 02-17 08:30 (UTC+8).
  //   22:30 occurred · 23:40 discovered · 01:40 (02-17) report due · 08:30 handover
  it('gives 2 hours after a late-evening discovery', () => {
    const discoveredAt = at('2026-02-16T23:40:00+08:00');
    const deadline = reportDeadline(discoveredAt, 'general');
    expect(show(deadline)).toBe('2026-02-17T01:40:00+08:00');
    expect(dutyDateOf(discoveredAt, TZ, '08:30')).toBe('2026-02-16');
    expect(dutyDateOf(deadline, TZ, '08:30')).toBe('2026-02-16');
  });

  it('gives 1 hour for especially major incidents', () => {
    const deadline = reportDeadline(at('2026-02-16T22:45:00+08:00'), 'especially_major');
    expect(show(deadline)).toBe('2026-02-16T23:45:00+08:00');
  });

  it.each<[IncidentGrade, string]>([
    ['general', '2026-03-02T12:00:00+08:00'],
    ['larger', '2026-03-02T12:00:00+08:00'],
    ['major', '2026-03-02T12:00:00+08:00'],
    ['especially_major', '2026-03-02T11:00:00+08:00'],
  ])('grade %s is due at %s', (grade, expected) => {
    expect(show(reportDeadline(at('2026-03-02T10:00:00+08:00'), grade))).toBe(expected);
  });

  it('rejects an unknown grade', () => {
    expect(() => reportDeadline(at('2026-03-02T10:00:00+08:00'), 'huge' as IncidentGrade)).toThrow(
      /事件等级“huge”无效/,
    );
  });

  it('rejects an invalid discovery time', () => {
    expect(() => reportDeadline(new Date('not a date'), 'general')).toThrow(/「发现时间」/);
  });
});

describe('assessReport', () => {
  const discoveredAt = at('2026-02-16T23:40:00+08:00');

  it.each<[string, string, boolean, number]>([
    ['well before', '2026-02-17T00:10:00+08:00', false, 0],
    ['exactly at the deadline', '2026-02-17T01:40:00+08:00', false, 0],
    ['one second after', '2026-02-17T01:40:01+08:00', true, 1],
    ['59 seconds after', '2026-02-17T01:40:59+08:00', true, 1],
    ['one minute after', '2026-02-17T01:41:00+08:00', true, 1],
    ['35 minutes after', '2026-02-17T02:15:00+08:00', true, 35],
    ['3 hours 20 minutes after', '2026-02-17T05:00:00+08:00', true, 200],
  ])('general report %s', (_case, received, late, delayMinutes) => {
    const result = assessReport({ discoveredAt, receivedAt: at(received), grade: 'general' });
    expect(show(result.deadline)).toBe('2026-02-17T01:40:00+08:00');
    expect(result.late).toBe(late);
    expect(result.delayMinutes).toBe(delayMinutes);
  });

  it('marks a late especially major report', () => {
    const result = assessReport({
      discoveredAt: at('2026-02-16T22:45:00+08:00'),
      receivedAt: at('2026-02-17T00:30:00+08:00'),
      grade: 'especially_major',
    });
    expect(show(result.deadline)).toBe('2026-02-16T23:45:00+08:00');
    expect(result.late).toBe(true);
    expect(result.delayMinutes).toBe(45);
  });
});

describe('writtenSupplementDeadline', () => {
  it('extends the window from the phone report', () => {
    const due = writtenSupplementDeadline({
      discoveredAt: at('2026-02-16T23:40:00+08:00'),
      phoneReportedAt: at('2026-02-17T00:05:00+08:00'),
      grade: 'general',
    });
    expect(show(due)).toBe('2026-02-17T02:05:00+08:00');
  });

  it('never ends before the report deadline', () => {
    const due = writtenSupplementDeadline(
      {
        discoveredAt: at('2026-02-16T23:40:00+08:00'),
        phoneReportedAt: at('2026-02-16T23:45:00+08:00'),
        grade: 'general',
      },
      { minutesAfterPhoneReport: 30 },
    );
    expect(show(due)).toBe('2026-02-17T01:40:00+08:00');
  });

  it('uses 1 hour for especially major incidents', () => {
    const due = writtenSupplementDeadline({
      discoveredAt: at('2026-02-16T22:45:00+08:00'),
      phoneReportedAt: at('2026-02-16T23:30:00+08:00'),
      grade: 'especially_major',
    });
    expect(show(due)).toBe('2026-02-17T00:30:00+08:00');
  });

  it('takes a configured window', () => {
    const due = writtenSupplementDeadline(
      {
        discoveredAt: at('2026-02-16T10:00:00+08:00'),
        phoneReportedAt: at('2026-02-16T11:00:00+08:00'),
        grade: 'major',
      },
      { minutesAfterPhoneReport: 240 },
    );
    expect(show(due)).toBe('2026-02-16T15:00:00+08:00');
  });

  it('rejects a non-positive window', () => {
    expect(() =>
      writtenSupplementDeadline(
        {
          discoveredAt: at('2026-02-16T10:00:00+08:00'),
          phoneReportedAt: at('2026-02-16T11:00:00+08:00'),
          grade: 'major',
        },
        { minutesAfterPhoneReport: 0 },
      ),
    ).toThrow(/书面补报时限“0”无效/);
  });
});

describe('needsWrittenSupplement', () => {
  it.each([
    ['phone', true],
    ['written', false],
    ['system', false],
  ] as const)('%s gives %s', (channel, needed) => {
    expect(needsWrittenSupplement(channel)).toBe(needed);
  });
});

describe('verificationDeadline', () => {
  it.each<[string, string, IncidentGrade, string]>([
    ['late evening, same duty day', '2026-02-16T23:40:00+08:00', 'general', '2026-02-17T08:30:00+08:00'],
    ['after handover', '2026-02-16T09:00:00+08:00', 'general', '2026-02-17T08:30:00+08:00'],
    ['report due after the next handover', '2026-02-17T07:00:00+08:00', 'general', '2026-02-18T08:30:00+08:00'],
    ['report due at the handover', '2026-02-17T06:30:00+08:00', 'general', '2026-02-18T08:30:00+08:00'],
    ['report due a minute before handover', '2026-02-17T06:29:00+08:00', 'general', '2026-02-17T08:30:00+08:00'],
    ['especially major before handover', '2026-02-17T07:00:00+08:00', 'especially_major', '2026-02-17T08:30:00+08:00'],
  ])('duty day: %s', (_case, discovered, grade, expected) => {
    const due = verificationDeadline({ discoveredAt: at(discovered), grade }, TZ);
    expect(show(due)).toBe(expected);
  });

  it('ends the calendar day when configured', () => {
    const due = verificationDeadline(
      { discoveredAt: at('2026-02-16T20:00:00+08:00'), grade: 'general' },
      TZ,
      { dayBoundary: 'calendar_day' },
    );
    expect(show(due)).toBe('2026-02-17T00:00:00+08:00');
  });

  it('follows a configured handover time', () => {
    const due = verificationDeadline(
      { discoveredAt: at('2026-02-16T23:40:00+08:00'), grade: 'general' },
      TZ,
      { handoverTime: '09:00' },
    );
    expect(show(due)).toBe('2026-02-17T09:00:00+08:00');
  });
});

describe('followUpLabel', () => {
  it.each<[number, string]>([
    [1, '续报一'],
    [2, '续报二'],
    [9, '续报九'],
    [10, '续报十'],
    [11, '续报十一'],
    [19, '续报十九'],
    [20, '续报二十'],
    [21, '续报二十一'],
    [99, '续报九十九'],
    [100, '续报一百'],
    [101, '续报一百零一'],
    [110, '续报一百一十'],
    [1001, '续报一千零一'],
    [1010, '续报一千零一十'],
  ])('labels follow-up %i as %s', (n, label) => {
    expect(followUpLabel(n)).toBe(label);
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects %s', (n) => {
    expect(() => followUpLabel(n)).toThrow(/续报序号/);
  });

  it('names the final report', () => {
    expect(FINAL_REPORT_LABEL).toBe('终报');
  });

  it('limits numerals to 9999', () => {
    expect(chineseNumeral(9999)).toBe('九千九百九十九');
    expect(() => chineseNumeral(10000)).toThrow(/1 至 9999/);
  });
});

describe('missingElements', () => {
  const complete = {
    place: '美兰区某社区矫正中心',
    facts: '一名社区矫正对象失联',
    casualties: '无',
    measures: '已组织人员查找',
    reporterName: '王某',
    reporterContact: '0898-0000000',
    onSiteCommanderName: '李某',
    onSiteCommanderContact: '0898-0000001',
    publicOpinion: '暂无',
    background: '该对象此前按时报到',
  };

  it('lists basic elements for a general incident', () => {
    expect(missingElements({ grade: 'general' })).toEqual([
      '地点',
      '基本情况',
      '伤亡和损失情况',
      '已采取的措施',
      '报告人及联系方式',
    ]);
  });

  it('adds major-incident elements', () => {
    expect(missingElements({ grade: 'major', ...complete, onSiteCommanderContact: ' ', publicOpinion: null })).toEqual([
      '现场指挥员及联系方式',
      '网上舆情',
    ]);
  });

  it('does not require commander for a larger incident', () => {
    const { onSiteCommanderName: _name, ...withoutCommander } = complete;
    expect(missingElements({ grade: 'larger', ...withoutCommander })).toEqual([]);
  });

  it('treats blank text as missing', () => {
    expect(missingElements({ grade: 'general', ...complete, place: '  \n' })).toEqual(['地点']);
  });

  it('returns nothing when complete', () => {
    expect(missingElements({ grade: 'especially_major', ...complete })).toEqual([]);
  });

  it('takes a custom list', () => {
    expect(
      missingElements({ grade: 'general', ...complete }, [{ name: '发展趋势', fields: ['trend'] }]),
    ).toEqual(['发展趋势']);
  });
});

describe('countdown', () => {
  const deadline = at('2026-02-17T01:40:00+08:00');

  it.each<[string, number, 'ok' | 'due_soon' | 'overdue']>([
    ['2026-02-16T23:40:00+08:00', 7200, 'ok'],
    ['2026-02-17T01:24:59+08:00', 901, 'ok'],
    ['2026-02-17T01:25:00+08:00', 900, 'due_soon'],
    ['2026-02-17T01:39:59+08:00', 1, 'due_soon'],
    ['2026-02-17T01:40:00+08:00', 0, 'due_soon'],
    ['2026-02-17T01:40:01+08:00', -1, 'overdue'],
    ['2026-02-17T02:40:00+08:00', -3600, 'overdue'],
  ])('at %s', (now, remainingSeconds, state) => {
    expect(countdown(deadline, at(now))).toEqual({ remainingSeconds, state });
  });

  it('takes a configured warning lead', () => {
    expect(countdown(deadline, at('2026-02-17T01:20:00+08:00'), { warningLeadMinutes: 30 }).state).toBe(
      'due_soon',
    );
    expect(countdown(deadline, at('2026-02-17T01:20:00+08:00'), { warningLeadMinutes: 0 }).state).toBe('ok');
  });

  it('rejects a negative warning lead', () => {
    expect(() => countdown(deadline, deadline, { warningLeadMinutes: -1 })).toThrow(/提前提醒时间/);
  });
});

describe('checkIncidentTimes', () => {
  const now = at('2026-02-17T02:00:00+08:00');

  it('accepts ordered times', () => {
    const problems = checkIncidentTimes(
      {
        occurredAt: at('2026-02-16T22:30:00+08:00'),
        discoveredAt: at('2026-02-16T23:40:00+08:00'),
        receivedAt: at('2026-02-17T00:10:00+08:00'),
      },
      now,
    );
    expect(problems).toEqual([]);
  });

  it('rejects discovery before occurrence', () => {
    const problems = checkIncidentTimes(
      {
        occurredAt: at('2026-02-16T23:40:00+08:00'),
        discoveredAt: at('2026-02-16T22:30:00+08:00'),
        receivedAt: at('2026-02-17T00:10:00+08:00'),
      },
      now,
    );
    expect(problems.map((problem) => problem.field)).toEqual(['discoveredAt']);
    expect(problems[0]?.message).toContain('「发现时间」早于「发生时间」');
  });

  it('rejects receipt before discovery', () => {
    const problems = checkIncidentTimes(
      {
        occurredAt: at('2026-02-16T22:30:00+08:00'),
        discoveredAt: at('2026-02-16T23:40:00+08:00'),
        receivedAt: at('2026-02-16T23:00:00+08:00'),
      },
      now,
    );
    expect(problems.map((problem) => problem.field)).toEqual(['receivedAt']);
  });

  it('rejects times in the future', () => {
    const problems = checkIncidentTimes(
      {
        occurredAt: at('2026-02-16T22:30:00+08:00'),
        discoveredAt: at('2026-02-16T23:40:00+08:00'),
        receivedAt: at('2026-02-17T02:06:00+08:00'),
      },
      now,
    );
    expect(problems.map((problem) => problem.field)).toEqual(['receivedAt']);
    expect(problems[0]?.message).toContain('晚于当前时间');
  });

  it('rejects invalid dates', () => {
    const problems = checkIncidentTimes(
      { occurredAt: new Date('x'), discoveredAt: now, receivedAt: now },
      now,
    );
    expect(problems).toEqual([{ field: 'occurredAt', message: '「发生时间」不是有效的时间，请重新填写。' }]);
  });
});
