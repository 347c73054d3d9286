import type { IsoDate } from '../time.js';
import type { ReportItemStatus } from './categories.js';

export interface AdoptionUnit {
  unitId: string;
  unitName: string;
}

export interface AdoptionItem {
  unitId: string;
  reportDate: IsoDate;
  status: ReportItemStatus;
}

/** A late or missing daily report recorded against a unit. */
export interface ReportViolation {
  unitId: string;
  reportDate: IsoDate;
  kind: 'late' | 'missing';
}

export interface UnitAdoption {
  unitId: string;
  unitName: string;
  /** Items submitted in the month, merged and returned ones included. */
  submitted: number;
  adopted: number;
  /** adopted / submitted, 0 when nothing was submitted; rounded to 4 decimals. */
  adoptionRate: number;
  late: number;
  missing: number;
  /** 1 for the most adopted items; equal counts share a rank (1, 1, 3). */
  rank: number;
}

/**
 * Counts each unit's items and adoptions (采用情况) and its late and missing
 * daily reports in a month, for the 《工作通报》. Units rank by adopted items,
 * then by adoption rate; ties share a rank.
 */
export function adoptionStatistics(
  month: string,
  units: readonly AdoptionUnit[],
  items: readonly AdoptionItem[],
  violations: readonly ReportViolation[],
): UnitAdoption[] {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
    throw new RangeError(`月份“${month}”无效，请使用 YYYY-MM 格式。`);
  }
  const inMonth = (date: IsoDate): boolean => date.startsWith(`${month}-`);

  const rows = units.map((unit) => {
    const own = items.filter((item) => item.unitId === unit.unitId && inMonth(item.reportDate));
    const adopted = own.filter((item) => item.status === 'adopted').length;
    const ownViolations = violations.filter((violation) => violation.unitId === unit.unitId && inMonth(violation.reportDate));
    return {
      unitId: unit.unitId,
      unitName: unit.unitName,
      submitted: own.length,
      adopted,
      adoptionRate: own.length === 0 ? 0 : Math.round((adopted / own.length) * 10_000) / 10_000,
      late: ownViolations.filter((violation) => violation.kind === 'late').length,
      missing: ownViolations.filter((violation) => violation.kind === 'missing').length,
      rank: 0,
    };
  });

  rows.sort((a, b) => b.adopted - a.adopted || b.adoptionRate - a.adoptionRate);
  rows.forEach((row, index) => {
    const previous = rows[index - 1];
    const tied = previous !== undefined && previous.adopted === row.adopted && previous.adoptionRate === row.adoptionRate;
    row.rank = tied ? previous.rank : index + 1;
  });
  return rows;
}
