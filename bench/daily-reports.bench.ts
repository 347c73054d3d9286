/**
 * Daily report submission benchmark: 500 simulated units submit their daily
 * report at once over HTTP to a server listening on 127.0.0.1, first against
 * SQLite and then against a throwaway PostgreSQL cluster. A fifth of the
 * units retry with the same idempotency key while the first request may
 * still be in flight. Afterwards every acknowledged submission must be
 * stored exactly once. Run with `npx tsx bench/daily-reports.bench.ts [units] [concurrency]`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import { buildApp } from '../src/server/app.js';
import { newSessionToken, insertSession, SESSION_COOKIE } from '../src/server/auth/sessions.js';
import { closeContext, createContext } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import { openPostgres, openSqlite, type Db, type DialectName } from '../src/server/db/database.js';
import { newId, toDbInstant } from '../src/server/db/sql-values.js';
import { startPostgresCluster } from '../test/support/postgres-cluster.js';

interface UnitClient {
  unitId: string;
  cookie: string;
  key: string;
}

export interface SubmissionBenchmarkResult {
  dialect: DialectName;
  units: number;
  requests: number;
  retries: number;
  wallMs: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  storedReports: number;
  storedItems: number;
  failures: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function createUnits(db: Db, count: number): Promise<UnitClient[]> {
  const now = new Date();
  const clients: UnitClient[] = [];
  await db.kysely.transaction().execute(async (trx) => {
    for (let index = 0; index < count; index += 1) {
      const unitId = newId();
      const userId = newId();
      const at = toDbInstant(now);
      await trx
        .insertInto('units')
        .values({ id: unitId, name: `压测单位${String(index + 1).padStart(3, '0')}`, short_name: null, kind: 'district', duty_room_name: null, duty_room_phone: null, liaison_person_id: null, sort_order: index, active: 1, created_at: at, updated_at: at })
        .execute();
      await trx
        .insertInto('users')
        .values({
          id: userId,
          username: `bench${index}`,
          name: `信息员${index + 1}`,
          password_hash: 'not-used',
          roles: '["unit_liaison"]',
          unit_id: unitId,
          person_id: null,
          active: 1,
          must_change_password: 0,
          failed_logins: 0,
          locked_until: null,
          password_changed_at: at,
          last_login_at: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      const session = newSessionToken();
      await insertSession(trx, { id: session.id, userId, kind: 'user', at: now, ip: null });
      clients.push({ unitId, cookie: `${SESSION_COOKIE}=${session.token}`, key: `bench-${index}-${newId()}` });
    }
  });
  return clients;
}

async function runAgainst(dialect: DialectName, db: Db, units: number, concurrency: number): Promise<SubmissionBenchmarkResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhiban-bench-'));
  const config = { ...loadConfig({ ZHIBAN_DATA_DIR: dataDir }), passwordHashCost: 'test' as const, fieldKey: 'b'.repeat(64) };
  const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;
  const ctx = await createContext(config, { db, log });
  const app = await buildApp(ctx);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const clients = await createUnits(db, units);
  // Every fifth unit sends its submission twice with the same key (a client retry).
  const requests = clients.flatMap((client, index) => (index % 5 === 0 ? [client, client] : [client]));
  const latencies: number[] = [];
  const acknowledged = new Map<string, Set<string>>();
  let failures = 0;

  const send = async (client: UnitClient): Promise<void> => {
    const started = performance.now();
    const response = await fetch(`${base}/api/daily-reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: client.cookie, 'idempotency-key': client.key },
      body: JSON.stringify({ kind: 'items', items: [{ category: 'other', title: '压测报送信息', content: '单位当日工作情况正常，无异常。' }] }),
    });
    const body = (await response.json()) as { report?: { id: string } };
    latencies.push(performance.now() - started);
    if ((response.status !== 200 && response.status !== 201) || !body.report) {
      failures += 1;
      return;
    }
    const ids = acknowledged.get(client.unitId) ?? new Set<string>();
    ids.add(body.report.id);
    acknowledged.set(client.unitId, ids);
  };

  const queue = [...requests];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await send(next);
    }),
  );
  const wallMs = performance.now() - started;

  const stored = await db.kysely.selectFrom('daily_reports').select(['id', 'unit_id']).execute();
  const storedItems = await db.kysely.selectFrom('report_items').select('id').execute();
  const storedByUnit = new Map<string, string[]>();
  for (const row of stored) storedByUnit.set(row.unit_id, [...(storedByUnit.get(row.unit_id) ?? []), row.id]);
  for (const client of clients) {
    const ids = [...(acknowledged.get(client.unitId) ?? [])];
    const rows = storedByUnit.get(client.unitId) ?? [];
    if (ids.length !== 1 || rows.length !== 1 || rows[0] !== ids[0]) {
      throw new Error(`unit ${client.unitId}: acknowledged ${ids.join(',')} but stored ${rows.join(',')}`);
    }
  }
  if (storedItems.length !== units) throw new Error(`expected ${units} stored items, found ${storedItems.length}`);

  await app.close();
  await closeContext(ctx);
  fs.rmSync(dataDir, { recursive: true, force: true });

  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    dialect,
    units,
    requests: requests.length,
    retries: requests.length - units,
    wallMs: Math.round(wallMs),
    requestsPerSecond: Math.round((requests.length / wallMs) * 1000),
    p50Ms: Math.round(percentile(sorted, 50) * 10) / 10,
    p99Ms: Math.round(percentile(sorted, 99) * 10) / 10,
    maxMs: Math.round((sorted.at(-1) ?? 0) * 10) / 10,
    storedReports: stored.length,
    storedItems: storedItems.length,
    failures,
  };
}

async function main(): Promise<void> {
  const units = Number(process.argv[2] ?? 500);
  const concurrency = Number(process.argv[3] ?? 100);
  const results: SubmissionBenchmarkResult[] = [];

  const sqliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhiban-bench-sqlite-'));
  results.push(await runAgainst('sqlite', openSqlite(path.join(sqliteDir, 'zhiban.sqlite')), units, concurrency));
  fs.rmSync(sqliteDir, { recursive: true, force: true });

  const cluster = await startPostgresCluster();
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE zhiban_bench');
    await admin.end();
    const url = cluster.url.replace(/\/[^/]*$/, '/zhiban_bench');
    results.push(await runAgainst('postgres', openPostgres(url, 20), units, concurrency));
  } finally {
    await cluster.stop();
  }

  console.table(results);
  console.log(`load average (1 min): ${os.loadavg()[0]!.toFixed(1)}`);
}

await main();
