import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/time.js';
import { dutyStaffOn } from '../../src/server/roster/duty-staff.js';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';

describe.each(availableDialects())('incident duty staff on %s', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-03-01T10:00:00+08:00' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('names the commander after an approved substitution', async () => {
    const leader = await t.login('leader');
    const accounts = await t.ctx.db.kysely.selectFrom('users').select(['username', 'person_id']).where('username', 'in', ['commander', 'juzhang']).execute();

    // Find a duty day whose commander one of the two commander accounts can replace.
    let substituted: { date: string; counterpart: { username: string; personId: string }; requestId: string } | null = null;
    for (let offset = 5; offset < 20 && !substituted; offset += 1) {
      const date = addDays('2026-03-01', offset);
      const staff = await dutyStaffOn(t.ctx, t.ctx.db.kysely, date);
      if (!staff.published || !staff.commander) continue;
      // The approver (a bureau leader) may not take part in the request, so both accounts stay out of it but one.
      if (accounts.some((account) => account.person_id === staff.commander!.personId)) continue;
      const counterpart = accounts[0]!;
      const request = await t.request('POST', '/api/duty-requests', {
        cookie: leader,
        body: { kind: 'substitution', date, role: 'commander', counterpartPersonId: counterpart.person_id, reason: '公务外出', requesterPersonId: staff.commander.personId },
      });
      if (request.statusCode !== 201) continue;
      substituted = { date, counterpart: { username: counterpart.username, personId: counterpart.person_id! }, requestId: request.json().request.id };
    }
    expect(substituted, 'no duty day allowed a substitution').not.toBeNull();
    const { date, counterpart, requestId } = substituted!;
    const counterpartCookie = await t.login(counterpart.username);
    expect((await t.request('POST', `/api/duty-requests/${requestId}/answer`, { cookie: counterpartCookie, body: { agree: true } })).statusCode).toBe(200);
    const approver = await t.login(accounts.find((account) => account.username !== counterpart.username)!.username);
    expect((await t.request('POST', `/api/duty-requests/${requestId}/decision`, { cookie: approver, body: { approve: true } })).statusCode).toBe(200);
    const after = await dutyStaffOn(t.ctx, t.ctx.db.kysely, date);
    expect(after.commander?.personId).toBe(counterpart.personId);
    const nextDay = await dutyStaffOn(t.ctx, t.ctx.db.kysely, addDays(date, 1));

    // 00:40 after that date still belongs to its duty day (handover 08:30).
    t.clock.set(`${addDays(date, 1)}T00:50:00+08:00`);
    const officer = await t.login('officer');
    const units = (await t.request('GET', '/api/units', { cookie: officer })).json().units as { id: string; name: string }[];
    const response = await t.request('POST', '/api/incidents', {
      cookie: officer,
      body: {
        title: '戒毒人员突发疾病',
        unitId: units.find((unit) => unit.name.includes('戒毒所'))!.id,
        grade: 'larger',
        occurredAt: `${addDays(date, 1)}T00:20:00+08:00`,
        discoveredAt: `${addDays(date, 1)}T00:25:00+08:00`,
        receivedAt: `${addDays(date, 1)}T00:40:00+08:00`,
        channel: 'phone',
      },
    });
    expect(response.statusCode).toBe(201);
    const incident = response.json();
    expect(incident.dutyDate).toBe(date);
    expect(incident.commander).toEqual(after.commander);
    expect(incident.shiftLeader).toEqual(after.shiftLeader);
    expect(incident.officers).toEqual(after.officers);
    if (nextDay.commander?.personId !== after.commander?.personId) {
      expect(incident.commander.personId).not.toBe(nextDay.commander?.personId);
    }
  });
});
