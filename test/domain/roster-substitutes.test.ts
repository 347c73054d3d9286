import { describe, expect, it } from 'vitest';

import { proposeSubstitutes, RosterInputError, type PriorAssignment } from '../../src/domain/roster/index.js';
import { people } from './roster-fixtures.js';

const officers = people('O', 6);

// March 2026
// Su Mo Tu We Th Fr Sa
//  1  2  3  4  5  6  7
//  8  9 10 11 12 13 14
// O01 needs a substitute on Saturday 03-07.
const assignments: PriorAssignment[] = [
  { date: '2026-03-01', role: 'officer', personId: 'O02', dayType: 'weekend' },
  { date: '2026-03-01', role: 'officer', personId: 'O03', dayType: 'weekend' },
  { date: '2026-03-02', role: 'officer', personId: 'O04', dayType: 'workday' },
  { date: '2026-03-06', role: 'officer', personId: 'O05', dayType: 'workday' },
  { date: '2026-03-07', role: 'officer', personId: 'O01', dayType: 'weekend' },
  { date: '2026-03-07', role: 'officer', personId: 'O06', dayType: 'weekend' },
  { date: '2026-03-08', role: 'shiftLeader', personId: 'O04', dayType: 'weekend' },
];

describe('proposeSubstitutes', () => {
  it('lists eligible people least loaded first', () => {
    const candidates = proposeSubstitutes({
      date: '2026-03-07',
      dayType: 'weekend',
      role: 'officer',
      queue: officers,
      assignments,
      excludePersonIds: ['O01'],
    });
    // O05 worked the day before, O06 is on duty that day, O04 the day after
    // in another role. O02 and O03 each have one weekend duty already.
    expect(candidates.map((candidate) => candidate.personId)).toEqual(['O02', 'O03']);
    expect(candidates[0]).toEqual({
      personId: 'O02',
      name: 'O2',
      categoryCount: 1,
      totalCount: 1,
      lastDutyDate: '2026-03-01',
    });
  });

  it('puts the least loaded first', () => {
    const candidates = proposeSubstitutes({
      date: '2026-03-11',
      dayType: 'workday',
      role: 'officer',
      queue: officers,
      assignments,
    });
    // Everyone has one officer duty. O04 and O05 already have a workday duty.
    // Ties go to the longer rest: O02/O03 last served 03-01, O01/O06 03-07,
    // O05 03-06 and O04 03-08 (as shift leader).
    expect(candidates.map((candidate) => candidate.personId)).toEqual(['O02', 'O03', 'O01', 'O06', 'O05', 'O04']);
  });

  it('skips people on leave and not yet joined', () => {
    const candidates = proposeSubstitutes({
      date: '2026-03-11',
      dayType: 'workday',
      role: 'officer',
      queue: [...officers, { personId: 'O07', name: 'O7', joinedAt: '2026-03-20' }],
      assignments,
      unavailability: [{ personId: 'O02', from: '2026-03-09', to: '2026-03-13' }],
    });
    const ids = candidates.map((candidate) => candidate.personId);
    expect(ids).not.toContain('O02');
    expect(ids).not.toContain('O07');
    expect(ids).toHaveLength(5);
  });

  it('rejects an invalid date', () => {
    const propose = () =>
      proposeSubstitutes({ date: '2026-02-30', dayType: 'workday', role: 'officer', queue: officers, assignments });
    expect(propose).toThrow(RosterInputError);
    expect(propose).toThrow('替班日期“2026-02-30”无效');
  });
});
