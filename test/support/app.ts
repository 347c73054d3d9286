/**
 * A full server for route tests: real database, real HTTP stack through
 * `app.inject`, the Haikou demo organization, and a clock the test sets.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { createContext } from '../../src/server/bootstrap.js';
import { ManualClock } from '../../src/server/clock.js';
import { loadConfig, type Config } from '../../src/server/config.js';
import type { AppContext } from '../../src/server/context.js';
import type { DialectName } from '../../src/server/db/database.js';
import { seedDemo } from '../../src/server/seed/seed.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

export const TEST_PASSWORD = 'Test@2026pass';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  clock: ManualClock;
  database: TestDatabase;
  /** Signs in and returns the session cookie header value. */
  login(username: string, password?: string): Promise<string>;
  /** Sends a JSON request with an optional session cookie. */
  request(method: string, url: string, options?: { cookie?: string; body?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Start time of the test clock; default 2026-03-10T10:00:00+08:00. */
  now?: string;
  /** Load the demo people and accounts (default true). */
  demo?: boolean;
  config?: Partial<Config>;
}

export async function createTestApp(dialect: DialectName, options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase(dialect, { migrate: false });
  const clock = new ManualClock(options.now ?? '2026-03-10T10:00:00+08:00');
  const config: Config = {
    ...loadConfig({ ZHIBAN_DATA_DIR: database.dataDir }),
    passwordHashCost: 'test',
    fieldKey: 'a'.repeat(64),
    ...options.config,
  };
  const log = pino({ level: process.env.ZHIBAN_TEST_LOG ?? 'silent' }) as unknown as FastifyBaseLogger;
  const ctx = await createContext(config, { db: database.db, clock, log });
  if (options.demo !== false) await seedDemo(ctx, TEST_PASSWORD);
  const app = await buildApp(ctx);
  await app.ready();

  const request: TestApp['request'] = (method, url, requestOptions = {}) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: { ...(requestOptions.cookie ? { cookie: requestOptions.cookie } : {}), ...requestOptions.headers },
      ...(requestOptions.body === undefined ? {} : { payload: requestOptions.body as object }),
    });

  return {
    app,
    ctx,
    clock,
    database,
    request,
    async login(username, password = TEST_PASSWORD) {
      const response = await request('POST', '/api/auth/login', { body: { username, password } });
      if (response.statusCode !== 200) {
        throw new Error(`login as ${username} failed: ${response.statusCode} ${response.body}`);
      }
      const setCookie = response.headers['set-cookie'];
      const header = Array.isArray(setCookie) ? setCookie[0]! : setCookie!;
      return header.split(';')[0]!;
    },
    async close() {
      await app.close();
      await ctx.events.close();
      await database.cleanup();
    },
  };
}
