/**
 * Command hall screen benchmark: the throughput of GET /api/hall/overview
 * over real HTTP, and the screen's first render in headless Chromium (time
 * from navigation until the incidents panel is visible).
 *
 * Run with `npx tsx bench/hall.bench.ts [seconds] [concurrency]` after
 * `npm run build:web`. It starts an in-process server on 127.0.0.1 with the
 * demo data on a temporary SQLite database, plus 20 open incidents.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { chromium } from 'playwright-core';
import { buildApp } from '../src/server/app.js';
import { createContext } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import { seedDemo } from '../src/server/seed/seed.js';

const PASSWORD = 'Bench@2026pass';
const seconds = Number(process.argv[2] ?? 10);
const concurrency = Number(process.argv[3] ?? 8);
const renderRuns = 5;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function atOffset(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

async function login(baseUrl: string, username: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (!response.ok) throw new Error(`login ${username}: ${response.status}`);
  return response.headers.getSetCookie()[0]!.split(';')[0]!;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhiban-bench-hall-'));
  const config = { ...loadConfig({ ZHIBAN_DATA_DIR: dataDir }), passwordHashCost: 'test' as const, fieldKey: 'c'.repeat(64) };
  const ctx = await createContext(config, { log: pino({ level: 'warn' }) as unknown as FastifyBaseLogger });
  await seedDemo(ctx, PASSWORD);
  const app = await buildApp(ctx);
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });

  const officer = await login(baseUrl, 'officer');
  const units = ((await (await fetch(`${baseUrl}/api/units`, { headers: { cookie: officer } })).json()) as { units: { id: string }[] }).units;
  const now = Date.now();
  for (let index = 0; index < 20; index += 1) {
    const response = await fetch(`${baseUrl}/api/incidents`, {
      method: 'POST',
      headers: { cookie: officer, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: `基准测试事件${index + 1}`,
        unitId: units[index % units.length]!.id,
        grade: index % 5 === 0 ? 'major' : 'general',
        occurredAt: atOffset(new Date(now - (90 + index) * 60_000)),
        discoveredAt: atOffset(new Date(now - (80 + index) * 60_000)),
        receivedAt: atOffset(new Date(now - 60_000)),
        channel: index % 2 === 0 ? 'phone' : 'written',
      }),
    });
    if (response.status !== 201) throw new Error(`incident ${index}: ${response.status}`);
  }

  // Throughput of the data endpoint.
  const hallCookie = await login(baseUrl, 'hall');
  for (let warm = 0; warm < 20; warm += 1) await (await fetch(`${baseUrl}/api/hall/overview`, { headers: { cookie: hallCookie } })).arrayBuffer();
  const latencies: number[] = [];
  let failures = 0;
  const endAt = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < endAt) {
        const started = performance.now();
        const response = await fetch(`${baseUrl}/api/hall/overview`, { headers: { cookie: hallCookie } });
        await response.arrayBuffer();
        if (!response.ok) failures += 1;
        latencies.push(performance.now() - started);
      }
    }),
  );
  const throughput = latencies.length / seconds;

  // First render of the screen in headless Chromium, a fresh browser context each run.
  const renders: number[] = [];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  for (let run = 0; run < renderRuns + 1; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const [name, value] = hallCookie.split('=');
    await context.addCookies([{ name: name!, value: value!, url: baseUrl }]);
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(`${baseUrl}/hall`);
    await page.getByTestId('hall-section-incidents').getByText('基准测试事件').first().waitFor();
    // The first run warms the server's static file cache and is not counted.
    if (run > 0) renders.push(performance.now() - started);
    await context.close();
  }
  await browser.close();

  const result = {
    seconds,
    concurrency,
    requests: latencies.length,
    failures,
    throughputPerSecond: Math.round(throughput),
    latencyMedianMs: Number(percentile(latencies, 50).toFixed(1)),
    latencyP95Ms: Number(percentile(latencies, 95).toFixed(1)),
    firstRenderMedianMs: Math.round(percentile(renders, 50)),
    firstRenderMaxMs: Math.round(Math.max(...renders)),
    renderRuns,
    loadAverage: os.loadavg().map((value) => Number(value.toFixed(2))),
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);

  await app.close();
  await ctx.events.close();
  await ctx.db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`hall benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
