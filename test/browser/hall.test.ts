import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { expectNoPageProblems, openBrowser, screenshot, signIn, type BrowserSession } from './browser.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts a demo server of its own on a data directory, so the test may stop and restart it. */
async function startOwnServer(dataDir: string, port: number): Promise<ChildProcess> {
  const built = path.join(repoRoot, 'dist/server/cli.js');
  const args = fs.existsSync(built) ? [built, 'demo'] : ['--import', 'tsx', path.join(repoRoot, 'src/server/cli.ts'), 'demo'];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ZHIBAN_DATA_DIR: dataDir, ZHIBAN_DEMO_PASSWORD: inject('demoPassword'), DATABASE_URL: '' },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error('own demo server did not start');
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function atOffset(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

describe('command hall screen', () => {
  let hall: BrowserSession;
  let officer: BrowserSession;

  beforeAll(async () => {
    [hall, officer] = await Promise.all([openBrowser(), openBrowser()]);
    // The hall screen is a 1080p wall display.
    await hall.page.setViewportSize({ width: 1920, height: 1080 });
    await signIn(hall, 'hall');
    await signIn(officer, 'officer');
  });

  afterAll(async () => {
    await Promise.all([hall?.close(), officer?.close()]);
  });

  test('survives a server restart with a stale banner', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhiban-hall-restart-'));
    const port = await freePort();
    let server = await startOwnServer(dataDir, port);
    const screen = await openBrowser();
    try {
      const ownSession = { ...screen, baseUrl: `http://127.0.0.1:${port}` };
      await signIn(ownSession, 'hall');
      const { page } = screen;
      await page.waitForURL(/\/hall$/);
      await page.getByTestId('hall-connection').getByText('实时连接').waitFor();
      expect(await page.getByTestId('hall-stale').count()).toBe(0);

      await stopServer(server);
      await page.getByTestId('hall-stale').waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('hall-stale').textContent()).toMatch(/数据可能已过期：最后更新于.*前/);
      expect(await page.getByTestId('hall-section-incidents').count()).toBe(1);
      await screenshot(page, '72-hall-stale', { fullPage: false });

      server = await startOwnServer(dataDir, port);
      await page.getByTestId('hall-stale').waitFor({ state: 'detached', timeout: 20_000 });
      await page.getByTestId('hall-connection').getByText('实时连接').waitFor();
    } finally {
      await screen.close();
      await stopServer(server);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 150_000);

  test('hall account lands on the hall screen', async () => {
    const { page } = hall;
    await page.waitForURL(/\/hall$/);
    await page.getByTestId('hall-section-incidents').waitFor();
    await page.getByTestId('hall-section-duty').getByText('值班指挥长').waitFor();
    expect(await page.getByTestId('hall-duty-day').textContent()).toMatch(/值班日/);
    await page.getByTestId('hall-connection').getByText('实时连接').waitFor();
    await screenshot(page, '70-hall', { fullPage: false });
    expectNoPageProblems(hall);
  });

  test('new incident from a second browser shows within a second', async () => {
    const units = (await (await officer.page.request.get(`${officer.baseUrl}/api/units`)).json()) as { units: { id: string; name: string }[] };
    const now = new Date();
    const started = Date.now();
    const response = await officer.page.request.post(`${officer.baseUrl}/api/incidents`, {
      data: {
        title: '大屏实时测试：戒毒人员突发疾病',
        unitId: units.units.find((unit) => unit.name.includes('戒毒所'))!.id,
        grade: 'major',
        occurredAt: atOffset(new Date(now.getTime() - 20 * 60_000)),
        discoveredAt: atOffset(new Date(now.getTime() - 15 * 60_000)),
        receivedAt: atOffset(new Date(now.getTime() - 60_000)),
        channel: 'phone',
      },
    });
    expect(response.status()).toBe(201);
    await hall.page.getByTestId('hall-alert').getByText('大屏实时测试：戒毒人员突发疾病').waitFor({ timeout: 1000 });
    await hall.page.getByTestId('hall-incidents').getByText('大屏实时测试：戒毒人员突发疾病').waitFor({ timeout: 2000 });
    expect(Date.now() - started).toBeLessThan(2500);
    await screenshot(hall.page, '71-hall-new-incident', { fullPage: false });
    expectNoPageProblems(hall);
  });

  test('hall panels fit at wall and laptop sizes', async () => {
    const { page } = hall;
    const sizes = [
      { width: 1920, height: 1080 },
      { width: 1440, height: 900 },
      { width: 1366, height: 768 },
    ];
    for (const size of sizes) {
      await page.setViewportSize(size);
      await page.getByTestId('hall-section-week').locator('canvas').first().waitFor();
      await page.waitForTimeout(600);
      await screenshot(page, `73-hall-${size.width}x${size.height}`, { fullPage: false });

      // Each panel body clips its content, so content taller than the body is cut off.
      const clipped = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('[data-testid^="hall-section-"] [data-hall-body]'))
          .filter((body) => body.scrollHeight > body.clientHeight + 1)
          .map((body) => body.closest('[data-testid]')?.getAttribute('data-testid')),
      );
      expect(clipped, `clipped panels at ${size.width}x${size.height}`).toEqual([]);

      const pageOverflow = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
      expect(pageOverflow, `page taller than ${size.height}`).toBeLessThanOrEqual(0);

      const chartBox = await page.getByTestId('hall-section-week').locator('canvas').first().boundingBox();
      expect(chartBox?.height ?? 0, `chart height at ${size.width}x${size.height}`).toBeGreaterThanOrEqual(140);
    }
    await page.setViewportSize({ width: 1920, height: 1080 });
    expectNoPageProblems(hall);
  });

  test('busy day fits with overflow indicators', async () => {
    const screen = await openBrowser();
    try {
      const { page } = screen;
      // A busy day made from the demo data: every unit owes its report, and more
      // incidents, deadlines and documents than any panel can list.
      await page.route('**/api/hall/overview', async (route) => {
        const response = await route.fetch();
        const overview = (await response.json()) as { sections: { key: string; data: Record<string, unknown> | null }[] };
        for (const section of overview.sections) {
          const data = section.data as Record<string, unknown[]> | null;
          if (!data) continue;
          if (section.key === 'reports') {
            data.units = (data.units as { status: string }[]).map((unit) => ({ ...unit, status: 'missing' }));
          }
          if (section.key === 'incidents') {
            const template = { grade: 'major', gradeLabel: '重大', statusLabel: '处置', receivedAt: '2026-12-04T20:30:00+08:00', lateLabel: null, unitName: '海口市美兰区司法局', nextDeadline: null };
            data.items = Array.from({ length: 9 }, (_, index) => ({ ...template, id: `busy-${index}`, title: `大屏排版测试事件 ${index + 1}`, missingElements: ['地点', '基本情况', '伤亡和损失情况', '已采取的措施'] }));
          }
          if (section.key === 'deadlines') {
            data.items = Array.from({ length: 12 }, (_, index) => ({ kind: 'verification', label: `大屏排版测试事件 ${index + 1} 当天核报`, at: '2026-12-05T23:59:00+08:00', incidentId: `busy-${index}` }));
          }
          if (section.key === 'documents') {
            data.items = Array.from({ length: 12 }, (_, index) => ({ id: `doc-${index}`, serial: `S${index}`, title: `关于做好重点时段值班值守工作的通知（第${index + 1}号）`, unitName: '海口市秀英区司法局', urgent: index % 3 === 0, notifiedAt: '2026-12-04T20:30:00+08:00', minutesWaiting: 95 }));
          }
        }
        await route.fulfill({ response, json: overview });
      });
      await signIn(screen, 'hall');
      await page.waitForURL(/\/hall$/);
      await page.getByTestId('hall-report-units').waitFor();

      for (const size of [
        { width: 1920, height: 1080 },
        { width: 1440, height: 900 },
        { width: 1366, height: 768 },
      ]) {
        await page.setViewportSize(size);
        await page.getByTestId('hall-section-week').locator('canvas').first().waitFor();
        await page.waitForTimeout(600);
        await screenshot(page, `74-hall-busy-${size.width}x${size.height}`, { fullPage: false });

        const clipped = await page.evaluate(() =>
          Array.from(document.querySelectorAll<HTMLElement>('[data-testid^="hall-section-"] [data-hall-body]'))
            .filter((body) => body.scrollHeight > body.clientHeight + 1)
            .map((body) => body.closest('[data-testid]')?.getAttribute('data-testid')),
        );
        expect(clipped, `clipped panels at ${size.width}x${size.height}`).toEqual([]);
        const more = page.getByTestId('hall-report-units').locator('[data-hall-more]');
        expect(await more.textContent(), `units indicator at ${size.width}x${size.height}`).toMatch(/^\+\d+ 个单位$/);
        expect(await page.getByTestId('hall-incidents').locator('[data-hall-more]').textContent()).toMatch(/^\+\d+ 起事件$/);
      }
      expectNoPageProblems(screen);
    } finally {
      await screen.close();
    }
  });

  test('hall account cannot open other pages', async () => {
    const { page, baseUrl } = hall;
    await page.goto(`${baseUrl}/incidents`);
    await page.getByText('没有访问权限').waitFor();
    hall.problems.length = 0;
  });
});
