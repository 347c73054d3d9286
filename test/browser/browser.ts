/**
 * Chromium for the browser tests: Debian's /usr/bin/chromium driven by
 * playwright-core (no downloaded browser), one temporary profile per test file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

const chromiumPath = '/usr/bin/chromium';
const screenshotDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  baseUrl: string;
  /** Uncaught page errors and console errors other than failed resource loads. */
  problems: string[];
  close(): Promise<void>;
}

/** Waits for Chromium, which another job's apt run may still be installing. */
async function waitForChromium(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(chromiumPath)) {
    if (Date.now() > deadline) throw new Error(`${chromiumPath} not found; install Debian's chromium package (.ci/install-system-deps.sh)`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

/** Opens Chromium in the center's zone unless `timezoneId` sets another zone for the browser. */
export async function openBrowser(options: { timezoneId?: string } = {}): Promise<BrowserSession> {
  await waitForChromium(90_000);
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhiban-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: options.timezoneId ?? 'Asia/Shanghai',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    const text = message.text();
    // The browser logs every 4xx response; the tests check those responses themselves.
    if (text.startsWith('Failed to load resource')) return;
    problems.push(`console ${message.type()}: ${text}`);
  });
  return {
    context,
    page,
    baseUrl: inject('baseUrl'),
    problems,
    close: async () => {
      await context.close();
      fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the form, starting from a clean session, and waits until the app has left the sign-in page. */
export async function signIn(session: BrowserSession, username: string, password = inject('demoPassword')): Promise<void> {
  const { page, context, baseUrl } = session;
  await context.clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * Saves a screenshot under test/browser/screenshots. Use `fullPage: false`
 * while a drawer or dialog is open: a full-page capture repositions fixed
 * elements such as the side menu and the mask.
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  // Let antd's open and close animations (about 0.3 s) finish.
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: options.fullPage ?? true });
}

/**
 * Fails when the page logged errors or warnings during the test. React's and
 * antd's own warnings appear only when dist/web is a development build.
 */
export function expectNoPageProblems(session: BrowserSession): void {
  expect(session.problems).toEqual([]);
  session.problems.length = 0;
}
