import type { DutyLogEntry } from '../../domain/duty-report/index.js';
import type { IsoDate } from '../../domain/time.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';

/** The duty day a collector reads: its date and its bounds as stored instants (ISO UTC). */
export interface DutyDayRange {
  date: IsoDate;
  start: Date;
  end: Date;
  /** toDbInstant(start) and toDbInstant(end), for comparing stored instants. */
  from: string;
  to: string;
}

/** Reads one module's records of a duty day as duty-log entries. */
export interface DutyLogCollector {
  name: string;
  collect(ctx: AppContext, db: Executor, range: DutyDayRange): Promise<DutyLogEntry[]>;
}
