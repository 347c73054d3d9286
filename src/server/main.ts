/** Starts the HTTP server and stops it cleanly on SIGINT/SIGTERM. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { closeContext } from './bootstrap.js';
import type { AppContext } from './context.js';
import { startSchedulers } from './schedulers.js';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  stop(): Promise<void>;
}

export async function startServer(ctx: AppContext): Promise<RunningServer> {
  const app = await buildApp(ctx);
  await app.listen({ host: ctx.config.host, port: ctx.config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : ctx.config.port;
  const url = `http://${ctx.config.host}:${port}`;
  const stopSchedulers = startSchedulers(ctx);
  ctx.log.info({ url, database: ctx.db.dialect }, 'server started');

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      ctx.log.info('server stopping');
      stopSchedulers();
      await app.close();
      await closeContext(ctx);
      ctx.log.info('server stopped');
    })();
    return stopping;
  };
  return { app, url, stop };
}

export function stopOnSignals(server: RunningServer, log: AppContext['log']): void {
  const handle = (signal: NodeJS.Signals) => {
    log.info({ signal }, 'shutdown requested');
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', handle);
  process.once('SIGTERM', handle);
}
