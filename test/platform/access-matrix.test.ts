/**
 * Walks every API route with every role (one account per role, plus the hall
 * display and an anonymous caller) and checks that the declared access is
 * what the server enforces: 403 for a role the route does not admit, and no
 * 401/403-by-role for a role it does. Then sends malformed bodies to every
 * write route and checks for a Chinese 4xx, never a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/server/audit/audit-log.js';
import { hashPassword } from '../../src/server/auth/password.js';
import type { RouteEntry } from '../../src/server/app.js';
import { errorCatalogue } from '../../src/server/errors.js';
import { isAllowed } from '../../src/server/http/access.js';
import { insertAccount } from '../../src/server/users/users.service.js';
import { roles, type Role } from '../../src/shared/roles.js';
import { availableDialects } from '../support/databases.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../support/app.js';

const CHINESE = /[\u4e00-\u9fa5]/;
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

/** Fills path parameters with values of the right shape that match no record. */
function concreteUrl(url: string): string {
  return url
    .replace(/:month\b/g, '2026-03')
    .replace(/:date\b/g, '2026-03-10')
    .replace(/:year\b/g, '2026')
    .replace(/:token(\.ics)?\b/g, (_match, suffix: string | undefined) => `no-such-token${suffix ?? ''}`)
    .replace(/:[a-zA-Z]+/g, MISSING_ID)
    .replace(/\*$/, '');
}

// Routes whose call would end the session the walk keeps using.
const sessionEnding = new Set(['POST /api/auth/logout']);

/** Server-sent event streams never end, so an admitted call is not awaited; a refused one is. */
function isStream(route: RouteEntry): boolean {
  return route.method === 'GET' && /\/stream$/.test(route.url);
}

describe.each(availableDialects())('access matrix on %s', (dialect) => {
  let t: TestApp;
  const cookies = new Map<Role, string>();
  let routes: RouteEntry[];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const passwordHash = await hashPassword(TEST_PASSWORD, 'test');
    const center = await t.ctx.db.kysely.selectFrom('units').select('id').where('kind', '=', 'command_center').executeTakeFirstOrThrow();
    await t.ctx.db.kysely.transaction().execute(async (trx) => {
      for (const role of roles) {
        await insertAccount(trx, systemActor, { username: `matrix_${role}`, name: `矩阵${role}`, roles: [role], unitId: center.id }, passwordHash, false, t.clock.now());
      }
    });
    for (const role of roles) cookies.set(role, await t.login(`matrix_${role}`));
    routes = t.app.apiRoutes.filter((route) => !sessionEnding.has(`${route.method} ${route.url}`));
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  it('every API route declares access', () => {
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) expect(route.access, `${route.method} ${route.url}`).toBeDefined();
  });

  it('anonymous callers get 401 on every non-public route', async () => {
    for (const route of routes) {
      if (route.access.kind === 'public') continue;
      const response = await t.request(route.method, concreteUrl(route.url), { body: route.method === 'GET' ? undefined : {} });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.json().error.code).toBe('NOT_AUTHENTICATED');
    }
  });

  it('each role is admitted or refused as declared', async () => {
    const forbiddenMessage = errorCatalogue.FORBIDDEN.message;
    for (const role of roles) {
      const cookie = cookies.get(role)!;
      const isDisplay = role === 'hall_display';
      for (const route of routes) {
        const expected = isAllowed(route.access, [role], isDisplay);
        if (expected && isStream(route)) continue;
        const response = await t.request(route.method, concreteUrl(route.url), { cookie, body: route.method === 'GET' ? undefined : {} });
        const label = `${role} ${route.method} ${route.url} → ${response.statusCode} ${response.body.slice(0, 200)}`;
        expect(response.statusCode, label).toBeLessThan(500);
        if (expected) {
          expect(response.statusCode, label).not.toBe(401);
          const refusedByRole = response.statusCode === 403 && response.json().error?.message === forbiddenMessage;
          expect(refusedByRole, label).toBe(false);
        } else {
          expect(response.statusCode, label).toBe(403);
        }
      }
    }
  }, 300_000);

  it('three administrators are kept apart', async () => {
    const auditAsAdmin = await t.request('GET', '/api/audit', { cookie: cookies.get('sys_admin')! });
    expect(auditAsAdmin.statusCode).toBe(403);
    const auditAsAuditor = await t.request('GET', '/api/audit', { cookie: cookies.get('audit_admin')! });
    expect(auditAsAuditor.statusCode).toBe(200);
    const peopleWriteAsAuditor = await t.request('POST', '/api/people', { cookie: cookies.get('audit_admin')!, body: {} });
    expect(peopleWriteAsAuditor.statusCode).toBe(403);
    const policyAsAdmin = await t.request('PUT', '/api/security/password-policy', { cookie: cookies.get('sys_admin')!, body: { minLength: 8, minClasses: 3, maxAgeDays: 0 } });
    expect(policyAsAdmin.statusCode).toBe(403);
  });

  it('malformed bodies never get a 5xx on write routes', async () => {
    const malformed: { payload: string; contentType: string }[] = [
      { payload: '{}', contentType: 'application/json' },
      { payload: '[]', contentType: 'application/json' },
      { payload: '"text"', contentType: 'application/json' },
      { payload: 'null', contentType: 'application/json' },
      { payload: '{"title": 12, "date": "not-a-date", "unitId": [], "name": {"a": 1}}', contentType: 'application/json' },
      { payload: '{broken json', contentType: 'application/json' },
      { payload: 'plain words', contentType: 'text/plain' },
    ];
    for (const route of routes) {
      if (route.method === 'GET' || route.access.kind === 'public' && route.url !== '/api/auth/login') continue;
      const role = route.access.kind === 'roles' ? route.access.roles[0]! : 'duty_officer';
      const cookie = cookies.get(role)!;
      for (const body of malformed) {
        const response = await t.app.inject({
          method: route.method as 'POST',
          url: concreteUrl(route.url),
          headers: { cookie, 'content-type': body.contentType },
          payload: body.payload,
        });
        const label = `${route.method} ${route.url} with ${body.payload} → ${response.statusCode} ${response.body.slice(0, 200)}`;
        expect(response.statusCode, label).toBeLessThan(500);
        // Some routes take no body or only optional fields, so only unparsable JSON must always fail.
        if (body.payload === '{broken json') expect(response.statusCode, label).toBeGreaterThanOrEqual(400);
        if (response.statusCode >= 400) expect(response.json().error.message, label).toMatch(CHINESE);
      }
    }
  }, 300_000);
});
