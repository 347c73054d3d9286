export * from './deadlines.js';
export * from './elements.js';
export * from './report-labels.js';
