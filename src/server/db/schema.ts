import type { AttachmentTables } from './attachments-tables.js';
import type { PlatformTables } from './platform-tables.js';

/**
 * Every table of the database. Each module declares its tables in its own
 * `*-tables.ts` file and adds the interface here.
 */
export interface Database extends PlatformTables,
  AttachmentTables {}
