import { DocumentSpecError } from './document-spec-error.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Formats an ISO calendar date (YYYY-MM-DD) the way GB/T 9704-2012 writes a
 * document date (成文日期): Arabic numerals, no leading zeros, e.g.
 * `formatChineseDate('2026-12-04')` returns `2026年12月4日`.
 *
 * Takes a plain date string rather than a `Date` so that the result never
 * depends on the time zone of the machine. `field` names the input in the
 * error message.
 */
export function formatChineseDate(isoDate: string, field = '日期'): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match) {
    throw new DocumentSpecError(
      field,
      `${field}“${isoDate}”格式不正确，应为“年-月-日”，例如 2026-12-04`,
    );
  }

  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new DocumentSpecError(field, `${field}“${isoDate}”不是有效的日期，请检查月份和日期`);
  }

  return `${year}年${month}月${day}日`;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids DST gaps.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
