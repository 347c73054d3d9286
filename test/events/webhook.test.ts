import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';

interface Received {
  at: number;
  body: { type: string; title: string; data: { incidentId: string } };
}

describe('outbound webhook', () => {
  let t: TestApp;
  let receiver: http.Server;
  const received: Received[] = [];
  let failuresLeft = 1;

  beforeAll(async () => {
    // The receiver responds 500 once, then 204, so the first delivery needs a retry.
    receiver = http.createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        received.push({ at: Date.now(), body: JSON.parse(text) as Received['body'] });
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          response.writeHead(500).end();
          return;
        }
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const port = (receiver.address() as AddressInfo).port;
    t = await createTestApp('sqlite', { now: '2026-03-10T10:00:00+08:00', config: { webhookUrl: `http://127.0.0.1:${port}/hook` } });
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('posts the event, retrying after a failure, without delaying the request', async () => {
    const officer = await t.login('officer');
    const units = (await t.request('GET', '/api/units', { cookie: officer })).json().units as { id: string; name: string }[];
    const started = Date.now();
    const response = await t.request('POST', '/api/incidents', {
      cookie: officer,
      body: { title: '推送外部系统测试', unitId: units[2]!.id, grade: 'general', occurredAt: '2026-03-10T09:00:00+08:00', discoveredAt: '2026-03-10T09:10:00+08:00', receivedAt: '2026-03-10T09:30:00+08:00', channel: 'system' },
    });
    expect(response.statusCode).toBe(201);
    // The request returned long before the retry's one-second backoff.
    expect(Date.now() - started).toBeLessThan(900);

    const deadline = Date.now() + 5000;
    while (received.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received).toHaveLength(2);
    expect(received[0]!.body.type).toBe('incident.created');
    expect(received[1]!.body).toEqual(received[0]!.body);
    expect(received[1]!.body.data.incidentId).toBe(response.json().id);
    expect(received[1]!.at - received[0]!.at).toBeGreaterThanOrEqual(900);
  });
});
