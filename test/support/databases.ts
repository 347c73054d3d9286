/**
 * Fresh databases for tests: an SQLite file in a temp directory, or a new
 * database in the run's PostgreSQL cluster. `dialects` lists the ones to run
 * every repository test on.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openPostgres, openSqlite, type Db, type DialectName } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';

export const dialects: DialectName[] = ['sqlite', 'postgres'];

export function postgresUrl(): string | null {
  return inject('postgresUrl');
}

/** `describe.each`-friendly list: PostgreSQL is dropped (with a warning printed once by global setup) when unavailable. */
export function availableDialects(): DialectName[] {
  return postgresUrl() ? dialects : ['sqlite'];
}

export interface TestDatabase {
  db: Db;
  dataDir: string;
  /** URL of the PostgreSQL database, for a second process; null on SQLite. */
  url: string | null;
  cleanup(): Promise<void>;
}

export async function createTestDatabase(dialect: DialectName, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhiban-test-'));
  let db: Db;
  let url: string | null = null;
  let dropDatabase: (() => Promise<void>) | null = null;

  if (dialect === 'sqlite') {
    db = openSqlite(path.join(dataDir, 'zhiban.sqlite'));
  } else {
    const adminUrl = postgresUrl();
    if (!adminUrl) throw new Error('PostgreSQL is not available for this test run');
    const name = `zhiban_test_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
    db = openPostgres(url, 20);
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  }
  if (options.migrate !== false) await migrateToLatest(db);

  return {
    db,
    dataDir,
    url,
    async cleanup() {
      await db.close();
      await dropDatabase?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
