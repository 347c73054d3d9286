import type { Migration } from 'kysely';
import * as platform from './0001-platform.js';
import * as attachments from './0002-attachments.js';

/**
 * The one migration set for SQLite and PostgreSQL, applied in key order.
 * Add a module's migration with the next number; never edit a shipped one.
 */
export const migrations: Record<string, Migration> = {
  '0001-platform': platform,
  '0002-attachments': attachments,
};
