import { zonedParts } from '../time.js';

/** Formats a register serial number (收文编号): year, dash, at least four digits, e.g. 2026-0001. */
export function formatSerial(year: number, value: number): string {
  return `${year}-${String(value).padStart(4, '0')}`;
}

/** Returns the year whose series a document joins: the year of its receipt in the center's time zone. */
export function serialYearOf(receivedAt: Date, timeZone: string): number {
  return zonedParts(receivedAt, timeZone).year;
}

/** Name of the gap-free counter of one year's series. */
export function serialCounterName(year: number): string {
  return `documents:${year}`;
}

/**
 * Normalizes a sending unit or reference number for the duplicate check, so
 * "琼司发〔2026〕12号", "琼司发[2026]12号" and "琼司发（2026）12 号" are one
 * number: spaces are dropped, full-width letters and digits become ASCII and
 * every bracket of the year becomes 〔〕.
 */
export function normalizeForDuplicateCheck(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[[(（【〔]/g, '〔')
    .replace(/[\])）】〕]/g, '〕')
    .toUpperCase();
}

/** Returns the key that makes "same sender, same reference number" unique, or null when there is no reference number. */
export function duplicateKeyOf(senderUnit: string, referenceNumber: string | null | undefined): string | null {
  if (!referenceNumber || referenceNumber.trim() === '') return null;
  return `${normalizeForDuplicateCheck(senderUnit)}|${normalizeForDuplicateCheck(referenceNumber)}`;
}
