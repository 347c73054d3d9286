import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../src/server/events/event-bus.js';
import { PostgresEventBus } from '../../src/server/events/postgres-event-bus.js';
import { createTestDatabase, postgresUrl, type TestDatabase } from '../support/databases.js';

const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;

function waitFor(events: LiveEvent[], match: (event: LiveEvent) => boolean, timeoutMs: number): Promise<LiveEvent> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      const found = events.find(match);
      if (found) {
        clearInterval(timer);
        resolve(found);
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(timer);
        reject(new Error(`no matching event within ${timeoutMs} ms`));
      }
    }, 20);
  });
}

describe.skipIf(!postgresUrl())('PostgreSQL event bus', () => {
  let database: TestDatabase;
  let a: PostgresEventBus;
  let b: PostgresEventBus;
  const onA: LiveEvent[] = [];
  const onB: LiveEvent[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    a = new PostgresEventBus(database.db, log, { connectionString: database.url! });
    b = new PostgresEventBus(database.db, log, { connectionString: database.url! });
    await Promise.all([a.start(), b.start()]);
    a.subscribe((event) => onA.push(event));
    b.subscribe((event) => onB.push(event));
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.cleanup();
  });

  it('delivers once locally and once remotely', async () => {
    await a.publish({ type: 'test.small', title: '小事件', at: new Date().toISOString() });
    await waitFor(onB, (event) => event.type === 'test.small', 1000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(onA.filter((event) => event.type === 'test.small')).toHaveLength(1);
    expect(onB.filter((event) => event.type === 'test.small')).toHaveLength(1);
  });

  it('sends a large event through the payload table', async () => {
    const text = '突发案事件情况说明'.repeat(1000);
    await a.publish({ type: 'test.large', title: '大事件', data: { text }, at: new Date().toISOString() });
    const received = await waitFor(onB, (event) => event.type === 'test.large', 2000);
    expect((received.data as { text: string }).text).toBe(text);
    const stored = await database.db.kysely.selectFrom('live_event_payloads').select('id').execute();
    expect(stored).toHaveLength(1);
  });

  it('listens again after its connection drops', async () => {
    // End every LISTEN connection of the test database, as a database restart would.
    const terminated = await sql<{ ended: boolean }>`SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`.execute(database.db.kysely);
    expect(terminated.rows.filter((row) => row.ended)).toHaveLength(2);
    const deadline = Date.now() + 10_000;
    for (;;) {
      await a.publish({ type: 'test.after_drop', title: '重连后', at: new Date().toISOString() });
      try {
        await waitFor(onB, (event) => event.type === 'test.after_drop', 500);
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    }
    expect(onB.some((event) => event.type === 'test.after_drop')).toBe(true);
  });
});
