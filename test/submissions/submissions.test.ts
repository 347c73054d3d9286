import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../src/server/events/event-bus.js';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';

interface UnitRow {
  unitId: string;
  unitName: string;
  status: string;
  firstSubmittedAt: string | null;
  submitsDutyStaff: boolean;
  seats: { id: string; name: string }[];
  reminders: { at: string; byName: string }[];
  revision: number;
}

describe.each(availableDialects())('monthly staff submission on %s', (dialect) => {
  let t: TestApp;
  const events: LiveEvent[] = [];
  let unitIdByName: Map<string, string>;

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-03-20T10:00:00+08:00' });
    t.ctx.events.subscribe((event) => events.push(event));
    const cookie = await t.login('admin');
    const units = (await t.request('GET', '/api/units', { cookie })).json().units as { id: string; name: string }[];
    unitIdByName = new Map(units.map((unit) => [unit.name, unit.id]));
  });
  afterAll(async () => {
    await t.close();
  });

  async function overview(username: string, month = '2026-04') {
    const response = await t.request('GET', `/api/submissions/${month}`, { cookie: await t.login(username) });
    expect(response.statusCode).toBe(200);
    return response.json() as { deadline: string; units: UnitRow[]; summary: Record<string, number> };
  }

  async function formCandidates(username: string, unitName: string) {
    const response = await t.request('GET', `/api/submissions/2026-04/units/${unitIdByName.get(unitName)}/form`, { cookie: await t.login(username) });
    expect(response.statusCode).toBe(200);
    return response.json().groups as { role: string; seatId: string | null; label: string; candidates: { personId: string; name: string }[] }[];
  }

  it('lists the personnel office and seat departments', async () => {
    const body = await overview('officer');
    expect(body.deadline).toBe('2026-03-26T17:00:00+08:00');
    const names = body.units.map((unit) => unit.unitName);
    expect(names).toEqual(expect.arrayContaining(['人事警务科', '社区矫正科', '公共法律服务科', '法治督察科', '办公室', '海口市罗牛山强制隔离戒毒所', '海口市未成年人法制教育中心']));
    expect(names).not.toContain('秀英区司法局');
    expect(body.units.find((unit) => unit.unitName === '人事警务科')!.submitsDutyStaff).toBe(true);
    expect(body.units.find((unit) => unit.unitName === '人事警务科')!.seats.map((seat) => seat.name)).toEqual(['警务督查']);
    expect(body.units.every((unit) => unit.status === 'pending')).toBe(true);
  });

  it('submission at 17:00:00 is on time', async () => {
    t.clock.set('2026-03-26T17:00:00+08:00');
    const groups = await formCandidates('seat', '社区矫正科');
    expect(groups).toHaveLength(1);
    expect(groups[0]!.label).toBe('社区矫正席备勤');
    const dengWei = groups[0]!.candidates.find((person) => person.name === '邓伟');
    expect(dengWei).toBeDefined();

    const response = await t.request('POST', `/api/submissions/2026-04/units/${unitIdByName.get('社区矫正科')}`, {
      cookie: await t.login('seat'),
      body: { entries: [{ role: 'seat_standby', seatId: groups[0]!.seatId, personIds: [dengWei!.personId] }] },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().submission.status).toBe('submitted');
    expect(response.json().submission.entries[0].people).toEqual([{ personId: dengWei!.personId, name: '邓伟' }]);
  });

  it('submission at 17:00:01 is late', async () => {
    t.clock.set('2026-03-26T17:00:01+08:00');
    const groups = await formCandidates('jiedu', '海口市罗牛山强制隔离戒毒所');
    const response = await t.request('POST', `/api/submissions/2026-04/units/${unitIdByName.get('海口市罗牛山强制隔离戒毒所')}`, {
      cookie: await t.login('jiedu'),
      body: { entries: [{ role: 'seat_standby', seatId: groups[0]!.seatId, personIds: groups[0]!.candidates.map((person) => person.personId) }], note: '麦振宇全月备勤' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().submission.status).toBe('late');
    expect(response.json().submission.firstSubmittedAt).toBe('2026-03-26T17:00:01+08:00');
  });

  it('shows missing units after the deadline', async () => {
    const body = await overview('leader');
    const status = (name: string) => body.units.find((unit) => unit.unitName === name)!.status;
    expect(status('社区矫正科')).toBe('submitted');
    expect(status('海口市罗牛山强制隔离戒毒所')).toBe('late');
    expect(status('人事警务科')).toBe('missing');
    expect(body.summary.submitted).toBe(1);
    expect(body.summary.late).toBe(1);
    expect(body.summary.missing).toBe(body.units.length - 2);
    expect(body.summary.pending).toBe(0);
  });

  it('correction after the deadline stays on time', async () => {
    t.clock.set('2026-03-27T09:00:00+08:00');
    const groups = await formCandidates('seat', '社区矫正科');
    const response = await t.request('POST', `/api/submissions/2026-04/units/${unitIdByName.get('社区矫正科')}`, {
      cookie: await t.login('seat'),
      body: { entries: [{ role: 'seat_standby', seatId: groups[0]!.seatId, personIds: [groups[0]!.candidates[0]!.personId] }] },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().submission.status).toBe('submitted');
    expect(response.json().submission.revision).toBe(2);
  });

  it('remind records time, person and live event', async () => {
    events.length = 0;
    t.clock.set('2026-03-27T09:30:00+08:00');
    const personnelId = unitIdByName.get('人事警务科')!;
    const response = await t.request('POST', `/api/submissions/2026-04/units/${personnelId}/remind`, { cookie: await t.login('officer') });
    expect(response.statusCode).toBe(201);
    expect(response.json().reminder).toEqual({ at: '2026-03-27T09:30:00+08:00', byName: '王晓明' });

    const body = await overview('officer');
    expect(body.units.find((unit) => unit.unitId === personnelId)!.reminders).toEqual([{ at: '2026-03-27T09:30:00+08:00', byName: '王晓明' }]);
    expect(events).toHaveLength(1);
    expect(events[0]!.type).toBe('submission.reminded');
    expect(events[0]!.unitId).toBe(personnelId);
    expect(events[0]!.title).toContain('2026年4月');
  });

  it('remind of a submitted unit is refused', async () => {
    const response = await t.request('POST', `/api/submissions/2026-04/units/${unitIdByName.get('社区矫正科')}/remind`, { cookie: await t.login('officer') });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain('无需催报');
  });

  it('personnel office submits duty staff', async () => {
    // The personnel office has no demo account; the system administrator submits for it.
    const groups = await formCandidates('admin', '人事警务科');
    expect(groups.map((group) => group.label)).toEqual(['值班指挥长', '值班长', '值班员', '警务督查席备勤']);
    const officers = groups.find((group) => group.role === 'officer')!;
    const response = await t.request('POST', `/api/submissions/2026-04/units/${unitIdByName.get('人事警务科')}`, {
      cookie: await t.login('admin'),
      body: { entries: [{ role: 'officer', personIds: officers.candidates.slice(0, 3).map((person) => person.personId) }] },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().submission.status).toBe('late');
    expect(response.json().submission.entries[0].people).toHaveLength(3);
  });

  it('rejects people outside the form', async () => {
    const groups = await formCandidates('jiedu', '海口市罗牛山强制隔离戒毒所');
    const officersOfCorrection = await formCandidates('seat', '社区矫正科');
    const response = await t.request('POST', `/api/submissions/2026-04/units/${unitIdByName.get('海口市罗牛山强制隔离戒毒所')}`, {
      cookie: await t.login('jiedu'),
      body: { entries: [{ role: 'seat_standby', seatId: groups[0]!.seatId, personIds: [officersOfCorrection[0]!.candidates[0]!.personId] }] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('不在可选范围内');
  });

  it('rejects duty roles from a seat department', async () => {
    const response = await t.request('POST', `/api/submissions/2026-04/units/${unitIdByName.get('社区矫正科')}`, {
      cookie: await t.login('seat'),
      body: { entries: [{ role: 'commander', personIds: ['x'] }] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('值班人员由人事部门报送');
  });

  it('rejects a past month', async () => {
    const response = await t.request('POST', `/api/submissions/2026-02/units/${unitIdByName.get('社区矫正科')}`, {
      cookie: await t.login('seat'),
      body: { entries: [] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('已过去');
  });

  it('liaison sees only own unit', async () => {
    const body = await overview('jiedu');
    expect(body.units.map((unit) => unit.unitName)).toEqual(['海口市罗牛山强制隔离戒毒所']);
    const district = await overview('xiuying');
    expect(district.units).toEqual([]);
  });

  it('liaison gets 403 for other units', async () => {
    const cookie = await t.login('xiuying');
    const correctionId = unitIdByName.get('社区矫正科')!;
    expect((await t.request('GET', `/api/submissions/2026-04/units/${correctionId}`, { cookie })).statusCode).toBe(403);
    expect((await t.request('GET', `/api/submissions/2026-04/units/${correctionId}/form`, { cookie })).statusCode).toBe(403);
    const submit = await t.request('POST', `/api/submissions/2026-04/units/${correctionId}`, { cookie: await t.login('jiedu'), body: { entries: [] } });
    expect(submit.statusCode).toBe(403);
    expect((await t.request('POST', `/api/submissions/2026-04/units/${correctionId}/remind`, { cookie: await t.login('jiedu') })).statusCode).toBe(403);
  });

  it('settings change the deadline', async () => {
    const cookie = await t.login('admin');
    const saved = await t.request('PUT', '/api/submissions/settings', { cookie, body: { deadlineDay: 25, deadlineTime: '12:00', personnelUnitId: null } });
    expect(saved.statusCode).toBe(200);
    expect((await overview('officer', '2026-05')).deadline).toBe('2026-04-25T12:00:00+08:00');
    const bad = await t.request('PUT', '/api/submissions/settings', { cookie, body: { deadlineDay: 40, deadlineTime: '12:00', personnelUnitId: null } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('报送截止日');
    expect((await t.request('PUT', '/api/submissions/settings', { cookie: await t.login('officer'), body: { deadlineDay: 25, deadlineTime: '12:00', personnelUnitId: null } })).statusCode).toBe(403);
  });

  it('demo month has one on time and one late', async () => {
    t.clock.set('2026-03-27T09:00:00+08:00');
    const body = await overview('officer', '2026-03');
    expect(body.summary.submitted).toBe(1);
    expect(body.summary.late).toBe(1);
  });
});
