import type { Migration } from 'kysely';
import * as platform from './0001-platform.js';
import * as attachments from './0002-attachments.js';
import * as calendarRoster from './0003-calendar-roster.js';
import * as reports from './0004-reports.js';
import * as documents from './0005-documents.js';
import * as patrols from './0006-patrols.js';
import * as incidents from './0007-incidents.js';
import * as dutyReport from './0008-duty-report.js';
import * as seatsSubmissions from './0009-seats-submissions.js';
import * as dailyReportDays from './0010-daily-report-days.js';

/**
 * The one migration set for SQLite and PostgreSQL, applied in key order.
 * Add a module's migration with the next number; never edit a shipped one.
 */
export const migrations: Record<string, Migration> = {
  '0001-platform': platform,
  '0002-attachments': attachments,
  '0003-calendar-roster': calendarRoster,
  '0004-reports': reports,
  '0005-documents': documents,
  '0006-patrols': patrols,
  '0007-incidents': incidents,
  '0008-duty-report': dutyReport,
  '0009-seats-submissions': seatsSubmissions,
  '0010-daily-report-days': dailyReportDays,
};
