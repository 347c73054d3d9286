/**
 * A throwaway PostgreSQL 15 cluster for tests: initdb in a temp directory
 * owned by the postgres user (initdb refuses root), listening on 127.0.0.1
 * on a free port, fsync off. Stopped and removed at the end of the run.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const PG_BIN = process.env.ZHIBAN_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export function postgresAvailable(): boolean {
  return fs.existsSync(path.join(PG_BIN, 'initdb')) && fs.existsSync(path.join(PG_BIN, 'postgres'));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function asPostgresUser(): string[] {
  // As root, run the binaries as the postgres user; as anyone else, run them directly.
  return process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
}

export interface PostgresCluster {
  url: string;
  stop(): Promise<void>;
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhiban-pg-'));
  const dataDir = path.join(dir, 'data');
  const prefix = asPostgresUser();
  if (prefix.length > 0) execFileSync('chown', ['postgres:postgres', dir]);
  const run = (args: string[]) => {
    const [command, ...rest] = [...prefix, ...args];
    execFileSync(command!, rest, { stdio: 'pipe' });
  };
  run([path.join(PG_BIN, 'initdb'), '-D', dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);

  const port = await freePort();
  const [command, ...rest] = [
    ...prefix,
    path.join(PG_BIN, 'postgres'),
    '-D', dataDir,
    '-h', '127.0.0.1',
    '-p', String(port),
    '-k', dir,
    '-c', 'fsync=off',
    '-c', 'synchronous_commit=off',
    '-c', 'full_page_writes=off',
    '-c', 'max_connections=300',
  ];
  const child: ChildProcess = spawn(command!, rest, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const ready = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (ready && stderr.includes('ready to accept connections')) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`PostgreSQL test cluster did not start: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url,
    async stop() {
      // A signal to the runuser wrapper does not reach postgres, so ask pg_ctl
      // to stop the server, and signal the whole process group as a fallback.
      const exited = new Promise((resolve) => {
        if (child.exitCode !== null) resolve(null);
        else child.once('exit', resolve);
      });
      try {
        run([path.join(PG_BIN, 'pg_ctl'), '-D', dataDir, 'stop', '-m', 'immediate', '-w', '-t', '10']);
      } catch {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
