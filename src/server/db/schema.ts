import type { AttachmentTables } from './attachments-tables.js';
import type { CalendarRosterTables } from './calendar-roster-tables.js';
import type { DocumentsTables } from './documents-tables.js';
import type { DutyReportTables } from './duty-report-tables.js';
import type { IncidentTables } from './incidents-tables.js';
import type { PatrolsTables } from './patrols-tables.js';
import type { PlatformTables } from './platform-tables.js';
import type { SeatsSubmissionsTables } from './seats-submissions-tables.js';
import type { ReportsTables } from './reports-tables.js';

/**
 * Every table of the database. Each module declares its tables in its own
 * `*-tables.ts` file and adds the interface here.
 */
export interface Database extends PlatformTables,
  AttachmentTables,
  CalendarRosterTables,
  DocumentsTables,
  DutyReportTables,
  IncidentTables,
  PatrolsTables,
  ReportsTables,
  SeatsSubmissionsTables {}
