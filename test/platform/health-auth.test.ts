import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../support/app.js';

describe.each(availableDialects())('health and sign-in on %s', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('health reports the database and version', async () => {
    const response = await t.request('GET', '/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: dialect, version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
  });

  it('login returns the user and a strict HttpOnly cookie', async () => {
    const response = await t.request('POST', '/api/auth/login', { body: { username: 'officer', password: TEST_PASSWORD } });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user).toMatchObject({ username: 'officer', name: '王晓明', roles: ['duty_officer'] });
    expect(typeof body.user.id).toBe('string');
    expect(typeof body.user.unitId).toBe('string');
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
  });

  it('wrong password is 401 INVALID_CREDENTIALS in Chinese', async () => {
    const response = await t.request('POST', '/api/auth/login', { body: { username: 'leader', password: 'wrong-Password1' } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(response.json().error.message).toMatch(/用户名或密码错误/);
  });

  it('unknown user is 401 INVALID_CREDENTIALS', async () => {
    const response = await t.request('POST', '/api/auth/login', { body: { username: 'nobody', password: 'x' } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('five wrong passwords lock the account for ten minutes', async () => {
    const attempt = (password: string) => t.request('POST', '/api/auth/login', { body: { username: 'longhua', password } });
    for (let i = 1; i <= 4; i += 1) {
      expect((await attempt(`Wrong-${i}-pass`)).statusCode).toBe(401);
    }
    const fifth = await attempt('Wrong-5-pass');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');

    const correctWhileLocked = await attempt(TEST_PASSWORD);
    expect(correctWhileLocked.statusCode).toBe(423);
    expect(correctWhileLocked.json().error.code).toBe('ACCOUNT_LOCKED');

    t.clock.advance(9 * 60_000);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(423);
    t.clock.advance(61_000);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('session ends after thirty idle minutes', async () => {
    const cookie = await t.login('leader');
    expect((await t.request('GET', '/api/auth/me', { cookie })).statusCode).toBe(200);
    t.clock.advance(29 * 60_000);
    expect((await t.request('GET', '/api/auth/me', { cookie })).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const expired = await t.request('GET', '/api/auth/me', { cookie });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.message).toMatch(/超时/);
  });

  it('display session never expires and opens only display routes', async () => {
    const cookie = await t.login('hall');
    t.clock.advance(48 * 3600_000);
    const me = await t.request('GET', '/api/auth/me', { cookie });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.sessionKind).toBe('display');
    expect((await t.request('GET', '/api/people', { cookie })).statusCode).toBe(403);
  });

  it('wrong current password counts toward the lock', async () => {
    const cookie = await t.login('qiongshan');
    for (let i = 1; i <= 4; i += 1) {
      const wrong = await t.request('POST', '/api/auth/change-password', { cookie, body: { currentPassword: `Nope-${i}-pass`, newPassword: 'Duty#2026ok' } });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.code).toBe('WRONG_CURRENT_PASSWORD');
    }
    const fifth = await t.request('POST', '/api/auth/change-password', { cookie, body: { currentPassword: 'Nope-5-pass', newPassword: 'Duty#2026ok' } });
    expect(fifth.statusCode).toBe(423);
    expect((await t.request('GET', '/api/auth/me', { cookie })).statusCode).toBe(401);
  });

  it('unreadable characters are rejected before storage', async () => {
    const cookie = await t.login('admin');
    for (const name of ['\ud800坏字符', '空\u0000字符']) {
      const response = await t.request('POST', '/api/units', { cookie, body: { name, kind: 'department' } });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toMatch(/无法识别的字符/);
    }
  });

  it('responses carry security headers', async () => {
    const response = await t.request('GET', '/api/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(String(response.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });

  it('logout ends the session', async () => {
    const cookie = await t.login('xiuying');
    expect((await t.request('POST', '/api/auth/logout', { cookie })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { cookie })).statusCode).toBe(401);
  });

  it('new account must change its password first', async () => {
    const admin = await t.login('admin');
    const units = (await t.request('GET', '/api/units', { cookie: admin })).json().units as { id: string; kind: string }[];
    const created = await t.request('POST', '/api/users', {
      cookie: admin,
      body: { username: 'newofficer', name: '新值班员', roles: ['duty_officer'], unitId: units.find((u) => u.kind === 'department')!.id },
    });
    expect(created.statusCode).toBe(201);
    const initialPassword = created.json().initialPassword as string;

    const cookie = await t.login('newofficer', initialPassword);
    const blocked = await t.request('GET', '/api/people', { cookie });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const weak = await t.request('POST', '/api/auth/change-password', { cookie, body: { currentPassword: initialPassword, newPassword: 'abcdefgh' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('WEAK_PASSWORD');
    expect(weak.json().error.message).toMatch(/至少3类/);

    const changed = await t.request('POST', '/api/auth/change-password', { cookie, body: { currentPassword: initialPassword, newPassword: 'Duty#2026ok' } });
    expect(changed.statusCode).toBe(200);
    expect((await t.request('GET', '/api/people', { cookie })).statusCode).toBe(200);
  });
});
