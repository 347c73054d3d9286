import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';

interface Entry {
  key: string;
  type: 'person' | 'unit';
  id: string;
  name: string;
  mobilePhone: string | null;
  officePhone: string | null;
  dutyRoomPhone: string | null;
  available: string[];
}

const phonePattern = /1390898\d{4}|0898-\d{8}/;

describe.each(availableDialects())('phone directory on %s', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-03-10T10:00:00+08:00' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows numbers to roles that may read them, audited', async () => {
    const officer = await t.login('officer');
    const response = await t.request('GET', `/api/directory?q=${encodeURIComponent('秀英')}`, { cookie: officer });
    expect(response.statusCode).toBe(200);
    const entries = response.json().entries as Entry[];
    const dutyRoom = entries.find((entry) => entry.type === 'unit')!;
    expect(dutyRoom.dutyRoomPhone).toBe('0898-68600001');
    const person = entries.find((entry) => entry.name === '陈小红')!;
    expect(person.mobilePhone).toMatch(/^1390898\d{4}$/);
    const audit = await t.ctx.db.kysely.selectFrom('audit_log').select(['action', 'entity_type']).where('action', '=', 'confidential.read').where('entity_type', '=', 'directory').execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('shows names only to everyone else', async () => {
    for (const username of ['seat', 'xiuying', 'auditor', 'security']) {
      const cookie = await t.login(username);
      const response = await t.request('GET', '/api/directory?pageSize=100', { cookie });
      expect(response.statusCode, username).toBe(200);
      expect(response.json().phonesVisible).toBe(false);
      expect(response.json().total).toBeGreaterThan(50);
      expect(response.body, username).not.toMatch(phonePattern);
      const entries = response.json().entries as Entry[];
      expect(entries.some((entry) => entry.available.length > 0)).toBe(true);
    }
  });

  it('gives a number only after the verification is recorded', async () => {
    const seat = await t.login('seat');
    const list = await t.request('GET', `/api/directory?q=${encodeURIComponent('龙华区')}`, { cookie: seat });
    const room = (list.json().entries as Entry[]).find((entry) => entry.type === 'unit')!;

    const base = { entryType: 'unit', entryId: room.id, phoneField: 'duty_room', requesterName: '李警官', requesterUnit: '海口市公安局龙华分局', verification: 'callback', reason: '协调处置一起矛盾纠纷' };
    const incomplete = [
      { ...base, verification: undefined },
      { ...base, requesterName: '' },
      { ...base, reason: '  ' },
      { ...base, requesterUnit: undefined },
      { ...base, verification: 'trust_me' },
      { ...base, verification: 'other' },
      { ...base, phoneField: 'mobile' },
      { ...base, entryId: 'no-such-entry' },
    ];
    for (const body of incomplete) {
      const response = await t.request('POST', '/api/directory/disclosures', { cookie: seat, body });
      expect(response.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, JSON.stringify(body)).toBeLessThan(500);
      expect(response.body).not.toMatch(phonePattern);
      expect(response.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const recorded = await t.ctx.db.kysely.selectFrom('directory_disclosures').select('id').where('officer_name', '=', '邓伟').execute();
    expect(recorded).toHaveLength(0);

    const response = await t.request('POST', '/api/directory/disclosures', { cookie: seat, body: base });
    expect(response.statusCode).toBe(201);
    expect(response.json().phone).toBe('0898-68600002');
    expect(response.json().disclosure).toMatchObject({ requesterName: '李警官', verification: 'callback', officerName: '邓伟', entryName: '龙华区司法局指挥室' });

    const audit = await t.ctx.db.kysely
      .selectFrom('audit_log')
      .select(['summary', 'actor_name'])
      .where('action', '=', 'confidential.read')
      .where('entity_type', '=', 'directory_disclosure')
      .where('actor_name', '=', '邓伟')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_name).toBe('邓伟');
    expect(audit[0]!.summary).toContain('回拨核实');

    const other = await t.request('POST', '/api/directory/disclosures', { cookie: seat, body: { ...base, verification: 'other', verificationNote: '对方报出本次会议编号，与通知一致' } });
    expect(other.statusCode).toBe(201);
  });

  it('accepts a person id and a Chinese verification label', async () => {
    const leader = await t.login('leader');
    const person = await t.ctx.db.kysely.selectFrom('people').select('id').where('name', '=', '陈小红').executeTakeFirstOrThrow();
    const response = await t.request('POST', '/api/directory/disclosures', {
      cookie: leader,
      body: { personId: person.id, requesterName: '王科长', requesterUnit: '省司法厅', verification: '工作证', reason: '核对信息员联系方式' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().phone).toMatch(/^1390898\d{4}$/);
    expect(response.json().disclosure).toMatchObject({ entryType: 'person', phoneField: 'mobile', verification: 'work_id' });
    const unnamed = await t.request('POST', '/api/directory/disclosures', {
      cookie: leader,
      body: { requesterName: '王科长', requesterUnit: '省司法厅', verification: 'callback', reason: '核对' },
    });
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().error.message).toContain('通讯录条目');
  });

  it('liaisons and admins cannot disclose numbers', async () => {
    for (const username of ['xiuying', 'security', 'hall']) {
      const cookie = await t.login(username);
      const response = await t.request('POST', '/api/directory/disclosures', { cookie, body: { entryType: 'unit', entryId: 'x', phoneField: 'duty_room', requesterName: 'a', requesterUnit: 'b', verification: 'callback', reason: 'c' } });
      expect(response.statusCode, username).toBe(403);
      expect(response.body).not.toMatch(phonePattern);
    }
  });

  it('lists the month of disclosures', async () => {
    const leader = await t.login('leader');
    const response = await t.request('GET', '/api/directory/disclosures?month=2026-03', { cookie: leader });
    expect(response.statusCode).toBe(200);
    const ours = response.json().disclosures.filter((disclosure: { officerName: string }) => disclosure.officerName === '邓伟');
    expect(response.json().disclosures.some((disclosure: { officerName: string }) => disclosure.officerName === '黄志强')).toBe(true);
    expect(ours).toHaveLength(2);
    expect(ours[0].at).toBe('2026-03-10T10:00:00+08:00');
    expect(response.json().disclosures.every((disclosure: { at: string }) => disclosure.at.startsWith('2026-03'))).toBe(true);
    const april = await t.request('GET', '/api/directory/disclosures?month=2026-04', { cookie: leader });
    expect(april.json().disclosures).toHaveLength(0);
    const bad = await t.request('GET', '/api/directory/disclosures?month=2026-3', { cookie: leader });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('月份');
    const auditor = await t.login('auditor');
    expect((await t.request('GET', '/api/directory/disclosures?month=2026-03', { cookie: auditor })).statusCode).toBe(200);
    const liaison = await t.login('xiuying');
    expect((await t.request('GET', '/api/directory/disclosures?month=2026-03', { cookie: liaison })).statusCode).toBe(403);
  });
});
