import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/server/audit/audit-log.js';
import type { LiveEvent } from '../../src/server/events/event-bus.js';
import { activateSeats } from '../../src/server/seats/seat-duty.service.js';
import { seatStaffOn } from '../../src/server/seats/seats.service.js';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';

interface SeatView {
  id: string;
  name: string;
  isGeneral: boolean;
  units: { id: string; name: string }[];
  active: boolean;
}

describe.each(availableDialects())('joint seats on %s', (dialect) => {
  let t: TestApp;
  const events: LiveEvent[] = [];
  let seatByName: Map<string, SeatView>;

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-03-10T10:00:00+08:00' });
    t.ctx.events.subscribe((event) => events.push(event));
    const response = await t.request('GET', '/api/seats', { cookie: await t.login('officer') });
    seatByName = new Map((response.json().seats as SeatView[]).map((seat) => [seat.name, seat]));
  });
  afterAll(async () => {
    await t.close();
  });

  it('ships seven seats and a reserved one', () => {
    expect([...seatByName.keys()]).toEqual(['综合管理', '社区矫正', '公共法律服务', '警务督查', '戒毒管理', '网信舆情监控', '未成年人法治教育', '预留席位']);
    expect(seatByName.get('综合管理')!.isGeneral).toBe(true);
    expect(seatByName.get('预留席位')!.active).toBe(false);
    expect(seatByName.get('警务督查')!.units.map((unit) => unit.name)).toEqual(['法治督察科', '人事警务科']);
    expect(seatByName.get('戒毒管理')!.units.map((unit) => unit.name)).toEqual(['海口市罗牛山强制隔离戒毒所']);
  });

  it('general seat holds the duty officers', async () => {
    const cookie = await t.login('officer');
    const staff = (await t.request('GET', '/api/seats/staff?date=2026-03-10', { cookie })).json();
    const roster = (await t.request('GET', '/api/rosters/2026-03', { cookie })).json();
    const day = roster.days.find((candidate: { date: string }) => candidate.date === '2026-03-10');
    const general = staff.seats.find((item: { seat: SeatView }) => item.seat.isGeneral);
    expect(general.standby).toEqual(day.officers);
    expect(general.standby.length).toBeGreaterThan(0);
    const correction = staff.seats.find((item: { seat: SeatView }) => item.seat.name === '社区矫正');
    expect(correction.standby).toEqual([{ personId: expect.any(String), name: '邓伟' }]);
    expect(staff.seats.map((item: { seat: SeatView }) => item.seat.name)).not.toContain('预留席位');
  });

  it('seatStaffOn matches the route', async () => {
    const staff = await seatStaffOn(t.ctx, t.ctx.db.kysely, '2026-03-10');
    expect(staff.rosterPublished).toBe(true);
    expect(staff.seats).toHaveLength(7);
  });

  it('activation records reason and notifies', async () => {
    events.length = 0;
    const response = await t.request('POST', '/api/seats/activations', { cookie: await t.login('commander'), body: { reason: '全国两会重要敏感时期', incidentId: 'incident-1' } });
    expect(response.statusCode).toBe(201);
    const activation = response.json().activation;
    expect(activation).toMatchObject({ reason: '全国两会重要敏感时期', incidentId: 'incident-1', startedAt: '2026-03-10T10:00:00+08:00', startedByName: '陈海峰', active: true, endedAt: null });
    expect(events.map((event) => event.type)).toEqual(['seats.activated']);
    expect(events[0]!.urgent).toBe(true);

    const again = await t.request('POST', '/api/seats/activations', { cookie: await t.login('leader'), body: { reason: '重复启用' } });
    expect(again.statusCode).toBe(409);
    const direct = await activateSeats(t.ctx, systemActor, { reason: '事件联动' });
    expect(direct.created).toBe(false);
    expect(direct.activation.id).toBe(activation.id);
  });

  it('liaison cannot activate seats', async () => {
    const response = await t.request('POST', '/api/seats/activations', { cookie: await t.login('xiuying'), body: { reason: '测试' } });
    expect(response.statusCode).toBe(403);
  });

  it('seat person checks in and writes the log', async () => {
    const cookie = await t.login('seat');
    const correction = seatByName.get('社区矫正')!;
    t.clock.set('2026-03-10T10:05:00+08:00');
    const checkin = await t.request('POST', `/api/seats/${correction.id}/check-in`, { cookie, body: {} });
    expect(checkin.statusCode).toBe(201);
    expect(checkin.json().checkin).toMatchObject({ name: '邓伟', checkedInAt: '2026-03-10T10:05:00+08:00', checkedOutAt: null, activationId: expect.any(String) });

    const twice = await t.request('POST', `/api/seats/${seatByName.get('公共法律服务')!.id}/check-in`, { cookie, body: {} });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain('已在“社区矫正”席位签到');

    const log = await t.request('POST', `/api/seats/${correction.id}/log`, { cookie, body: { content: '核实龙华区社区矫正对象外出请假情况，已电话确认。' } });
    expect(log.statusCode).toBe(201);
    expect(log.json().entry.authorName).toBe('邓伟');
    const elsewhere = await t.request('POST', `/api/seats/${seatByName.get('戒毒管理')!.id}/log`, { cookie, body: { content: '未签到的席位' } });
    expect(elsewhere.statusCode).toBe(403);

    const entries = (await t.request('GET', `/api/seats/${correction.id}/log`, { cookie })).json().entries;
    expect(entries).toHaveLength(1);
    const staff = (await t.request('GET', '/api/seats/staff', { cookie })).json();
    expect(staff.activation.active).toBe(true);
    expect(staff.seats.find((item: { seat: SeatView }) => item.seat.id === correction.id).occupants.map((occupant: { name: string }) => occupant.name)).toEqual(['邓伟']);
  });

  it('seat staff cannot check in others', async () => {
    const people = (await t.request('GET', '/api/people?q=麦振宇', { cookie: await t.login('admin') })).json().people;
    const response = await t.request('POST', `/api/seats/${seatByName.get('戒毒管理')!.id}/check-in`, { cookie: await t.login('seat'), body: { personId: people[0].id } });
    expect(response.statusCode).toBe(403);
    const byOfficer = await t.request('POST', `/api/seats/${seatByName.get('戒毒管理')!.id}/check-in`, { cookie: await t.login('officer'), body: { personId: people[0].id } });
    expect(byOfficer.statusCode).toBe(201);
  });

  it('ending activation checks everyone out', async () => {
    t.clock.set('2026-03-10T18:00:00+08:00');
    const list = (await t.request('GET', '/api/seats/activations', { cookie: await t.login('officer') })).json();
    const id = list.activations[0].id;
    const ended = await t.request('POST', `/api/seats/activations/${id}/end`, { cookie: await t.login('leader') });
    expect(ended.statusCode).toBe(200);
    expect(ended.json().activation).toMatchObject({ active: false, endedAt: '2026-03-10T18:00:00+08:00', endedByName: '黄志强' });
    const checkins = (await t.request('GET', `/api/seats/${seatByName.get('社区矫正')!.id}/checkins`, { cookie: await t.login('officer') })).json().checkins;
    expect(checkins[0].checkedOutAt).toBe('2026-03-10T18:00:00+08:00');
    const endAgain = await t.request('POST', `/api/seats/activations/${id}/end`, { cookie: await t.login('leader') });
    expect(endAgain.statusCode).toBe(409);
  });

  it('check-in without activation and check-out', async () => {
    const cookie = await t.login('seat');
    const seatId = seatByName.get('社区矫正')!.id;
    const checkin = await t.request('POST', `/api/seats/${seatId}/check-in`, { cookie, body: {} });
    expect(checkin.json().checkin.activationId).toBeNull();
    const checkout = await t.request('POST', `/api/seats/${seatId}/check-out`, { cookie, body: {} });
    expect(checkout.statusCode).toBe(200);
    expect((await t.request('POST', `/api/seats/${seatId}/check-out`, { cookie, body: {} })).statusCode).toBe(409);
    expect((await t.request('POST', `/api/seats/${seatByName.get('预留席位')!.id}/check-in`, { cookie, body: {} })).statusCode).toBe(409);
  });

  it('department edits only its own seats', async () => {
    const cookie = await t.login('seat');
    const schedule = (await t.request('GET', '/api/seats/standby/2026-04', { cookie })).json();
    expect(schedule.editableSeatIds).toEqual([seatByName.get('社区矫正')!.id]);
    expect(schedule.candidates[seatByName.get('社区矫正')!.id].map((person: { name: string }) => person.name)).toEqual(['邓伟']);
    const dengWei = schedule.assignments.find((item: { name: string }) => item.name === '邓伟');

    const own = await t.request('PUT', '/api/seats/standby/2026-04', { cookie, body: { entries: [{ seatId: seatByName.get('社区矫正')!.id, date: '2026-04-05', personId: dengWei.personId }] } });
    expect(own.statusCode).toBe(200);
    const other = await t.request('PUT', '/api/seats/standby/2026-04', { cookie, body: { entries: [{ seatId: seatByName.get('戒毒管理')!.id, date: '2026-04-05', personId: null }] } });
    expect(other.statusCode).toBe(403);
  });

  it('standby must be seat standby of the department', async () => {
    const admin = await t.login('admin');
    const liTing = (await t.request('GET', '/api/people?q=李婷', { cookie: admin })).json().people[0];
    const response = await t.request('PUT', '/api/seats/standby/2026-04', {
      cookie: await t.login('officer'),
      body: { entries: [{ seatId: seatByName.get('社区矫正')!.id, date: '2026-04-06', personId: liTing.id }, { seatId: seatByName.get('社区矫正')!.id, date: '2026-05-01', personId: null }] },
    });
    expect(response.statusCode).toBe(400);
    const messages = response.json().error.details.fields.map((field: { message: string }) => field.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining('不是席位备勤人员'), expect.stringContaining('不属于“社区矫正”席位的责任单位'), expect.stringContaining('不在2026-04月内')]));
  });

  it('fills standby from submissions', async () => {
    const officer = await t.login('officer');
    const seatId = seatByName.get('戒毒管理')!.id;
    const groups = (await t.request('GET', `/api/submissions/2026-05/units/${seatByName.get('戒毒管理')!.units[0]!.id}/form`, { cookie: await t.login('jiedu') })).json().groups;
    const submitted = await t.request('POST', `/api/submissions/2026-05/units/${seatByName.get('戒毒管理')!.units[0]!.id}`, {
      cookie: await t.login('jiedu'),
      body: { entries: [{ role: 'seat_standby', seatId, personIds: [groups[0].candidates[0].personId] }] },
    });
    expect(submitted.statusCode).toBe(200);
    const fill = await t.request('POST', '/api/seats/standby/2026-05/from-submissions', { cookie: officer });
    expect(fill.statusCode).toBe(200);
    expect(fill.json().filled).toBe(31);
    const schedule = (await t.request('GET', '/api/seats/standby/2026-05', { cookie: officer })).json();
    const drug = schedule.assignments.filter((item: { seatId: string }) => item.seatId === seatId);
    expect(drug).toHaveLength(31);
    expect(drug.every((item: { name: string; source: string }) => item.name === '麦振宇' && item.source === 'submission')).toBe(true);
  });

  it('only the administrator configures seats', async () => {
    const reserved = seatByName.get('预留席位')!;
    const forbidden = await t.request('PATCH', `/api/seats/${reserved.id}`, { cookie: await t.login('officer'), body: { active: true } });
    expect(forbidden.statusCode).toBe(403);
    const admin = await t.login('admin');
    const renamed = await t.request('PATCH', `/api/seats/${reserved.id}`, { cookie: admin, body: { name: '法律援助', active: true } });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().seat).toMatchObject({ name: '法律援助', active: true });
    const general = await t.request('PATCH', `/api/seats/${seatByName.get('综合管理')!.id}`, { cookie: admin, body: { active: false } });
    expect(general.statusCode).toBe(400);
    const duplicate = await t.request('POST', '/api/seats', { cookie: admin, body: { name: '社区矫正', unitIds: [], sortOrder: 9, active: true } });
    expect(duplicate.statusCode).toBe(409);
  });
});
