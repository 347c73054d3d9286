import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';

import {
  BUILT_IN_ARRANGEMENTS,
  classifyDay,
  createCalendarContext,
  type DayType,
} from '../../src/domain/calendar/index.js';
import { datesBetween } from '../../src/domain/time.js';

// chinese-days 1.5.7 names festivals with their short names; ours use the
// names of the State Council notices.
const FESTIVAL_NAMES: Record<string, string> = {
  元旦: '元旦',
  春节: '春节',
  清明: '清明节',
  劳动节: '劳动节',
  端午: '端午节',
  中秋: '中秋节',
  国庆节: '国庆节',
};

interface ReferenceDay {
  dayType: DayType;
  festival: string | null;
}

/** Reads a date from chinese-days as the calendar should classify it. */
function referenceDay(date: string): ReferenceDay {
  const detail = chineseDays.getDayDetail(date);
  const parts = detail.name.split(',');
  if (parts.length === 3) {
    const festival = FESTIVAL_NAMES[parts[1] ?? ''];
    if (!festival) throw new Error(`unknown festival in chinese-days: ${detail.name}`);
    return { dayType: detail.work ? 'makeup_workday' : 'holiday', festival };
  }
  return { dayType: detail.work ? 'workday' : 'weekend', festival: null };
}

const context = createCalendarContext();

describe('built-in arrangements against chinese-days', () => {
  for (const year of [2025, 2026]) {
    it(`classifies every day of ${year} like chinese-days`, () => {
      const mismatches: string[] = [];
      for (const date of datesBetween(`${year}-01-01`, `${year}-12-31`)) {
        const expected = referenceDay(date);
        const day = classifyDay(date, context);
        if (day.dayType !== expected.dayType || day.festival !== expected.festival || !day.official) {
          mismatches.push(`${date}: ${day.dayType}/${day.festival} vs ${expected.dayType}/${expected.festival}`);
        }
      }
      expect(mismatches).toEqual([]);
    });

    it(`lists each official ${year} date once`, () => {
      const arrangement = BUILT_IN_ARRANGEMENTS.find((entry) => entry.year === year);
      expect(arrangement).toBeDefined();
      const dates = arrangement!.festivals.flatMap((festival) => [...festival.holidays, ...festival.makeupWorkdays]);
      expect(new Set(dates).size).toBe(dates.length);
      const referenceCount = datesBetween(`${year}-01-01`, `${year}-12-31`).filter(
        (date) => referenceDay(date).festival !== null,
      ).length;
      expect(dates.length).toBe(referenceCount);
    });
  }

  it('has 2025 holidays and make-up workdays as announced', () => {
    const arrangement = BUILT_IN_ARRANGEMENTS.find((entry) => entry.year === 2025)!;
    const holidays = arrangement.festivals.flatMap((festival) => festival.holidays);
    const makeup = arrangement.festivals.flatMap((festival) => festival.makeupWorkdays);
    expect(holidays).toHaveLength(28);
    expect(makeup.sort()).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
  });

  it('has 2026 holidays and make-up workdays as announced', () => {
    const arrangement = BUILT_IN_ARRANGEMENTS.find((entry) => entry.year === 2026)!;
    const holidays = arrangement.festivals.flatMap((festival) => festival.holidays);
    const makeup = arrangement.festivals.flatMap((festival) => festival.makeupWorkdays);
    expect(holidays).toHaveLength(33);
    expect(makeup.sort()).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });
});
