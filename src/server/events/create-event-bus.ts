import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.js';
import { LocalEventBus, type EventBus } from './event-bus.js';

/**
 * Returns the event bus for the database in use. The PostgreSQL bus (LISTEN/NOTIFY,
 * several instances) replaces the local one once the live-updates module lands.
 */
export async function createEventBus(_db: Db, _log: FastifyBaseLogger): Promise<EventBus> {
  return new LocalEventBus();
}
