export * from './duty-log.js';
export * from './duty-report.js';
export * from './on-site-hours.js';
export * from './handover.js';
export * from './my-duty.js';
