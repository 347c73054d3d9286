/**
 * The app factory: builds a ready Fastify instance from a context, without
 * listening, so the server, the CLI and the tests share one wiring.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from './context.js';
import { installAuthHook } from './http/auth-hook.js';
import { installConfidentialGuard } from './http/confidential-hook.js';
import { installErrorHandler } from './http/error-handler.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { installChineseZodMessages } from './http/zod-messages.js';
import { registerModuleRoutes } from './routes.js';
import type { Access } from './http/access.js';

export const APP_VERSION = '0.1.0';

export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
    /** Every API route with its declared access, for the authorization matrix test. */
    apiRoutes: RouteEntry[];
  }
}

function webRoot(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // dist/server/app.js serves dist/web; src/server/app.ts (tests) serves a build in dist/web if there is one.
  const candidates = [path.resolve(here, '../web'), path.resolve(here, '../../dist/web')].filter((dir) => dir.endsWith(path.join('dist', 'web')));
  return candidates.find((candidate) => fs.existsSync(path.join(candidate, 'index.html'))) ?? null;
}

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  installChineseZodMessages();
  const app = Fastify({
    loggerInstance: ctx.log,
    trustProxy: true,
    bodyLimit: Math.max(ctx.config.maxUploadBytes * 2, 1024 * 1024),
    requestIdHeader: false,
    ajv: { customOptions: { coerceTypes: false } },
  });
  app.decorate('ctx', ctx);
  app.decorate('apiRoutes', [] as RouteEntry[]);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access`);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      app.apiRoutes.push({ method, url: route.url, access });
    }
  });

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: ctx.config.maxUploadBytes, files: 10 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Zhiban 值班值守与指挥调度系统 API', version: APP_VERSION },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'zhiban_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  installErrorHandler(app, ctx.config.maxUploadBytes);
  installSecurityHeaders(app);
  installAuthHook(app, ctx);
  installConfidentialGuard(app);

  await app.register(async (api) => registerModuleRoutes(api, ctx));

  const root = webRoot();
  if (root) {
    await app.register(fastifyStatic, { root, prefix: '/', wildcard: false });
    // Client-side routes (/roster, /audit…) all load the single page app.
    app.get('/*', { config: { access: { kind: 'public' } } }, (request, reply) => {
      if (request.url.startsWith('/api/')) {
        void reply.status(404).send({ error: { code: 'ROUTE_NOT_FOUND', message: '请求的接口不存在，请检查地址。' } });
        return;
      }
      void reply.sendFile('index.html');
    });
  }

  return app;
}
