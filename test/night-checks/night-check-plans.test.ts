import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';

interface PlannedSite {
  siteId: string;
  name: string;
  plannedAt: string;
}

interface Plan {
  date: string;
  sampleRatio: number;
  activeSites: number;
  sites: PlannedSite[];
}

const nextDate = (date: string, days: number): string => {
  const shifted = new Date(`${date}T00:00:00Z`);
  shifted.setUTCDate(shifted.getUTCDate() + days);
  return shifted.toISOString().slice(0, 10);
};

describe.each(availableDialects())('night-check plans on %s', (dialect) => {
  let t: TestApp;
  let officer: string;
  let admin: string;
  let siteIds: string[];

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-03-10T10:00:00+08:00' });
    officer = await t.login('officer');
    admin = await t.login('admin');
    const sites = (await t.request('GET', '/api/patrol-sites?activeOnly=true', { cookie: officer })).json().sites as { id: string }[];
    siteIds = sites.map((site) => site.id);
  });
  afterAll(async () => {
    await t.close();
  });

  async function activeSites(count: number): Promise<void> {
    for (const [index, id] of siteIds.entries()) {
      const response = await t.request('PATCH', `/api/patrol-sites/${id}`, { cookie: admin, body: { active: index < count } });
      expect(response.statusCode).toBe(200);
    }
  }

  async function plan(date: string, body: Record<string, unknown> = {}): Promise<{ status: number; plan: Plan }> {
    const response = await t.request('POST', '/api/night-checks/plans', { cookie: officer, body: { date, ...body } });
    return { status: response.statusCode, plan: response.json() as Plan };
  }

  it('demo has at least 41 sites', () => {
    expect(siteIds.length).toBeGreaterThanOrEqual(41);
  });

  it('samples 8 of 40 sites on a workday', async () => {
    await activeSites(40);
    const { status, plan: body } = await plan('2026-03-11');
    expect(status).toBe(201);
    expect(Object.keys(body).sort()).toEqual(['activeSites', 'date', 'sampleRatio', 'sites']);
    expect(body.date).toBe('2026-03-11');
    expect(body.sampleRatio).toBe(0.2);
    expect(body.activeSites).toBe(40);
    expect(body.sites.length).toBeGreaterThanOrEqual(8);
    for (const site of body.sites) expect(Object.keys(site).sort()).toEqual(['name', 'plannedAt', 'siteId']);
  });

  it('samples 10 of 40 sites on a holiday', async () => {
    const { status, plan: body } = await plan('2026-05-01');
    expect(status).toBe(201);
    expect(body.sampleRatio).toBe(0.25);
    expect(body.sites.length).toBeGreaterThanOrEqual(10);
  });

  it('major event flag raises the ratio', async () => {
    const { plan: body } = await plan('2026-03-17', { majorEvent: true });
    expect(body.sampleRatio).toBe(0.25);
    expect(body.sites.length).toBeGreaterThanOrEqual(10);
  });

  it('samples 9 and 11 of 41 sites', async () => {
    await activeSites(41);
    const workday = await plan('2026-03-12');
    expect(workday.plan.activeSites).toBe(41);
    expect(workday.plan.sites.length).toBeGreaterThanOrEqual(9);
    const holiday = await plan('2026-05-02');
    expect(holiday.plan.sites.length).toBeGreaterThanOrEqual(11);
  });

  it('plans every check in 00:00-06:00 of the next night', async () => {
    for (const date of ['2026-03-11', '2026-03-12', '2026-05-01', '2026-05-02']) {
      const response = await t.request('GET', `/api/night-checks/plans/${date}`, { cookie: officer });
      const { sites } = response.json().plan as Plan;
      const night = nextDate(date, 1);
      const start = new Date(`${night}T00:00:00+08:00`).getTime();
      const end = new Date(`${night}T06:00:00+08:00`).getTime();
      for (const site of sites) {
        expect(site.plannedAt).toMatch(new RegExp(`^${night}T0[0-5]:\\d\\d:00\\+08:00$`));
        const time = new Date(site.plannedAt).getTime();
        expect(time).toBeGreaterThanOrEqual(start);
        expect(time).toBeLessThan(end);
      }
      const times = sites.map((site) => new Date(site.plannedAt).getTime()).sort((a, b) => a - b);
      for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(15 * 60_000);
    }
  });

  it('second request returns the stored plan', async () => {
    const first = (await t.request('GET', '/api/night-checks/plans/2026-03-11', { cookie: officer })).json().plan as Plan;
    const again = await plan('2026-03-11');
    expect(again.status).toBe(200);
    expect(again.plan.sites).toEqual(first.sites.map(({ siteId, name, plannedAt }) => ({ siteId, name, plannedAt })));
  });

  it('audit re-draws the same plan from the seed', async () => {
    const response = await t.request('GET', '/api/night-checks/plans/2026-03-12/audit', { cookie: officer });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.matches).toBe(true);
    expect(body.redrawn).toEqual(body.stored);
    expect(body.seed).toMatch(/^[0-9a-f]{32}$/);
  });

  it('covers every site within 30 ordinary nights', async () => {
    await activeSites(40);
    const checked = new Set<string>();
    // July 2026 has no holidays, so every night takes the ordinary 20%.
    for (let day = 1; day <= 30; day += 1) {
      const date = `2026-07-${String(day).padStart(2, '0')}`;
      const { status, plan: body } = await plan(date);
      expect(status).toBe(201);
      expect(body.sampleRatio).toBe(0.2);
      body.sites.forEach((site) => checked.add(site.siteId));
    }
    expect(checked.size).toBe(40);
    expect([...checked].every((id) => siteIds.slice(0, 40).includes(id))).toBe(true);
    await activeSites(siteIds.length);
  });

  it('consecutive nights differ', async () => {
    const first = (await t.request('GET', '/api/night-checks/plans/2026-07-01', { cookie: officer })).json().plan as Plan;
    const second = (await t.request('GET', '/api/night-checks/plans/2026-07-02', { cookie: officer })).json().plan as Plan;
    const overlap = second.sites.filter((site) => first.sites.some((other) => other.siteId === site.siteId));
    expect(overlap).toEqual([]);
  });

  it('counts checks only inside the window', async () => {
    t.clock.set('2026-03-13T07:00:00+08:00');
    // The clock jump ends the idle sessions.
    officer = await t.login('officer');
    admin = await t.login('admin');
    const detail = (await t.request('GET', '/api/night-checks/plans/2026-03-12', { cookie: officer })).json().plan;
    const [firstSite, secondSite] = detail.sites as PlannedSite[];
    const inside = await t.request('POST', '/api/night-checks/plans/2026-03-12/records', {
      cookie: officer,
      body: { siteId: firstSite!.siteId, checkedAt: firstSite!.plannedAt, method: 'video', reached: true, answeredBy: '值班员李明', inPost: true, findings: '在岗在位' },
    });
    expect(inside.statusCode).toBe(201);
    expect(inside.json().record).toMatchObject({ inWindow: true, planned: true });

    const late = await t.request('POST', '/api/night-checks/plans/2026-03-12/records', {
      cookie: officer,
      body: { siteId: secondSite!.siteId, checkedAt: '2026-03-13T06:30:00+08:00', method: 'phone', reached: true, inPost: true },
    });
    expect(late.statusCode).toBe(201);
    expect(late.json().record.inWindow).toBe(false);

    const after = (await t.request('GET', '/api/night-checks/plans/2026-03-12', { cookie: officer })).json().plan;
    expect(after.coverage).toMatchObject({ checkedSites: 1, plannedChecked: 1, outsideWindow: 1, meetsRule: false });
    expect(after.sites.find((site: { siteId: string }) => site.siteId === firstSite!.siteId).checked).toBe(true);
    expect(after.sites.find((site: { siteId: string }) => site.siteId === secondSite!.siteId).checked).toBe(false);
  });

  it('lists last night\'s findings first next night', async () => {
    const detail = (await t.request('GET', '/api/night-checks/plans/2026-03-12', { cookie: officer })).json().plan;
    const site = (detail.sites as PlannedSite[])[2]!;
    const found = await t.request('POST', '/api/night-checks/plans/2026-03-12/records', {
      cookie: officer,
      body: { siteId: site.siteId, checkedAt: site.plannedAt, method: 'video', reached: true, inPost: false, findings: '值班席位无人', problem: { kind: 'off_post', description: '值班席位无人，15分钟后返回' } },
    });
    expect(found.statusCode).toBe(201);
    const unknownEvidence = await t.request('POST', '/api/night-checks/plans/2026-03-12/records', {
      cookie: officer,
      body: { siteId: site.siteId, checkedAt: site.plannedAt, method: 'video', reached: true, inPost: false, problem: { kind: 'off_post', description: '脱岗' }, evidenceIds: ['no-such-attachment'] },
    });
    expect(unknownEvidence.statusCode).toBe(400);
    expect(unknownEvidence.json().error.message).toMatch(/附件/);
    await plan('2026-03-13');
    const next = (await t.request('GET', '/api/night-checks/plans/2026-03-13', { cookie: officer })).json().plan;
    expect(next.followUps).toHaveLength(1);
    expect(next.followUps[0]).toMatchObject({ siteId: site.siteId, kind: 'off_post', source: 'night_check', status: 'open' });
  });

  it('coverage lists stored nights', async () => {
    const response = await t.request('GET', '/api/night-checks/coverage?from=2026-03-11&to=2026-03-13', { cookie: officer });
    expect(response.statusCode).toBe(200);
    const nights = response.json().nights as { date: string; requiredCount: number }[];
    expect(nights.map((night) => night.date)).toEqual(['2026-03-11', '2026-03-12', '2026-03-13']);
  });

  it('rejects a malformed date in Chinese', async () => {
    const response = await t.request('POST', '/api/night-checks/plans', { cookie: officer, body: { date: '2026-02-30' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/「日期」/);
  });

  it('rejects a missing body field', async () => {
    const response = await t.request('POST', '/api/night-checks/plans', { cookie: officer, body: {} });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/日期/);
  });

  it('rejects a wrong major-event type', async () => {
    const response = await t.request('POST', '/api/night-checks/plans', { cookie: officer, body: { date: '2026-03-20', majorEvent: 'yes' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/重大活动/);
  });

  it('unknown plan is 404 in Chinese', async () => {
    const response = await t.request('GET', '/api/night-checks/plans/2027-01-05', { cookie: officer });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toMatch(/夜查计划/);
  });

  it('record with unknown site is 404', async () => {
    const response = await t.request('POST', '/api/night-checks/plans/2026-03-12/records', {
      cookie: officer,
      body: { siteId: 'no-such-site', checkedAt: '2026-03-13T01:00:00+08:00', method: 'video', reached: true, inPost: true },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toMatch(/巡查点位/);
  });

  it('record in the future is rejected', async () => {
    const response = await t.request('POST', '/api/night-checks/plans/2026-03-13/records', {
      cookie: officer,
      body: { siteId: siteIds[0], checkedAt: '2026-03-14T01:00:00+08:00', method: 'video', reached: true, inPost: true },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/夜查时间/);
  });

  it('unit liaison cannot draw a plan', async () => {
    const liaison = await t.login('xiuying');
    const response = await t.request('POST', '/api/night-checks/plans', { cookie: liaison, body: { date: '2026-03-21' } });
    expect(response.statusCode).toBe(403);
  });

  it('no active sites is 409', async () => {
    await activeSites(0);
    const response = await t.request('POST', '/api/night-checks/plans', { cookie: officer, body: { date: '2026-08-01' } });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(/没有启用的巡查点位/);
    await activeSites(siteIds.length);
  });
});
