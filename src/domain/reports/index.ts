export * from './daily-status.js';
export * from './categories.js';
export * from './bulletin.js';
export * from './adoption.js';
export * from './instructions.js';
