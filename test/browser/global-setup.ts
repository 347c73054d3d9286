/**
 * Starts one Zhiban server with the demo data for all browser tests: a child
 * process on 127.0.0.1 with a free port and a temporary data directory.
 *
 * The server runs from dist/server/cli.js when it has been built (`npm run
 * build`), otherwise from source through tsx. The web app must be built into
 * dist/web; when dist/web/index.html is missing this setup runs `npm run build:web`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    demoPassword: string;
  }
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const demoPassword = 'Demo@2026pass';
const startTimeoutMs = 60_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function ensureWebBuild(): void {
  if (fs.existsSync(path.join(repoRoot, 'dist/web/index.html'))) return;
  const result = spawnSync('npm', ['run', 'build:web'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build:web failed; the browser tests need dist/web');
}

function serverCommand(): string[] {
  const built = path.join(repoRoot, 'dist/server/cli.js');
  if (fs.existsSync(built)) return [built, 'demo'];
  return ['--import', 'tsx', path.join(repoRoot, 'src/server/cli.ts'), 'demo'];
}

async function waitForHealth(baseUrl: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-4000) : '(no log)';
  throw new Error(`Zhiban server did not become healthy at ${baseUrl} (exit code ${child.exitCode}). Log tail:\n${log}`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  ensureWebBuild();

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhiban-browser-'));
  const logFile = path.join(dataDir, 'server.log');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, serverCommand(), {
    cwd: repoRoot,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      ZHIBAN_DATA_DIR: dataDir,
      ZHIBAN_DEMO_PASSWORD: demoPassword,
      DATABASE_URL: '',
    },
    stdio: ['ignore', log, log],
  });

  try {
    await waitForHealth(baseUrl, child, logFile);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  project.provide('baseUrl', baseUrl);
  project.provide('demoPassword', demoPassword);

  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    fs.closeSync(log);
    if (!process.env.ZHIBAN_KEEP_TEST_DATA) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
