import { DUTY_CATEGORIES, DUTY_ROLES, type FairnessReport, type RoleFairness } from './types.js';
import { effectiveCount, emptyCounts, type RotationState } from './state.js';

const COUNT_KEYS = ['total', ...DUTY_CATEGORIES] as const;

/**
 * Reports each active member's duties in the fairness window, per role, and
 * the spread (max - min) of the effective loads, which include a joiner's
 * baseline so a newcomer does not widen the spread.
 */
export function buildFairnessReport(state: RotationState): FairnessReport {
  const roles: RoleFairness[] = DUTY_ROLES.map((role) => {
    const members = state.queues[role].filter((person) => state.active[role].has(person.personId));
    const people = members.map((person) => ({
      personId: person.personId,
      name: person.name,
      counts: { ...(state.counts[role].get(person.personId) ?? emptyCounts()) },
      baseline: { ...(state.baselines[role].get(person.personId) ?? emptyCounts()) },
    }));

    const spread = emptyCounts();
    for (const key of COUNT_KEYS) {
      const loads = members.map((person) => effectiveCount(state, role, person.personId, key));
      spread[key] = loads.length === 0 ? 0 : Math.max(...loads) - Math.min(...loads);
    }
    return { role, people, spread };
  });

  return { window: { ...state.window }, roles };
}

