import type { DutyLogCollector } from '../collector.js';
import { bulletinsCollector } from './bulletins.js';
import { documentsCollector } from './documents.js';
import { incidentsCollector } from './incidents.js';
import { instructionsCollector } from './instructions.js';
import { nightChecksCollector } from './night-checks.js';
import { ownRecordsCollector } from './own-records.js';
import { patrolsCollector } from './patrols.js';
import { platformChecksCollector } from './platform-checks.js';
import { reportsCollector } from './reports.js';
import { rollCallsCollector } from './roll-calls.js';
import { seatsCollector } from './seats.js';

/** Every source of the duty log; a new module adds its collector here. */
export const dutyLogCollectors: readonly DutyLogCollector[] = [
  reportsCollector,
  bulletinsCollector,
  instructionsCollector,
  incidentsCollector,
  documentsCollector,
  patrolsCollector,
  nightChecksCollector,
  rollCallsCollector,
  seatsCollector,
  platformChecksCollector,
  ownRecordsCollector,
];
