import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';

/** Requests with bad input: each must get a 4xx with a Chinese message, never a 5xx. */
const cases: { name: string; method: string; url: string; body?: unknown; status: number }[] = [
  { name: 'plan date not a date', method: 'GET', url: '/api/night-checks/plans/yesterday', status: 400 },
  { name: 'plan audit unknown date', method: 'GET', url: '/api/night-checks/plans/2030-01-01/audit', status: 404 },
  { name: 'coverage reversed range', method: 'GET', url: '/api/night-checks/coverage?from=2026-03-10&to=2026-03-01', status: 400 },
  { name: 'plan body not an object', method: 'POST', url: '/api/night-checks/plans', body: ['2026-03-10'], status: 400 },
  { name: 'settings negative interval', method: 'PUT', url: '/api/night-checks/settings', body: { minIntervalMinutes: -5, majorEventDates: [] }, status: 400 },
  { name: 'record text too long', method: 'POST', url: '/api/patrol-problems', body: { unitId: 'x', kind: 'other', description: '长'.repeat(1001), foundAt: '2026-03-10T09:00:00+08:00' }, status: 400 },
  { name: 'problem unknown unit', method: 'POST', url: '/api/patrol-problems', body: { unitId: 'no-such-unit', kind: 'other', description: '说明', foundAt: '2026-03-10T09:00:00+08:00' }, status: 404 },
  { name: 'problem without unit or site', method: 'POST', url: '/api/patrol-problems', body: { kind: 'other', description: '说明', foundAt: '2026-03-10T09:00:00+08:00' }, status: 400 },
  { name: 'problem time without offset', method: 'POST', url: '/api/patrol-problems', body: { unitId: 'x', kind: 'other', description: '说明', foundAt: '2026-03-10 09:00' }, status: 400 },
  { name: 'problem unknown id', method: 'GET', url: '/api/patrol-problems/no-such-problem', status: 404 },
  { name: 'close unknown problem', method: 'POST', url: '/api/patrol-problems/no-such-problem/close', body: {}, status: 404 },
  { name: 'return without reason', method: 'POST', url: '/api/patrol-problems/no-such-problem/return', body: { reason: '' }, status: 400 },
  { name: 'patrol unknown id', method: 'GET', url: '/api/patrols/no-such-patrol', status: 404 },
  { name: 'patrol list bad date', method: 'GET', url: '/api/patrols?from=2026-13-01', status: 400 },
  { name: 'patrol bad role', method: 'POST', url: '/api/patrols', body: { patrolledAt: '2026-03-10T09:00:00+08:00', patrollerRole: 'janitor', method: 'video', items: [{ siteId: 'x', observation: '正常' }] }, status: 400 },
  { name: 'analysis without month', method: 'GET', url: '/api/patrols/analysis', status: 400 },
  { name: 'site unknown id', method: 'PATCH', url: '/api/patrol-sites/no-such-site', body: { active: false }, status: 404 },
  { name: 'answer sheet bad date', method: 'GET', url: '/api/roll-calls/answer-sheet?date=2026-02-30', status: 400 },
  { name: 'windows range too long', method: 'GET', url: '/api/roll-calls/windows?from=2026-01-01&to=2026-12-31', status: 400 },
  { name: 'roll call future time', method: 'POST', url: '/api/roll-calls', body: { calledAt: '2027-01-01T10:00:00+08:00', caller: '省厅', answeredBy: '王晓明', answers: [{ question: '问', answer: '答' }] }, status: 400 },
  { name: 'rehab count not a number', method: 'PUT', url: '/api/rehab-daily/2026-03-10', body: { inmateCount: '四百', policeOnDuty: 'x', activities: 'x', orderStatus: 'x' }, status: 400 },
  { name: 'platform check unknown platform', method: 'POST', url: '/api/platform-checks', body: { platformId: 'no-such-platform', status: 'normal' }, status: 404 },
  { name: 'restore unknown check', method: 'POST', url: '/api/platform-checks/no-such-check/restore', body: { note: '恢复' }, status: 404 },
  { name: 'platform checks bad date', method: 'GET', url: '/api/platform-checks?dutyDate=03-10', status: 400 },
];

describe.each(availableDialects())('patrol bad input on %s', (dialect) => {
  let t: TestApp;
  let officer: string;
  let leader: string;

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-03-10T10:00:00+08:00' });
    officer = await t.login('officer');
    leader = await t.login('leader');
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(cases)('$name is rejected', async ({ method, url, body, status }) => {
    const cookie = method === 'PUT' && url.includes('settings') ? leader : method === 'PATCH' ? leader : officer;
    const response = await t.request(method, url, { cookie, body });
    expect(response.statusCode).toBe(status);
    const error = response.json().error as { code: string; message: string };
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('malformed JSON is 400', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/night-checks/plans', headers: { cookie: officer, 'content-type': 'application/json' }, payload: '{"date":' });
    expect(response.statusCode).toBe(400);
  });

  it('signed-out request is 401', async () => {
    const response = await t.request('GET', '/api/patrol-problems');
    expect(response.statusCode).toBe(401);
  });
});
