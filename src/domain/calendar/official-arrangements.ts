import type { IsoDate } from '../time.js';

/**
 * Holidays and make-up workdays (调休上班) of one festival in one year's State
 * Council arrangement. Dates are listed one by one, never as ranges, so each
 * can be checked against the published notice.
 */
export interface FestivalArrangement {
  festival: string;
  holidays: readonly IsoDate[];
  makeupWorkdays: readonly IsoDate[];
}

/** The State Council's holiday arrangement (节假日安排) of one year. */
export interface OfficialArrangement {
  year: number;
  festivals: readonly FestivalArrangement[];
}

/**
 * 2025 arrangement, from the State Council General Office notice on the 2025
 * holidays (published November 2024). From 2025 on, the Spring Festival and
 * Labour Day have one more statutory day each. The Mid-Autumn Festival falls
 * on 2025-10-06, inside the National Day block, so that date carries its name.
 */
const ARRANGEMENT_2025: OfficialArrangement = {
  year: 2025,
  festivals: [
    { festival: '元旦', holidays: ['2025-01-01'], makeupWorkdays: [] },
    {
      festival: '春节',
      holidays: [
        '2025-01-28',
        '2025-01-29',
        '2025-01-30',
        '2025-01-31',
        '2025-02-01',
        '2025-02-02',
        '2025-02-03',
        '2025-02-04',
      ],
      makeupWorkdays: ['2025-01-26', '2025-02-08'],
    },
    { festival: '清明节', holidays: ['2025-04-04', '2025-04-05', '2025-04-06'], makeupWorkdays: [] },
    {
      festival: '劳动节',
      holidays: ['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05'],
      makeupWorkdays: ['2025-04-27'],
    },
    { festival: '端午节', holidays: ['2025-05-31', '2025-06-01', '2025-06-02'], makeupWorkdays: [] },
    {
      festival: '国庆节',
      holidays: [
        '2025-10-01',
        '2025-10-02',
        '2025-10-03',
        '2025-10-04',
        '2025-10-05',
        '2025-10-07',
        '2025-10-08',
      ],
      makeupWorkdays: ['2025-09-28', '2025-10-11'],
    },
    { festival: '中秋节', holidays: ['2025-10-06'], makeupWorkdays: [] },
  ],
};

/**
 * 2026 arrangement, from the State Council General Office notice on the 2026
 * holidays (published November 2025).
 */
const ARRANGEMENT_2026: OfficialArrangement = {
  year: 2026,
  festivals: [
    {
      festival: '元旦',
      holidays: ['2026-01-01', '2026-01-02', '2026-01-03'],
      makeupWorkdays: ['2026-01-04'],
    },
    {
      festival: '春节',
      holidays: [
        '2026-02-15',
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-02-19',
        '2026-02-20',
        '2026-02-21',
        '2026-02-22',
        '2026-02-23',
      ],
      makeupWorkdays: ['2026-02-14', '2026-02-28'],
    },
    { festival: '清明节', holidays: ['2026-04-04', '2026-04-05', '2026-04-06'], makeupWorkdays: [] },
    {
      festival: '劳动节',
      holidays: ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'],
      makeupWorkdays: ['2026-05-09'],
    },
    { festival: '端午节', holidays: ['2026-06-19', '2026-06-20', '2026-06-21'], makeupWorkdays: [] },
    { festival: '中秋节', holidays: ['2026-09-25', '2026-09-26', '2026-09-27'], makeupWorkdays: [] },
    {
      festival: '国庆节',
      holidays: [
        '2026-10-01',
        '2026-10-02',
        '2026-10-03',
        '2026-10-04',
        '2026-10-05',
        '2026-10-06',
        '2026-10-07',
      ],
      makeupWorkdays: ['2026-09-20', '2026-10-10'],
    },
  ],
};

/** Arrangements shipped with the product; the administrator can override single dates. */
export const BUILT_IN_ARRANGEMENTS: readonly OfficialArrangement[] = [
  ARRANGEMENT_2025,
  ARRANGEMENT_2026,
];
