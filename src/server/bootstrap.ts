/** Builds the application context: configuration, database, key and event bus. */
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { FieldCipher } from './crypto/sm.js';
import { openDatabase, type Db } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { createEventBus } from './events/create-event-bus.js';

const KEY_FILE = 'field-encryption.key';

/**
 * Returns the field encryption key: ZHIBAN_FIELD_KEY, or a key kept in the
 * data directory and created on first start. Instances that share one
 * PostgreSQL database must all be given the same ZHIBAN_FIELD_KEY.
 */
export function resolveFieldKey(config: Config, log: FastifyBaseLogger): string {
  if (config.fieldKey) return config.fieldKey;
  const file = path.join(config.dataDir, KEY_FILE);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const key = FieldCipher.generateKeyHex();
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
  log.warn({ file }, 'created a new field encryption key; back it up with the database');
  return key;
}

/** JSON lines when stdout is not a terminal; readable lines in a terminal. */
export function createLogger(config: Config): FastifyBaseLogger {
  const redact = {
    paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.phone', '*.mobilePhone', '*.officePhone'],
    censor: '[redacted]',
  };
  if (process.stdout.isTTY) {
    return pino({ level: config.logLevel, redact, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:standard' } } }) as unknown as FastifyBaseLogger;
  }
  return pino({ level: config.logLevel, redact }) as unknown as FastifyBaseLogger;
}

export async function createContext(
  config: Config,
  options: { db?: Db; clock?: Clock; log?: FastifyBaseLogger; migrate?: boolean } = {},
): Promise<AppContext> {
  const log = options.log ?? createLogger(config);
  const db = options.db ?? openDatabase(config);
  if (options.migrate !== false) {
    const result = await migrateToLatest(db);
    const applied = result.results?.filter((item) => item.status === 'Success').map((item) => item.migrationName) ?? [];
    if (applied.length > 0) log.info({ applied, database: db.dialect }, 'database migrated');
  }
  const cipher = new FieldCipher(resolveFieldKey(config, log));
  const events = await createEventBus(db, log);
  return { config, db, clock: options.clock ?? systemClock, cipher, log, events };
}

export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.events.close();
  await ctx.db.close();
}
