import { describe, expect, it } from 'vitest';
import {
  closureBlocker,
  defaultReminderIntervals,
  documentStatusOf,
  duplicateKeyOf,
  formatSerial,
  isReminderDue,
  missingPhoneRecordFields,
  minutesWaiting,
  nextReminderDue,
  phoneRecordToIncidentDraft,
  serialYearOf,
} from '../../src/domain/documents/index.js';

const tz = 'Asia/Shanghai';

describe('document serial numbers', () => {
  it('pads to four digits', () => {
    expect(formatSerial(2026, 1)).toBe('2026-0001');
    expect(formatSerial(2026, 123)).toBe('2026-0123');
    expect(formatSerial(2026, 10000)).toBe('2026-10000');
  });

  it('takes the year in the center time zone', () => {
    expect(serialYearOf(new Date('2026-12-31T23:59:00+08:00'), tz)).toBe(2026);
    expect(serialYearOf(new Date('2027-01-01T00:01:00+08:00'), tz)).toBe(2027);
    // 16:30 UTC on 31 December is already 1 January in Haikou.
    expect(serialYearOf(new Date('2026-12-31T16:30:00Z'), tz)).toBe(2027);
    expect(serialYearOf(new Date('2026-12-31T15:59:59Z'), tz)).toBe(2026);
  });
});

describe('duplicate key', () => {
  it('treats bracket and space variants as one number', () => {
    const key = duplicateKeyOf('海南省司法厅', '琼司发〔2026〕12号');
    expect(duplicateKeyOf('海南省司法厅', '琼司发[2026]12号')).toBe(key);
    expect(duplicateKeyOf('海南省司法厅', '琼司发（2026）12 号')).toBe(key);
    expect(duplicateKeyOf(' 海南省司法厅 ', '琼司发〔２０２６〕１２号')).toBe(key);
  });

  it('keeps different senders and numbers apart', () => {
    expect(duplicateKeyOf('海南省司法厅', '琼司发〔2026〕12号')).not.toBe(duplicateKeyOf('海口市公安局', '琼司发〔2026〕12号'));
    expect(duplicateKeyOf('海南省司法厅', '琼司发〔2026〕12号')).not.toBe(duplicateKeyOf('海南省司法厅', '琼司发〔2026〕13号'));
  });

  it('is null without a reference number', () => {
    expect(duplicateKeyOf('海南省司法厅', null)).toBeNull();
    expect(duplicateKeyOf('海南省司法厅', '  ')).toBeNull();
  });
});

describe('reminders', () => {
  const notified = new Date('2026-03-10T09:00:00+08:00');

  it('uses the interval of the urgency', () => {
    expect(nextReminderDue('extra_urgent', notified, null, defaultReminderIntervals)).toEqual(new Date('2026-03-10T09:30:00+08:00'));
    expect(nextReminderDue('urgent', notified, null, defaultReminderIntervals)).toEqual(new Date('2026-03-10T11:00:00+08:00'));
    expect(nextReminderDue('normal', notified, null, defaultReminderIntervals)).toEqual(new Date('2026-03-11T09:00:00+08:00'));
  });

  it('counts from the last reminder', () => {
    const last = new Date('2026-03-10T09:47:00+08:00');
    expect(nextReminderDue('extra_urgent', notified, last, defaultReminderIntervals)).toEqual(new Date('2026-03-10T10:17:00+08:00'));
  });

  it('honours configured intervals', () => {
    expect(nextReminderDue('urgent', notified, null, { extra_urgent: 10, urgent: 45, normal: 600 })).toEqual(new Date('2026-03-10T09:45:00+08:00'));
  });

  it('is due at the due time, not before', () => {
    const due = new Date('2026-03-10T09:30:00+08:00');
    expect(isReminderDue(due, new Date('2026-03-10T09:29:59+08:00'))).toBe(false);
    expect(isReminderDue(due, due)).toBe(true);
  });

  it('counts minutes waiting', () => {
    expect(minutesWaiting(notified, new Date('2026-03-10T10:15:30+08:00'))).toBe(75);
    expect(minutesWaiting(notified, new Date('2026-03-10T08:00:00+08:00'))).toBe(0);
  });
});

describe('document status', () => {
  it('follows report, transfers and closure', () => {
    expect(documentStatusOf({ closure: null, reported: false, transfers: [] })).toBe('registered');
    expect(documentStatusOf({ closure: null, reported: true, transfers: [] })).toBe('reported');
    expect(documentStatusOf({ closure: null, reported: true, transfers: [{ signed: true }, { signed: false }] })).toBe('awaiting_signature');
    expect(documentStatusOf({ closure: null, reported: true, transfers: [{ signed: true }, { signed: true }] })).toBe('signed');
    expect(documentStatusOf({ closure: 'destroyed', reported: true, transfers: [{ signed: true }] })).toBe('destroyed');
  });

  it('blocks closure while a unit has not signed', () => {
    expect(closureBlocker({ closure: null, reported: true, transfers: [{ signed: false }, { signed: false }] })).toContain('2个承办单位未签收');
    expect(closureBlocker({ closure: 'archived', reported: true, transfers: [] })).toContain('已归档');
    expect(closureBlocker({ closure: null, reported: false, transfers: [{ signed: true }] })).toBeNull();
  });
});

describe('phone records', () => {
  const complete = {
    callerUnit: '龙华区司法局',
    callerName: '王家明',
    callerPosition: '信息员',
    callerPhone: '13907560001',
    receiverName: '王晓明',
    content: '辖区发生一起群体性事件。',
    handlingOpinion: '报告值班长',
    handlingResult: '已报告',
    handlerName: '王晓明',
  };

  it('requires every detail only for major incidents', () => {
    const sparse = { ...complete, callerPhone: null, handlerName: ' ', callerPosition: '' };
    expect(missingPhoneRecordFields(sparse, false)).toEqual([]);
    expect(missingPhoneRecordFields(sparse, true)).toEqual(['callerPosition', 'callerPhone', 'handlerName']);
    expect(missingPhoneRecordFields(complete, true)).toEqual([]);
  });

  it('maps a record to an incident draft', () => {
    const draft = phoneRecordToIncidentDraft({
      id: 'p1',
      serial: '2026-0007',
      title: '辖区发生一起群体性事件',
      callerUnitId: 'u1',
      calledAt: '2026-03-10T09:40:00+08:00',
      ...complete,
    });
    expect(draft).toEqual({
      title: '辖区发生一起群体性事件',
      unitId: 'u1',
      grade: 'major',
      occurredAt: '2026-03-10T09:40:00+08:00',
      discoveredAt: '2026-03-10T09:40:00+08:00',
      receivedAt: '2026-03-10T09:40:00+08:00',
      channel: 'phone',
      reporterName: '王家明',
      reporterPhone: '13907560001',
      reporterUnit: '龙华区司法局',
      reporterPosition: '信息员',
      facts: '辖区发生一起群体性事件。',
      measures: '报告值班长',
      sourcePhoneRecordId: 'p1',
      sourceSerial: '2026-0007',
    });
  });
});
