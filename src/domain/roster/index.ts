export * from './types.js';
export * from './errors.js';
export { DEFAULT_MIN_REST_DAYS, generateRoster, toPriorAssignments } from './generate.js';
export { proposeSubstitutes, type ProposeSubstitutesInput, type SubstituteCandidate } from './substitutes.js';
export type { DateWindow } from './state.js';
export { validateMonth } from './validate.js';
