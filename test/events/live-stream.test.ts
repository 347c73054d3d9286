import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { openSse } from './sse-client.js';

describe.each(availableDialects())('live event stream on %s', (dialect) => {
  let t: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-03-10T10:00:00+08:00' });
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('new incident reaches signed-in users within a second', async () => {
    const officer = await t.login('officer');
    const hall = await t.login('hall');
    const xiuying = await t.login('xiuying');
    const longhua = await t.login('longhua');
    const units = (await t.request('GET', '/api/units', { cookie: officer })).json().units as { id: string; name: string }[];
    const streams = await Promise.all([hall, xiuying, longhua].map((cookie) => openSse(`${baseUrl}/api/events/stream`, cookie)));
    const [hallStream, xiuyingStream, longhuaStream] = streams;

    const started = Date.now();
    const created = await t.request('POST', '/api/incidents', {
      cookie: officer,
      body: { title: '实时推送测试', unitId: units.find((unit) => unit.name === '秀英区司法局')!.id, grade: 'general', occurredAt: '2026-03-10T09:00:00+08:00', discoveredAt: '2026-03-10T09:10:00+08:00', receivedAt: '2026-03-10T09:30:00+08:00', channel: 'phone' },
    });
    expect(created.statusCode).toBe(201);
    const isCreated = (event: { type: string }) => event.type === 'incident.created';
    const onHall = await hallStream!.waitFor(isCreated, 1000);
    const onUnit = await xiuyingStream!.waitFor(isCreated, 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(onHall.title).toContain('实时推送测试');
    expect(onHall.urgent).toBe(true);
    expect((onUnit.data as { incidentId: string }).incidentId).toBe(created.json().id);

    // Another unit's liaison does not get it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(longhuaStream!.events.filter(isCreated)).toEqual([]);
    expect(hallStream!.raw()).toContain('retry: 3000');
    streams.forEach((stream) => stream.close());
  });

  it('stream sends a heartbeat every 15 s', async () => {
    const stream = await openSse(`${baseUrl}/api/events/stream`, await t.login('officer'));
    const deadline = Date.now() + 17_000;
    while (!stream.raw().includes(': heartbeat') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(stream.raw()).toContain(': heartbeat');
    stream.close();
  }, 20_000);

  it('stream requires sign-in', async () => {
    const response = await fetch(`${baseUrl}/api/events/stream`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/登录/);
  });
});
