import type { FastifyInstance, FastifyRequest } from 'fastify';
import { lookupSession, SESSION_COOKIE, touchSession, type SessionUser } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { isAllowed, type Access } from './access.js';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

// Writing last_seen_at on every request would make each read a write.
const TOUCH_INTERVAL_MS = 60_000;

export function accessOf(request: FastifyRequest): Access | undefined {
  return request.routeOptions.config?.access;
}

/**
 * Resolves the session cookie to a user and enforces the route's declared
 * access before the body is parsed, so a forbidden call gets 403 whatever it sends.
 */
export function installAuthHook(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('user', null);

  app.addHook('onRequest', async (request) => {
    const access = accessOf(request);
    if (!access) return; // unknown route: the not-found handler answers

    const token = request.cookies[SESSION_COOKIE];
    let expired = false;
    if (token) {
      const now = ctx.clock.now();
      const found = await lookupSession(ctx.db.kysely, token, now, ctx.config.sessionIdleMinutes);
      if (found.status === 'valid') {
        request.user = found.user;
        if (now.getTime() - found.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
          await touchSession(ctx.db.kysely, found.user.sessionId, now);
        }
      } else if (found.status === 'expired') {
        expired = true;
      }
    }

    if (access.kind === 'public') return;
    const user = request.user;
    if (!user) {
      throw new AppError('NOT_AUTHENTICATED', expired ? '长时间未操作，登录已超时，请重新登录。' : undefined);
    }
    if (access.kind === 'self') return;
    if (user.mustChangePassword && user.sessionKind === 'user') {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
    if (!isAllowed(access, user.roles, user.sessionKind === 'display')) {
      request.log.info({ userId: user.id, route: request.routeOptions.url }, 'access denied');
      throw new AppError('FORBIDDEN');
    }
  });
}

/** Returns the signed-in user; only for routes whose access requires sign-in. */
export function currentUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw new AppError('NOT_AUTHENTICATED');
  return request.user;
}
