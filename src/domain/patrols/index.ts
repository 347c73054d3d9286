export * from './night-check-plan.js';
export * from './random.js';
export * from './roll-call-windows.js';
export * from './labels.js';
