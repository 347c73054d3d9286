import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { unitIdByName } from './helpers.js';

const majorCall = {
  calledAt: '2026-03-10T09:40:00+08:00',
  callerUnit: '海口市罗牛山强制隔离戒毒所',
  callerName: '符丽珍',
  callerPosition: '信息员',
  callerPhone: '13907561234',
  receiverName: '王晓明',
  content: '09:30 所内一名戒毒人员突发疾病，已送医抢救，所领导已赶赴医院。',
  majorIncident: true,
  handlingOpinion: '立即报告值班长和值班指挥长，通知戒毒管理科跟进。',
  handlingResult: '已报告值班长黄志强，已通知戒毒管理科。',
  handlerName: '王晓明',
};

describe.each(availableDialects())('phone records on %s', (dialect) => {
  let t: TestApp;
  let officer: string;

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-03-10T10:00:00+08:00' });
    officer = await t.login('officer');
  });
  afterAll(async () => {
    await t.close();
  });

  it('registers an ordinary call with few details', async () => {
    const response = await t.request('POST', '/api/phone-records', { cookie: officer, body: { callerName: '张先生', content: '询问法律援助中心的办公地址。' } });
    expect(response.statusCode).toBe(201);
    const record = response.json().phoneRecord;
    expect(record.serial).toMatch(/^2026-\d{4}$/);
    expect(record.receiverName).toBe('王晓明');
    expect(record.calledAt).toBe('2026-03-10T10:00:00+08:00');
    expect(record.title).toBe('询问法律援助中心的办公地址。');
    expect(record.majorIncident).toBe(false);

    const register = await t.request('GET', '/api/documents?kind=phone_record&pageSize=100', { cookie: officer });
    expect(register.json().documents.some((document: { serial: string }) => document.serial === record.serial)).toBe(true);
  });

  it('a major-incident call needs every detail', async () => {
    const response = await t.request('POST', '/api/phone-records', {
      cookie: officer,
      body: { ...majorCall, callerPhone: null, handlerName: '', callerPosition: undefined },
    });
    expect(response.statusCode).toBe(400);
    const message = response.json().error.message as string;
    expect(message).toContain('重大案事件');
    expect(message).toContain('来电号码');
    expect(message).toContain('经办人');
    expect(message).toContain('来电人职务');
    expect(response.json().error.details.fields.map((field: { field: string }) => field.field)).toEqual(['callerPosition', 'callerPhone', 'handlerName']);
  });

  it('registers a complete major-incident call and maps it to an incident draft', async () => {
    const unitId = await unitIdByName(t, '海口市罗牛山强制隔离戒毒所');
    const response = await t.request('POST', '/api/phone-records', { cookie: officer, body: { ...majorCall, callerUnitId: unitId } });
    expect(response.statusCode).toBe(201);
    const record = response.json().phoneRecord;
    expect(record.callerPhone).toBe('13907561234');
    expect(record.urgency).toBe('extra_urgent');

    const stored = await t.ctx.db.kysely.selectFrom('phone_records').select('caller_phone').where('document_id', '=', record.id).executeTakeFirstOrThrow();
    expect(stored.caller_phone).not.toContain('13907561234');

    const draft = await t.request('GET', `/api/phone-records/${record.id}/incident-draft`, { cookie: officer });
    expect(draft.statusCode).toBe(200);
    expect(draft.json().draft).toMatchObject({
      unitId,
      channel: 'phone',
      grade: 'major',
      receivedAt: '2026-03-10T09:40:00+08:00',
      reporterName: '符丽珍',
      reporterPhone: '13907561234',
      facts: majorCall.content,
    });

    const converted = await t.request('POST', `/api/phone-records/${record.id}/incident`, { cookie: officer });
    expect(converted.statusCode, converted.body).toBe(201);
    const incidentId = converted.json().incidentId as string;
    const incident = await t.ctx.db.kysely.selectFrom('incidents').selectAll().where('id', '=', incidentId).executeTakeFirstOrThrow();
    expect(incident.unit_id).toBe(unitId);
    expect(incident.channel).toBe('phone');
    expect(incident.reporter_name).toBe('符丽珍');
    expect(incident.facts).toBe(majorCall.content);
    expect(incident.received_at).toBe(new Date('2026-03-10T09:40:00+08:00').toISOString());

    const again = await t.request('POST', `/api/phone-records/${record.id}/incident`, { cookie: officer });
    expect(again.statusCode).toBe(409);
    const after = await t.request('GET', `/api/phone-records/${record.id}`, { cookie: officer });
    expect(after.json().phoneRecord.incidentId).toBe(incidentId);
    const detail = await t.request('GET', `/api/documents/${record.id}`, { cookie: officer });
    expect(detail.json().document.events.map((event: { kind: string }) => event.kind)).toContain('incident_created');
  });

  it('a major call without one of our units cannot become an incident', async () => {
    const response = await t.request('POST', '/api/phone-records', { cookie: officer, body: { ...majorCall, calledAt: '2026-03-10T09:50:00+08:00' } });
    expect(response.statusCode).toBe(201);
    const converted = await t.request('POST', `/api/phone-records/${response.json().phoneRecord.id}/incident`, { cookie: officer });
    expect(converted.statusCode).toBe(400);
    expect(converted.json().error.message).toContain('来电单位');
    const stored = await t.ctx.db.kysely.selectFrom('phone_records').select('incident_id').where('document_id', '=', response.json().phoneRecord.id).executeTakeFirstOrThrow();
    expect(stored.incident_id).toBeNull();
  });

  it('updates handling and keeps the rules', async () => {
    const created = await t.request('POST', '/api/phone-records', { cookie: officer, body: { callerUnit: '美兰区司法局', callerName: '吴海龙', content: '报告辖区内一起纠纷已调解。' } });
    const id = created.json().phoneRecord.id;
    const updated = await t.request('PATCH', `/api/phone-records/${id}`, { cookie: officer, body: { handlingOpinion: '记录备查', handlingResult: '已记录', handlerName: '王晓明' } });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().phoneRecord.handlingResult).toBe('已记录');
    const flagged = await t.request('PATCH', `/api/phone-records/${id}`, { cookie: officer, body: { majorIncident: true } });
    expect(flagged.statusCode).toBe(400);
    expect(flagged.json().error.message).toContain('来电号码');
    const detail = await t.request('GET', `/api/documents/${id}`, { cookie: officer });
    expect(detail.json().document.events.map((event: { kind: string }) => event.kind)).toEqual(['registered', 'phone_handled']);
    const notMajor = await t.request('GET', `/api/phone-records/${id}/incident-draft`, { cookie: officer });
    expect(notMajor.statusCode).toBe(409);
  });

  it('lists and searches phone records', async () => {
    const today = await t.request('GET', '/api/phone-records?from=2026-03-10&to=2026-03-10', { cookie: officer });
    expect(today.statusCode).toBe(200);
    expect(today.json().total).toBe(4);
    const major = await t.request('GET', '/api/phone-records?majorIncident=true&from=2026-03-10', { cookie: officer });
    expect(major.json().total).toBe(2);
    const search = await t.request('GET', `/api/phone-records?q=${encodeURIComponent('纠纷已调解')}`, { cookie: officer });
    expect(search.json().total).toBe(1);
  });

  it('rejects bad phone record input with Chinese 4xx', async () => {
    const cases: unknown[] = [
      { callerPhone: 'abc' },
      { calledAt: 'yesterday' },
      { calledAt: '2026-03-10T12:00:00+08:00' },
      { majorIncident: 'yes' },
      { urgency: 'soon' },
      { callerUnitId: 'no-such-unit', content: '测试' },
      { content: 'x'.repeat(20_001) },
      { content: '绝密 内容' },
    ];
    for (const body of cases) {
      const response = await t.request('POST', '/api/phone-records', { cookie: officer, body });
      expect(response.statusCode, JSON.stringify(body).slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, JSON.stringify(body).slice(0, 80)).toBeLessThan(500);
      expect(response.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const patchMissing = await t.request('PATCH', '/api/phone-records/no-such-id', { cookie: officer, body: { handlerName: '王晓明' } });
    expect(patchMissing.statusCode).toBe(404);
    const patchBad = await t.request('PATCH', '/api/phone-records/no-such-id', { cookie: officer, body: { majorIncident: 3 } });
    expect(patchBad.statusCode).toBe(400);
    const convertMissing = await t.request('POST', '/api/phone-records/no-such-id/incident', { cookie: officer });
    expect(convertMissing.statusCode).toBe(404);
    const liaison = await t.login('xiuying');
    const forbidden = await t.request('POST', '/api/phone-records', { cookie: liaison, body: { content: '测试' } });
    expect(forbidden.statusCode).toBe(403);
  });
});
