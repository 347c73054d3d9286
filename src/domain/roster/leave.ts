import type { IsoDate } from '../time.js';
import type { Unavailability } from './types.js';

/** Leave ranges by person. */
export type LeaveIndex = ReadonlyMap<string, readonly Unavailability[]>;

export function createLeaveIndex(ranges: readonly Unavailability[]): LeaveIndex {
  const index = new Map<string, Unavailability[]>();
  for (const range of ranges) {
    const list = index.get(range.personId) ?? [];
    list.push(range);
    index.set(range.personId, list);
  }
  return index;
}

export function isOnLeave(index: LeaveIndex, personId: string, date: IsoDate): boolean {
  return (index.get(personId) ?? []).some((range) => range.from <= date && date <= range.to);
}
