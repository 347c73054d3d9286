import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { FieldCipher } from './crypto/sm.js';
import type { Db } from './db/database.js';
import type { EventBus } from './events/event-bus.js';

/** Everything a service needs, built once by the app factory and shared by routes, CLI and tests. */
export interface AppContext {
  config: Config;
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  log: FastifyBaseLogger;
  events: EventBus;
}
