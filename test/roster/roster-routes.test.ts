import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../src/domain/time.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { availableDialects } from '../support/databases.js';

interface Slot { personId: string; name: string }
interface Day { date: string; dayType: string; commander: Slot | null; shiftLeader: Slot | null; officers: Slot[]; flags: string[] }
interface Roster { month: string; status: string; days: Day[]; gaps: unknown[]; fairness: { roles: { role: string; spread: Record<string, number> }[] } }

function people(day: Day): string[] {
  return [day.commander?.personId, day.shiftLeader?.personId, ...day.officers.map((officer) => officer.personId)].filter((id): id is string => !!id);
}

/** Shortest distance in days between two duties of one person over these days. */
function minGapByPerson(days: readonly Day[]): number {
  const dates = new Map<string, string[]>();
  for (const day of days) for (const id of people(day)) dates.set(id, [...(dates.get(id) ?? []), day.date]);
  let min = Number.POSITIVE_INFINITY;
  for (const list of dates.values()) {
    list.sort();
    for (let i = 1; i < list.length; i += 1) min = Math.min(min, daysBetween(list[i - 1]!, list[i]!));
  }
  return min;
}

describe.each(availableDialects())('roster routes on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let leader: string;
  let officer: string;
  let commander: string;

  const loginAll = async () => {
    [admin, leader, officer, commander] = [await t.login('admin'), await t.login('leader'), await t.login('officer'), await t.login('commander')];
  };
  const getRoster = async (month: string, cookie = officer): Promise<Roster> => {
    const response = await t.request('GET', `/api/rosters/${month}`, { cookie });
    expect(response.statusCode).toBe(200);
    return response.json() as Roster;
  };

  beforeAll(async () => {
    // The demo seeder has published 2026-02, 2026-03 and 2026-04 around this clock.
    t = await createTestApp(dialect, { now: '2026-03-10T10:00:00+08:00' });
    await loginAll();
  });
  afterAll(async () => {
    await t.close();
  });

  it('demo months are published', async () => {
    for (const month of ['2026-02', '2026-03', '2026-04']) {
      const roster = await getRoster(month);
      expect(roster.status).toBe('published');
      expect(roster.gaps).toEqual([]);
    }
  });

  it('generates a draft with the contract shape', async () => {
    const response = await t.request('POST', '/api/rosters/2026-05/generate', { cookie: leader });
    expect(response.statusCode).toBe(201);
    const roster = response.json() as Roster;
    expect(roster.month).toBe('2026-05');
    expect(roster.status).toBe('draft');
    expect(roster.days).toHaveLength(31);
    const day = roster.days[0]!;
    expect(day.date).toBe('2026-05-01');
    expect(day.dayType).toBe('holiday');
    expect(Object.keys(day.commander!).sort()).toEqual(['name', 'personId']);
    expect(Object.keys(day.shiftLeader!).sort()).toEqual(['name', 'personId']);
    expect(day.officers).toHaveLength(2);

    const read = await getRoster('2026-05');
    expect(read.days).toEqual(roster.days);
  });

  it('generated month has no gaps and one post a person a day', async () => {
    const roster = await getRoster('2026-05');
    expect(roster.gaps).toEqual([]);
    for (const day of roster.days) {
      expect(day.commander).not.toBeNull();
      expect(day.shiftLeader).not.toBeNull();
      expect(day.officers.length).toBe(day.dayType === 'workday' || day.dayType === 'makeup_workday' ? 1 : 2);
      expect(new Set(people(day)).size).toBe(people(day).length);
    }
  });

  it('keeps the minimum rest across the month boundary', async () => {
    const april = await getRoster('2026-04');
    const may = await getRoster('2026-05');
    // Default minRestDays 2: two duties of one person are at least 3 days apart.
    expect(minGapByPerson([...april.days, ...may.days])).toBeGreaterThanOrEqual(3);
  });

  it('spreads holiday duties within one per role', async () => {
    const may = await getRoster('2026-05');
    for (const role of may.fairness.roles) {
      expect(role.spread.holiday, role.role).toBeLessThanOrEqual(1);
    }
  });

  it('skips approved leave when generating', async () => {
    const person = (await getRoster('2026-05')).days[20]!.officers[0]!;
    const leave = await t.request('POST', '/api/duty-leaves', { cookie: leader, body: { personId: person.personId, from: '2026-06-01', to: '2026-06-20', reason: '病假' } });
    expect(leave.statusCode).toBe(201);
    expect(leave.json().leave.status).toBe('requested');
    const approved = await t.request('POST', `/api/duty-leaves/${leave.json().leave.id}/decision`, { cookie: commander, body: { approve: true } });
    expect(approved.statusCode).toBe(200);

    const june = await t.request('POST', '/api/rosters/2026-06/generate', { cookie: commander });
    expect(june.statusCode).toBe(201);
    const onLeave = (june.json() as Roster).days.filter((day) => day.date <= '2026-06-20' && people(day).includes(person.personId));
    expect(onLeave).toEqual([]);
  });

  it('refuses to publish with gaps and lists them', async () => {
    const set = await t.request('PUT', '/api/roster-officer-counts/2026-07-15', { cookie: leader, body: { officers: 40 } });
    expect(set.statusCode).toBe(200);
    expect((await t.request('POST', '/api/rosters/2026-07/generate', { cookie: leader })).statusCode).toBe(201);

    const publish = await t.request('POST', '/api/rosters/2026-07/publish', { cookie: leader });
    expect(publish.statusCode).toBe(409);
    expect(publish.json().error.code).toBe('ROSTER_HAS_GAPS');
    expect(publish.json().error.message).toMatch(/2026-07-15 缺少值班员 \d+ 人/);
    expect((await getRoster('2026-07')).status).toBe('draft');
  });

  it('publishes a complete draft', async () => {
    const response = await t.request('POST', '/api/rosters/2026-05/publish', { cookie: leader });
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe('published');
    expect(response.json().publishedBy).toBe('黄志强');
    const again = await t.request('POST', '/api/rosters/2026-05/publish', { cookie: leader });
    expect(again.statusCode).toBe(409);
  });

  it('adjusts a draft only with an eligible person', async () => {
    const june = await getRoster('2026-06');
    const day = june.days[24]!;
    const candidates = await t.request('GET', `/api/roster-candidates?date=${day.date}&role=officer`, { cookie: leader });
    expect(candidates.statusCode).toBe(200);
    const list = candidates.json().candidates as { personId: string }[];
    expect(list.length).toBeGreaterThan(0);
    expect(list.map((c) => c.personId)).not.toContain(day.officers[0]!.personId);

    const adjusted = await t.request('PUT', '/api/rosters/2026-06/posts', { cookie: leader, body: { date: day.date, role: 'officer', slot: 0, personId: list[0]!.personId } });
    expect(adjusted.statusCode).toBe(200);
    expect((adjusted.json() as Roster).days[24]!.officers[0]!.personId).toBe(list[0]!.personId);

    const commanderAsOfficer = await t.request('PUT', '/api/rosters/2026-06/posts', { cookie: leader, body: { date: day.date, role: 'officer', slot: 0, personId: day.commander!.personId } });
    expect(commanderAsOfficer.statusCode).toBe(400);
    expect(commanderAsOfficer.json().error.message).toMatch(/值班员轮值名单/);

    const published = await t.request('PUT', '/api/rosters/2026-05/posts', { cookie: leader, body: { date: '2026-05-20', role: 'officer', slot: 0, personId: list[0]!.personId } });
    expect(published.statusCode).toBe(409);
    expect(published.json().error.code).toBe('ROSTER_PUBLISHED');
  });

  it('rejects bad input and unauthorized roles in Chinese', async () => {
    const badMonth = await t.request('POST', '/api/rosters/2026-13/generate', { cookie: leader });
    expect(badMonth.statusCode).toBe(400);
    expect(badMonth.json().error.message).toMatch(/月份/);

    const byOfficer = await t.request('POST', '/api/rosters/2026-08/generate', { cookie: officer });
    expect(byOfficer.statusCode).toBe(403);
    expect(byOfficer.json().error.message).toMatch(/权限/);

    const missing = await t.request('GET', '/api/rosters/2030-01', { cookie: officer });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toMatch(/尚未生成/);

    const badBody = await t.request('PUT', '/api/rosters/2026-06/posts', { cookie: leader, body: { date: '2026-06-31', role: 'boss', personId: '' } });
    expect(badBody.statusCode).toBe(400);

    const leaveBackwards = await t.request('POST', '/api/duty-leaves', { cookie: officer, body: { from: '2026-06-10', to: '2026-06-01', reason: '事假' } });
    expect(leaveBackwards.statusCode).toBe(400);
    expect(leaveBackwards.json().error.message).toMatch(/早于开始日期/);

    const regenerate = await t.request('POST', '/api/rosters/2026-04/generate', { cookie: leader });
    expect(regenerate.statusCode).toBe(409);
    expect(regenerate.json().error.code).toBe('CONFIRMATION_REQUIRED');
  });

  it('swap changes nothing until approved, then everywhere', async () => {
    // officer-1 (account officer) swaps with officer-13 (account seat); the shift leader approves.
    const seat = await t.login('seat');
    const march = [...(await getRoster('2026-03')).days, ...(await getRoster('2026-04')).days];
    const me = (await (await t.request('GET', '/api/auth/me', { cookie: officer })).json()) as { user?: { personId?: string } };
    const myId = me.user?.personId ?? march.flatMap((day) => day.officers).find((slot) => slot.name === '王晓明')!.personId;
    const theirId = march.flatMap((day) => day.officers).find((slot) => slot.name === '邓伟')!.personId;
    const mine = march.filter((day) => day.date > '2026-03-10' && day.officers.some((slot) => slot.personId === myId));
    const theirs = march.filter((day) => day.date > '2026-03-10' && day.officers.some((slot) => slot.personId === theirId));

    let request: { id: string; date: string; counterpartDate: string } | null = null;
    for (const a of mine) {
      for (const b of theirs) {
        const response = await t.request('POST', '/api/duty-requests', {
          cookie: officer,
          body: { kind: 'swap', date: a.date, role: 'officer', counterpartPersonId: theirId, counterpartDate: b.date, reason: '家中有事' },
        });
        if (response.statusCode === 201) {
          request = response.json().request;
          break;
        }
        expect(response.statusCode).toBeLessThan(500);
      }
      if (request) break;
    }
    expect(request).not.toBeNull();
    const { id, date, counterpartDate } = request!;

    const before = JSON.stringify(await getRoster(date.slice(0, 7)));
    const early = await t.request('POST', `/api/duty-requests/${id}/decision`, { cookie: leader, body: { approve: true } });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/确认/);

    const notCounterpart = await t.request('POST', `/api/duty-requests/${id}/answer`, { cookie: leader, body: { agree: true } });
    expect(notCounterpart.statusCode).toBe(403);
    const agreed = await t.request('POST', `/api/duty-requests/${id}/answer`, { cookie: seat, body: { agree: true } });
    expect(agreed.json().request.status).toBe('pending_approval');
    expect(JSON.stringify(await getRoster(date.slice(0, 7)))).toBe(before);

    const byOfficer = await t.request('POST', `/api/duty-requests/${id}/decision`, { cookie: officer, body: { approve: true } });
    expect(byOfficer.statusCode).toBe(403);
    const toHandle = await t.request('GET', '/api/duty-requests?scope=to_handle', { cookie: leader });
    expect(toHandle.json().requests.map((r: { id: string }) => r.id)).toContain(id);

    const approved = await t.request('POST', `/api/duty-requests/${id}/decision`, { cookie: leader, body: { approve: true, note: '同意' } });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().request.status).toBe('approved');

    const swappedDay = (await getRoster(date.slice(0, 7))).days.find((day) => day.date === date)!;
    expect(swappedDay.officers.map((slot) => slot.personId)).toContain(theirId);
    expect(swappedDay.officers.map((slot) => slot.personId)).not.toContain(myId);
    expect(swappedDay.flags).toContain('changed');
    const otherDay = (await getRoster(counterpartDate.slice(0, 7))).days.find((day) => day.date === counterpartDate)!;
    expect(otherDay.officers.map((slot) => slot.personId)).toContain(myId);

    const changes = await t.request('GET', `/api/rosters/${date.slice(0, 7)}/changes`, { cookie: officer });
    const swapChange = changes.json().changes.find((change: { kind: string; date: string }) => change.kind === 'swap' && change.date === date);
    expect(swapChange).toMatchObject({ fromPerson: '王晓明', toPerson: '邓伟', approvedBy: '黄志强' });

    // On the swapped duty day, after the 08:30 handover, today's duty shows the counterpart.
    t.clock.set(`${date}T09:00:00+08:00`);
    const display = await t.login('hall');
    const today = await t.request('GET', '/api/duty/today', { cookie: display });
    expect(today.statusCode).toBe(200);
    expect(today.json().date).toBe(date);
    expect(today.json().officers.map((slot: Slot) => slot.personId)).toContain(theirId);
    expect(today.json().published).toBe(true);

    // Before the handover it is still the previous duty day.
    t.clock.set(`${date}T08:29:00+08:00`);
    const stillYesterday = await t.request('GET', '/api/duty/today', { cookie: await t.login('officer') });
    expect(stillYesterday.json().date).toBe(addDays(date, -1));

    t.clock.set('2026-03-10T10:00:00+08:00');
    await loginAll();
  });

  it('substitution covers a person on leave with a proposed candidate', async () => {
    // Pick a May day where 邓伟 (account seat) is a proposed substitute, so the counterpart can agree.
    const may = await getRoster('2026-05');
    let day: Day | undefined;
    let substituteId = '';
    for (const candidateDay of may.days.slice(10)) {
      const response = await t.request('GET', `/api/roster-candidates?date=${candidateDay.date}&role=officer`, { cookie: leader });
      const found = (response.json().candidates as { personId: string; name: string }[]).find((candidate) => candidate.name === '邓伟');
      if (found) {
        day = candidateDay;
        substituteId = found.personId;
        break;
      }
    }
    expect(day).toBeDefined();
    const index = may.days.indexOf(day!);
    const absent = day!.officers[0]!;

    const leave = await t.request('POST', '/api/duty-leaves', { cookie: leader, body: { personId: absent.personId, from: day!.date, to: day!.date, reason: '出差' } });
    const decided = await t.request('POST', `/api/duty-leaves/${leave.json().leave.id}/decision`, { cookie: commander, body: { approve: true } });
    expect(decided.json().leave.affectedDuties).toEqual([{ date: day!.date, role: 'officer' }]);
    const flagged = await getRoster('2026-05');
    expect(flagged.days[index]!.flags).toContain('leave_conflict');
    expect((flagged.gaps as { message: string }[]).map((gap) => gap.message).join()).toMatch(/已获准请假/);

    const created = await t.request('POST', '/api/duty-requests', {
      cookie: leader,
      body: { kind: 'substitution', date: day!.date, role: 'officer', counterpartPersonId: substituteId, reason: '请假替班', leaveId: leave.json().leave.id, requesterPersonId: absent.personId },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().request.id as string;
    expect((await getRoster('2026-05')).days[index]!.officers[0]!.personId).toBe(absent.personId);

    expect((await t.request('POST', `/api/duty-requests/${id}/answer`, { cookie: await t.login('seat'), body: { agree: true } })).statusCode).toBe(200);
    const approved = await t.request('POST', `/api/duty-requests/${id}/decision`, { cookie: leader, body: { approve: true } });
    expect(approved.statusCode).toBe(200);
    const after = (await getRoster('2026-05')).days[index]!;
    expect(after.officers.map((slot) => slot.personId)).toContain(substituteId);
    expect(after.officers.map((slot) => slot.personId)).not.toContain(absent.personId);
    expect(after.flags).not.toContain('leave_conflict');
  });

  it('past duty days never change when people or settings change', async () => {
    const februaryBefore = await getRoster('2026-02');
    const marchBefore = await getRoster('2026-03');
    const pastBefore = marchBefore.days.filter((day) => day.date <= '2026-03-10');

    // Settings change, a person on past days is renamed and another deactivated.
    const settings = (await t.request('GET', '/api/roster-settings', { cookie: admin })).json().settings;
    const changed = await t.request('PUT', '/api/roster-settings', { cookie: admin, body: { ...settings, minRestDays: 1, officersPerDay: { ...settings.officersPerDay, workday: 2 } } });
    expect(changed.statusCode).toBe(200);
    const renamed = pastBefore[0]!.officers[0]!;
    expect((await t.request('PATCH', `/api/people/${renamed.personId}`, { cookie: admin, body: { name: '改名后' } })).statusCode).toBe(200);
    expect((await t.request('POST', `/api/people/${pastBefore[1]!.commander!.personId}/deactivate`, { cookie: admin })).statusCode).toBe(200);

    const regenerated = await t.request('POST', '/api/rosters/2026-03/generate', { cookie: leader, body: { confirmRegenerate: true } });
    expect(regenerated.statusCode).toBe(201);
    const marchAfter = regenerated.json() as Roster;
    expect(marchAfter.status).toBe('published');
    const strip = (day: Day) => ({ date: day.date, commander: day.commander, shiftLeader: day.shiftLeader, officers: day.officers });
    expect(marchAfter.days.filter((day) => day.date <= '2026-03-10').map(strip)).toEqual(pastBefore.map(strip));
    const future = marchAfter.days.filter((day) => day.date > '2026-03-10' && day.dayType === 'workday');
    expect(future.every((day) => day.officers.length === 2)).toBe(true);

    expect((await getRoster('2026-02')).days.map(strip)).toEqual(februaryBefore.days.map(strip));
    const history = (await t.request('GET', '/api/rosters/2026-03/changes', { cookie: officer })).json().changes as { kind: string; date: string | null }[];
    expect(history.some((change) => change.kind === 'regenerate' && change.date !== null && change.date > '2026-03-10')).toBe(true);
    expect(history.some((change) => change.kind === 'regenerate' && change.date !== null && change.date <= '2026-03-10')).toBe(false);
  });

  it('today card works for every signed-in role', async () => {
    for (const username of ['officer', 'xiuying', 'auditor']) {
      const response = await t.request('GET', '/api/duty/today', { cookie: await t.login(username) });
      expect(response.statusCode, username).toBe(200);
      expect(response.json()).toMatchObject({ date: '2026-03-10', dayType: 'workday', dutyLevel: 'in_post', published: true });
      expect(response.json().commander).not.toBeNull();
    }
  });
});
