export * from './types.js';
export * from './errors.js';
export * from './official-arrangements.js';
export * from './official-calendar.js';
export * from './duty-level.js';
export * from './classify.js';
