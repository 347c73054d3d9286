import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.js';
import { LocalEventBus, type EventBus } from './event-bus.js';
import { PostgresEventBus } from './postgres-event-bus.js';

/**
 * Returns the event bus for the database in use: in-process on SQLite, and
 * LISTEN/NOTIFY on PostgreSQL so events reach users on every instance.
 * The LISTEN connection needs the database URL: `connectionString`, else the
 * Db handle's own URL.
 */
export async function createEventBus(db: Db, log: FastifyBaseLogger, options: { connectionString?: string | null } = {}): Promise<EventBus> {
  if (db.dialect !== 'postgres') return new LocalEventBus();

  const connectionString = options.connectionString ?? db.connectionString;
  if (!connectionString) {
    // NOTE: without a URL the bus cannot LISTEN, so only this instance's users get live events.
    log.warn('PostgreSQL in use but no DATABASE_URL for the live event bus; live events stay on this instance');
    return new LocalEventBus();
  }
  const bus = new PostgresEventBus(db, log, { connectionString });
  await bus.start();
  return bus;
}
