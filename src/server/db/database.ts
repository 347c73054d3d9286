import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

/** The database handle the whole server shares, with the dialect it runs on. */
export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** The PostgreSQL URL, for connections outside the pool (LISTEN); null on SQLite. */
  connectionString: string | null;
  /** Closes every connection; safe to call twice. */
  close(): Promise<void>;
}

/** A Kysely handle or an open transaction: every repository function takes one of these first. */
export type Executor = Kysely<Database> | Transaction<Database>;

// PostgreSQL returns int8 (count(*), sums) as strings; our counts fit in a double.
pg.types.setTypeParser(20, (value: string) => Number(value));

export function openSqlite(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma('synchronous = NORMAL');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  let closed = false;
  return {
    kysely,
    dialect: 'sqlite',
    connectionString: null,
    async close() {
      if (closed) return;
      closed = true;
      await kysely.destroy();
    },
  };
}

export function openPostgres(connectionString: string, maxConnections = 10): Db {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  // An idle client can lose its connection when the server restarts or an
  // administrator ends it. The pool drops that client and the next query opens
  // a new one, so the error is reported as a warning instead of crashing.
  pool.on('error', (error: Error & { code?: string }) => {
    process.emitWarning(`PostgreSQL idle connection closed: ${error.code ?? ''} ${error.message}`);
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    kysely,
    dialect: 'postgres',
    connectionString,
    async close() {
      if (closed) return;
      closed = true;
      await kysely.destroy();
    },
  };
}

export function openDatabase(config: Config): Db {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  return openSqlite(path.join(config.dataDir, 'zhiban.sqlite'));
}
