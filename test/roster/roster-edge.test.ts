import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { availableDialects } from '../support/databases.js';

interface Slot { personId: string; name: string }
interface Day { date: string; commander: Slot | null; shiftLeader: Slot | null; officers: Slot[] }
interface FairnessPerson { personId: string; counts: { total: number }; baseline: { total: number } }

describe.each(availableDialects())('roster edge cases on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let leader: string;
  let officer: string;

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-03-10T10:00:00+08:00' });
    [admin, leader, officer] = [await t.login('admin'), await t.login('leader'), await t.login('officer')];
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['GET', '/api/rosters/2026-1', undefined, 400],
    ['GET', '/api/calendar/days?from=abc&to=2026-01-01', undefined, 400],
    ['GET', '/api/roster-candidates?date=2026-02-30&role=officer', undefined, 400],
    ['GET', '/api/roster-candidates?date=2026-03-12&role=boss', undefined, 400],
    ['POST', '/api/duty-requests', {}, 400],
    ['POST', '/api/duty-requests', { kind: 'swap', date: '2026-06-10', role: 'officer', counterpartPersonId: 'x', counterpartDate: '2026-06-12', reason: '有事' }, 409],
    ['POST', '/api/duty-requests/nonexistent/answer', { agree: true }, 404],
    ['POST', '/api/duty-requests/nonexistent/decision', { approve: true }, 404],
    ['POST', '/api/duty-leaves', { from: '2026-03-20', to: '2028-03-20', reason: '长假' }, 400],
    ['POST', '/api/duty-leaves', { from: '2026-03-20', to: '2026-03-21', reason: '   ' }, 400],
  ])('%s %s is a Chinese 4xx', async (method, url, body, status) => {
    const response = await t.request(method, url, { cookie: officer, body });
    expect(response.statusCode).toBe(status);
    expect(response.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it.each([
    ['PUT', '/api/roster-settings', { minRestDays: -1 }, 400],
    ['PUT', '/api/roster-officer-counts/2026-02-01', { officers: 2 }, 400],
    ['PUT', '/api/roster-officer-counts/2026-04-01', { officers: 0 }, 400],
    ['POST', '/api/rosters/2026-02/generate', { confirmRegenerate: true }, 409],
    ['POST', '/api/rosters/2026-03/publish', undefined, 409],
    ['POST', '/api/duty-leaves/nonexistent/decision', { approve: true }, 404],
    ['POST', '/api/calendar/sensitive-periods', { name: '过长', startDate: '2026-04-01', endDate: '2028-04-01' }, 400],
  ])('manager %s %s is a Chinese 4xx', async (method, url, body, status) => {
    const response = await t.request(method, url, { cookie: admin, body });
    expect(response.statusCode).toBe(status);
    expect(response.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('officer cannot request leave for others', async () => {
    const march = (await t.request('GET', '/api/rosters/2026-03', { cookie: officer })).json();
    const other = march.days[0].commander.personId as string;
    const response = await t.request('POST', '/api/duty-leaves', { cookie: officer, body: { personId: other, from: '2026-04-01', to: '2026-04-02', reason: '代请' } });
    expect(response.statusCode).toBe(403);
  });

  it('swap with oneself is rejected', async () => {
    const march = (await t.request('GET', '/api/rosters/2026-03', { cookie: leader })).json();
    const day = (march.days as Day[]).find((candidate) => candidate.date > '2026-03-12')!;
    const me = day.officers[0]!.personId;
    const response = await t.request('POST', '/api/duty-requests', {
      cookie: leader,
      body: { kind: 'substitution', date: day.date, role: 'officer', counterpartPersonId: me, requesterPersonId: me, reason: '测试' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/不能是申请人本人/);
  });

  it('today is empty but valid without a roster', async () => {
    t.clock.set('2030-05-01T10:00:00+08:00');
    const response = await t.request('GET', '/api/duty/today', { cookie: await t.login('officer') });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ date: '2030-05-01', official: false, published: false, commander: null, officers: [] });
    t.clock.set('2026-03-10T10:00:00+08:00');
    [admin, leader, officer] = [await t.login('admin'), await t.login('leader'), await t.login('officer')];
  });

  it('unofficial year generates with official false', async () => {
    t.clock.set('2026-12-10T10:00:00+08:00');
    const manager = await t.login('leader');
    const response = await t.request('POST', '/api/rosters/2027-02/generate', { cookie: manager });
    expect(response.statusCode).toBe(201);
    expect(response.json().official).toBe(false);
    expect(response.json().days.every((day: { official: boolean }) => !day.official)).toBe(true);
    t.clock.set('2026-03-10T10:00:00+08:00');
    [admin, leader, officer] = [await t.login('admin'), await t.login('leader'), await t.login('officer')];
  });

  it('mid-period joiner gets no catch-up load', async () => {
    const units = (await t.request('GET', '/api/units', { cookie: admin })).json().units as { id: string; kind: string }[];
    const created = await t.request('POST', '/api/people', {
      cookie: admin,
      body: { name: '新同志', unitId: units.find((unit) => unit.kind === 'department')!.id, isPolice: false, dutyRoles: ['officer'] },
    });
    expect(created.statusCode).toBe(201);
    const joinerId = created.json().person.id as string;

    const may = await t.request('POST', '/api/rosters/2026-05/generate', { cookie: leader });
    expect(may.statusCode).toBe(201);
    const days = may.json().days as Day[];
    const mayCount = (personId: string) => days.filter((day) => day.officers.some((slot) => slot.personId === personId)).length;
    const others = new Set(days.flatMap((day) => day.officers.map((slot) => slot.personId)).filter((id) => id !== joinerId));
    const maxOther = Math.max(...[...others].map(mayCount));
    expect(mayCount(joinerId)).toBeGreaterThan(0);
    // Per-category balancing may give the joiner one duty more than the busiest colleague in the first month.
    expect(mayCount(joinerId)).toBeLessThanOrEqual(maxOther + 1);

    // The joiner starts from the lowest load of the colleagues, so over the year they carry no more than anyone else.
    const officers = (may.json().fairness.roles as { role: string; people: FairnessPerson[] }[]).find((role) => role.role === 'officer')!;
    const joiner = officers.people.find((person) => person.personId === joinerId)!;
    expect(joiner.baseline.total).toBeGreaterThan(0);
    expect(joiner.counts.total).toBe(mayCount(joinerId));
    const effective = (person: FairnessPerson) => person.counts.total + person.baseline.total;
    const busiest = Math.max(...officers.people.filter((person) => person.personId !== joinerId).map(effective));
    expect(effective(joiner)).toBeLessThanOrEqual(busiest);
  });
  it('approval rechecks leave approved meanwhile', async () => {
    const seat = await t.login('seat');
    const commander = await t.login('commander');
    const days = [
      ...((await t.request('GET', '/api/rosters/2026-03', { cookie: officer })).json().days as Day[]),
      ...((await t.request('GET', '/api/rosters/2026-04', { cookie: officer })).json().days as Day[]),
    ].filter((day) => day.date > '2026-03-10');
    const idOf = (name: string) => days.flatMap((day) => day.officers).find((slot) => slot.name === name)!.personId;
    const [myId, theirId] = [idOf('王晓明'), idOf('邓伟')];
    const mine = days.filter((day) => day.officers.some((slot) => slot.personId === myId));
    const theirs = days.filter((day) => day.officers.some((slot) => slot.personId === theirId));

    let request: { id: string; date: string } | null = null;
    for (const a of mine) {
      for (const b of theirs) {
        const response = await t.request('POST', '/api/duty-requests', {
          cookie: officer,
          body: { kind: 'swap', date: a.date, role: 'officer', counterpartPersonId: theirId, counterpartDate: b.date, reason: '有事' },
        });
        expect(response.statusCode).toBeLessThan(500);
        if (response.statusCode === 201) {
          request = response.json().request;
          break;
        }
      }
      if (request) break;
    }
    expect(request).not.toBeNull();
    expect((await t.request('POST', `/api/duty-requests/${request!.id}/answer`, { cookie: seat, body: { agree: true } })).statusCode).toBe(200);

    // 邓伟 gets leave on the day they would take over.
    const leave = await t.request('POST', '/api/duty-leaves', { cookie: leader, body: { personId: theirId, from: request!.date, to: request!.date, reason: '病假' } });
    expect((await t.request('POST', `/api/duty-leaves/${leave.json().leave.id}/decision`, { cookie: commander, body: { approve: true } })).statusCode).toBe(200);

    const approval = await t.request('POST', `/api/duty-requests/${request!.id}/decision`, { cookie: leader, body: { approve: true } });
    expect(approval.statusCode).toBe(400);
    expect(approval.json().error.message).toMatch(/已获准请假/);
    const after = (await t.request('GET', `/api/rosters/${request!.date.slice(0, 7)}`, { cookie: officer })).json().days as Day[];
    expect(after.find((day) => day.date === request!.date)!.officers.map((slot) => slot.personId)).toContain(myId);
  });
  it('national day month has no gaps', async () => {
    const response = await t.request('POST', '/api/rosters/2026-10/generate', { cookie: leader });
    expect(response.statusCode).toBe(201);
    const roster = response.json();
    expect(roster.gaps).toEqual([]);
    const holidays = (roster.days as (Day & { dayType: string })[]).filter((day) => day.dayType === 'holiday');
    expect(holidays.map((day) => day.date)).toEqual(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']);
    for (const day of holidays) {
      const people = [day.commander!.personId, day.shiftLeader!.personId, ...day.officers.map((slot) => slot.personId)];
      expect(new Set(people).size).toBe(4);
    }
    for (const role of roster.fairness.roles as { role: string; spread: { holiday: number } }[]) {
      expect(role.spread.holiday, role.role).toBeLessThanOrEqual(1);
    }
  });
});
