import { describe, expect, it } from 'vitest';
import { buildCalendarFeed, escapeText, foldLine } from '../../src/server/roster/ical.js';

describe('iCalendar text', () => {
  it('escapes commas, semicolons and newlines', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('folds at 75 octets without splitting characters', () => {
    const line = `DESCRIPTION:${'值班指挥长'.repeat(12)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    for (const part of folded.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(folded.map((part, index) => (index === 0 ? part : part.slice(1))).join('')).toBe(line);
  });

  it('leaves short lines alone', () => {
    expect(foldLine('BEGIN:VEVENT')).toBe('BEGIN:VEVENT');
  });

  it('builds events from handover to handover', () => {
    const text = buildCalendarFeed({
      centerName: '海口市司法局指挥中心',
      personId: 'p1',
      personName: '王晓明',
      duties: [{ date: '2026-03-31', roleKey: 'officer', roleLabel: '值班员', details: ['3月31日，工作日', 'note: A, B; C'] }],
      timeZone: 'Asia/Shanghai',
      handoverTime: '08:30',
      now: new Date('2026-03-10T02:00:00Z'),
    });
    expect(text).toContain('DTSTART;TZID=Asia/Shanghai:20260331T083000\r\n');
    expect(text).toContain('DTEND;TZID=Asia/Shanghai:20260401T083000\r\n');
    expect(text).toContain('UID:2026-03-31-officer-p1@zhiban\r\n');
    expect(text).toContain('DTSTAMP:20260310T020000Z\r\n');
    expect(text).toContain('TZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800\r\n');
    expect(text).toContain('SUMMARY:值班员 · 海口市司法局指挥中心\r\n');
    expect(text).toContain('DESCRIPTION:3月31日，工作日\\nnote: A\\, B\\; C\r\n');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});
