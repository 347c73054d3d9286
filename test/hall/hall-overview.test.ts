import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hallSections } from '../../src/server/hall/sections.js';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';

describe.each(availableDialects())('hall overview on %s', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-03-10T10:00:00+08:00' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('hall display reads every section', async () => {
    const hall = await t.login('hall');
    const officer = await t.login('officer');
    const units = (await t.request('GET', '/api/units', { cookie: officer })).json().units as { id: string; name: string }[];
    await t.request('POST', '/api/incidents', {
      cookie: officer,
      body: { title: '大屏测试事件', unitId: units[1]!.id, grade: 'major', occurredAt: '2026-03-10T09:00:00+08:00', discoveredAt: '2026-03-10T09:10:00+08:00', receivedAt: '2026-03-10T09:30:00+08:00', channel: 'phone' },
    });

    const response = await t.request('GET', '/api/hall/overview', { cookie: hall });
    expect(response.statusCode).toBe(200);
    const overview = response.json();
    expect(overview.dutyDate).toBe('2026-03-10');
    expect(overview.sections.map((section: { key: string }) => section.key)).toEqual(hallSections.map((section) => section.key));
    for (const section of overview.sections) expect(section.error, section.key).toBeNull();
    const incidents = overview.sections.find((section: { key: string }) => section.key === 'incidents').data;
    expect(incidents.items[0]).toMatchObject({ title: '大屏测试事件', gradeLabel: '重大', nextDeadline: { label: '书面补报', due: '2026-03-10T11:30:00+08:00' } });
    expect(incidents.items[0].missingElements).toContain('网上舆情');
    const duty = overview.sections.find((section: { key: string }) => section.key === 'duty').data;
    expect(duty.date).toBe('2026-03-10');
    const reports = overview.sections.find((section: { key: string }) => section.key === 'reports').data;
    expect(reports.date).toBe('2026-03-10');
    expect(reports.units.length).toBeGreaterThan(0);
    const week = overview.sections.find((section: { key: string }) => section.key === 'week').data;
    expect(week.days).toHaveLength(7);
    expect(week.days.at(-1)).toMatchObject({ date: '2026-03-10', incidents: 1, majorIncidents: 1 });
  });

  it('display session opens nothing but the hall', async () => {
    const hall = await t.login('hall');
    expect((await t.request('GET', '/api/incidents', { cookie: hall })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/people', { cookie: hall })).statusCode).toBe(403);
    const liaison = await t.login('xiuying');
    expect((await t.request('GET', '/api/hall/overview', { cookie: liaison })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/hall/overview')).statusCode).toBe(401);
  });
});
