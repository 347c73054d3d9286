/**
 * Two server processes on one PostgreSQL database: live events cross
 * instances through LISTEN/NOTIFY and a reminder fires once, not once per instance.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import { seedDemo } from '../../src/server/seed/seed.js';
import { TEST_PASSWORD } from '../support/app.js';
import { createTestDatabase, postgresUrl, type TestDatabase } from '../support/databases.js';
import { openSse } from './sse-client.js';

const FIELD_KEY = 'b'.repeat(64);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

interface Instance {
  url: string;
  child: ChildProcess;
  log: string[];
}

async function startInstance(databaseUrl: string): Promise<Instance> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhiban-instance-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', 'serve'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: databaseUrl, ZHIBAN_DATA_DIR: dataDir, ZHIBAN_FIELD_KEY: FIELD_KEY, ZHIBAN_ADMIN_PASSWORD: 'Admin@2026pass!', LOG_LEVEL: 'warn', ZHIBAN_WEBHOOK_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, child, log };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`instance did not start: ${log.join('').slice(-3000)}`);
}

async function login(instance: Instance, username: string): Promise<string> {
  const response = await fetch(`${instance.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: TEST_PASSWORD }) });
  if (response.status !== 200) throw new Error(`login ${username} failed: ${response.status}`);
  return response.headers.getSetCookie()[0]!.split(';')[0]!;
}

function atOffset(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

describe.skipIf(!postgresUrl())('two server instances on one PostgreSQL', () => {
  let database: TestDatabase;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const config = { ...loadConfig({ ZHIBAN_DATA_DIR: database.dataDir }), passwordHashCost: 'test' as const, fieldKey: FIELD_KEY };
    const ctx = await createContext(config, { db: database.db, log: pino({ level: 'silent' }) as unknown as FastifyBaseLogger });
    await seedDemo(ctx, TEST_PASSWORD);
    await ctx.events.close();
    [a, b] = await Promise.all([startInstance(database.url!), startInstance(database.url!)]);
  }, 120_000);

  afterAll(async () => {
    for (const instance of [a, b]) {
      if (!instance || instance.child.exitCode !== null) continue;
      instance.child.kill('SIGTERM');
      await new Promise((resolve) => instance.child.once('exit', resolve));
    }
    await database?.cleanup();
  });

  it('incident on A reaches SSE client on B within a second', async () => {
    const officer = await login(a, 'officer');
    const hallOnB = await openSse(`${b.url}/api/events/stream`, await login(b, 'hall'));
    const units = (await (await fetch(`${a.url}/api/units`, { headers: { cookie: officer } })).json()) as { units: { id: string; name: string }[] };
    const now = new Date();

    const started = Date.now();
    const response = await fetch(`${a.url}/api/incidents`, {
      method: 'POST',
      headers: { cookie: officer, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: '跨实例推送测试',
        unitId: units.units.find((unit) => unit.name === '龙华区司法局')!.id,
        grade: 'major',
        occurredAt: atOffset(new Date(now.getTime() - 40 * 60_000)),
        discoveredAt: atOffset(new Date(now.getTime() - 30 * 60_000)),
        receivedAt: atOffset(new Date(now.getTime() - 60_000)),
        channel: 'phone',
      }),
    });
    expect(response.status).toBe(201);
    const event = await hallOnB.waitFor((candidate) => candidate.type === 'incident.created', 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(event.title).toContain('跨实例推送测试');
    hallOnB.close();
  });

  it('overdue reminder fires once across instances', async () => {
    const officer = await login(a, 'officer');
    const streams = await Promise.all([openSse(`${a.url}/api/events/stream`, await login(a, 'leader')), openSse(`${b.url}/api/events/stream`, await login(b, 'commander'))]);
    const units = (await (await fetch(`${a.url}/api/units`, { headers: { cookie: officer } })).json()) as { units: { id: string; name: string }[] };
    const now = new Date();
    // A written report with missing elements whose 2-hour deadline passed an hour ago.
    const response = await fetch(`${a.url}/api/incidents`, {
      method: 'POST',
      headers: { cookie: officer, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: '超时提醒测试',
        unitId: units.units.find((unit) => unit.name === '美兰区司法局')!.id,
        grade: 'general',
        occurredAt: atOffset(new Date(now.getTime() - 190 * 60_000)),
        discoveredAt: atOffset(new Date(now.getTime() - 180 * 60_000)),
        receivedAt: atOffset(new Date(now.getTime() - 60_000)),
        channel: 'written',
      }),
    });
    expect(response.status).toBe(201);
    const incidentId = ((await response.json()) as { id: string }).id;
    const isReminder = (event: { type: string; data?: unknown }) => event.type === 'incident.deadline_passed' && (event.data as { incidentId?: string }).incidentId === incidentId;

    // Both instances run the reminder job every 30 s.
    await Promise.all(streams.map((stream) => stream.waitFor(isReminder, 40_000)));
    await new Promise((resolve) => setTimeout(resolve, 32_000));
    for (const stream of streams) expect(stream.events.filter(isReminder)).toHaveLength(1);
    const rows = await database.db.kysely.selectFrom('incident_reminders').selectAll().where('incident_id', '=', incidentId).execute();
    expect(rows.map((row) => `${row.deadline_kind}/${row.stage}`)).toEqual(['written_report/overdue']);
    streams.forEach((stream) => stream.close());
  }, 90_000);
});
