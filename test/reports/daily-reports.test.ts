import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../src/server/events/event-bus.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { availableDialects } from '../support/databases.js';
import { freshKey, itemsReport, sampleItem, submit, unitIdOf, zeroReport } from './helpers.js';

// 2026-03-10 is a Tuesday; units report by 15:00, the center collects by 15:30.
describe.each(availableDialects())('daily reports on %s', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-03-10T09:00:00+08:00' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('status names exactly the missing and late units', async () => {
    t.clock.set('2026-03-10T10:12:00+08:00');
    expect((await submit(t, await t.login('xiuying'), itemsReport([sampleItem]))).statusCode).toBe(201);
    t.clock.set('2026-03-10T15:00:00+08:00');
    expect((await submit(t, await t.login('longhua'), zeroReport())).statusCode).toBe(201);
    t.clock.set('2026-03-10T15:00:01+08:00');
    expect((await submit(t, await t.login('qiongshan'), zeroReport())).statusCode).toBe(201);
    t.clock.set('2026-03-10T16:10:00+08:00');

    const response = await t.request('GET', '/api/daily-reports/status?date=2026-03-10', { cookie: await t.login('officer') });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.date).toBe('2026-03-10');
    expect(body.deadline).toBe('2026-03-10T15:00:00+08:00');

    const units = await t.ctx.db.kysely.selectFrom('units').select(['id', 'name', 'kind']).where('active', '=', 1).execute();
    const expected = units.filter((unit) => unit.kind !== 'command_center');
    expect(body.units).toHaveLength(expected.length);
    expect(body.units.some((unit: { unitName: string }) => unit.unitName === '海口市司法局指挥中心')).toBe(false);

    const byName = new Map(body.units.map((unit: { unitName: string }) => [unit.unitName, unit]));
    expect(byName.get('秀英区司法局')).toEqual({ unitId: await unitIdOf(t, '秀英区司法局'), unitName: '秀英区司法局', status: 'reported', submittedAt: '2026-03-10T10:12:00+08:00' });
    expect(byName.get('龙华区司法局')).toMatchObject({ status: 'zero', submittedAt: '2026-03-10T15:00:00+08:00' });
    expect(byName.get('琼山区司法局')).toMatchObject({ status: 'late', submittedAt: '2026-03-10T15:00:01+08:00' });
    expect(byName.get('美兰区司法局')).toMatchObject({ status: 'missing', submittedAt: null });

    const late = body.units.filter((unit: { status: string }) => unit.status === 'late').map((unit: { unitName: string }) => unit.unitName);
    expect(late).toEqual(['琼山区司法局']);
    const missing = body.units.filter((unit: { status: string }) => unit.status === 'missing');
    expect(missing).toHaveLength(expected.length - 3);
    expect(body.summary).toEqual({ total: expected.length, submitted: 3, missing: expected.length - 3, late: 1 });
  });

  it('records a late report against the unit', async () => {
    const response = await t.request('GET', '/api/daily-reports/violations?from=2026-03-10&to=2026-03-10', { cookie: await t.login('officer') });
    expect(response.statusCode).toBe(200);
    const late = response.json().violations.filter((violation: { kind: string }) => violation.kind === 'late');
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ unitName: '琼山区司法局', date: '2026-03-10', rectificationDueAt: '2026-03-13T23:59:59+08:00' });
  });

  it('records missing units once after the deadline', async () => {
    const { recordMissingReports } = await import('../../src/server/reports/daily-reports.service.js');
    const first = await recordMissingReports(t.ctx, '2026-03-10');
    const second = await recordMissingReports(t.ctx, '2026-03-10');
    expect(first).toBeGreaterThan(0);
    expect(second).toBe(0);
    const rows = await t.ctx.db.kysely.selectFrom('report_violations').select(['unit_id', 'kind']).where('report_date', '=', '2026-03-10').execute();
    const meilanId = await unitIdOf(t, '美兰区司法局');
    expect(rows.filter((row) => row.unit_id === meilanId)).toEqual([{ unit_id: meilanId, kind: 'missing' }]);
  });

  it('turns a missing record late when the report arrives', async () => {
    t.clock.set('2026-03-10T17:00:00+08:00');
    expect((await submit(t, await t.login('meilan'), zeroReport())).statusCode).toBe(201);
    const meilanId = await unitIdOf(t, '美兰区司法局');
    const row = await t.ctx.db.kysely.selectFrom('report_violations').select('kind').where('unit_id', '=', meilanId).where('report_date', '=', '2026-03-10').executeTakeFirstOrThrow();
    expect(row.kind).toBe('late');
  });

  it('unit sees only its own reports', async () => {
    const own = await t.request('GET', '/api/daily-reports?from=2026-03-10&to=2026-03-10', { cookie: await t.login('xiuying') });
    expect(own.statusCode).toBe(200);
    const reports = own.json().reports;
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.every((report: { unitName: string }) => report.unitName === '秀英区司法局')).toBe(true);

    const other = await t.request('GET', `/api/daily-reports?unitId=${await unitIdOf(t, '龙华区司法局')}`, { cookie: await t.login('xiuying') });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toMatch(/本单位/);

    const longhuaReport = (await t.request('GET', '/api/daily-reports?from=2026-03-10&to=2026-03-10', { cookie: await t.login('longhua') })).json().reports[0];
    const byId = await t.request('GET', `/api/daily-reports/${longhuaReport.id}`, { cookie: await t.login('xiuying') });
    expect(byId.statusCode).toBe(403);

    const status = await t.request('GET', '/api/daily-reports/status?date=2026-03-10', { cookie: await t.login('xiuying') });
    expect(status.statusCode).toBe(403);
  });

  it('center sees every unit', async () => {
    const response = await t.request('GET', '/api/daily-reports?from=2026-03-10&to=2026-03-10', { cookie: await t.login('officer') });
    expect(response.statusCode).toBe(200);
    const names = new Set(response.json().reports.map((report: { unitName: string }) => report.unitName));
    expect([...names].sort()).toEqual(['琼山区司法局', '秀英区司法局', '美兰区司法局', '龙华区司法局'].sort());
    const byId = await t.request('GET', `/api/daily-reports/${response.json().reports[0].id}`, { cookie: await t.login('officer') });
    expect(byId.statusCode).toBe(200);
  });

  it('retry with same key stores once', async () => {
    t.clock.set('2026-03-11T09:00:00+08:00');
    const key = freshKey();
    const body = itemsReport([{ ...sampleItem, title: '重试测试信息' }]);
    const first = await submit(t, await t.login('xiuying'), body, key);
    expect(first.statusCode).toBe(201);
    expect(first.json().replayed).toBe(false);

    const retry = await submit(t, await t.login('xiuying'), body, key);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().replayed).toBe(true);
    expect(retry.json().report.id).toBe(first.json().report.id);

    const viaBody = await t.request('POST', '/api/daily-reports', { cookie: await t.login('xiuying'), body: { ...body, idempotencyKey: key } });
    expect(viaBody.statusCode).toBe(200);
    expect(viaBody.json().report.id).toBe(first.json().report.id);

    const rows = await t.ctx.db.kysely.selectFrom('report_items').select('id').where('title', '=', '重试测试信息').execute();
    expect(rows).toHaveLength(1);
  });

  it('concurrent retries store once', async () => {
    const key = freshKey();
    const body = itemsReport([{ ...sampleItem, title: '并发重试信息' }]);
    const cookie = await t.login('longhua');
    const responses = await Promise.all(Array.from({ length: 6 }, () => submit(t, cookie, body, key)));
    expect(responses.every((response) => response.statusCode === 200 || response.statusCode === 201)).toBe(true);
    expect(new Set(responses.map((response) => response.json().report.id)).size).toBe(1);
    expect(responses.filter((response) => response.statusCode === 201)).toHaveLength(1);
    const rows = await t.ctx.db.kysely.selectFrom('report_items').select('id').where('title', '=', '并发重试信息').execute();
    expect(rows).toHaveLength(1);
  });

  it('same key in another unit is separate', async () => {
    const key = freshKey();
    expect((await submit(t, await t.login('qiongshan'), zeroReport(), key)).statusCode).toBe(201);
    expect((await submit(t, await t.login('meilan'), zeroReport(), key)).statusCode).toBe(201);
  });

  it('zero report after items is rejected', async () => {
    const response = await submit(t, await t.login('xiuying'), zeroReport());
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(/已报送要情信息，不能再报平安/);
  });

  it('zero report after an incident is rejected', async () => {
    const unitId = await unitIdOf(t, '海口市法律援助中心');
    const { hasIncidentForUnitOnDay } = await import('../../src/server/reports/incident-lookup.js');
    expect(await hasIncidentForUnitOnDay(t.ctx.db.kysely, unitId, '2026-03-11')).toBe(false);
    const incident = await t.request('POST', '/api/incidents', {
      cookie: await t.login('officer'),
      body: {
        title: '法律援助中心来访群众情绪激动',
        unitId,
        grade: 'general',
        occurredAt: '2026-03-11T08:40:00+08:00',
        discoveredAt: '2026-03-11T08:45:00+08:00',
        receivedAt: '2026-03-11T08:55:00+08:00',
        channel: 'phone',
      },
    });
    expect(incident.statusCode, incident.body).toBe(201);
    expect(await hasIncidentForUnitOnDay(t.ctx.db.kysely, unitId, '2026-03-11')).toBe(true);
    const fayuan = await t.login('fayuan');
    const response = await submit(t, fayuan, zeroReport('2026-03-11'));
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(/突发案事件/);
  });

  it('missing idempotency key is a Chinese 400', async () => {
    const response = await t.request('POST', '/api/daily-reports', { cookie: await t.login('xiuying'), body: zeroReport() });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/提交编号/);
  });

  it('bad input gets Chinese 4xx', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [itemsReport([{ ...sampleItem, category: 'weather' }]), /信息类别/],
      [itemsReport([{ ...sampleItem, title: '' }]), /标题/],
      [itemsReport([]), /至少填写一条/],
      [{ kind: 'zero', items: [sampleItem] }, /零报告不能附带/],
      [zeroReport('2026-03-12'), /「报送日期」.*2026-02-08 至 2026-03-11/],
      [zeroReport('2026-02-30'), /日期/],
      [{ kind: 'maybe' }, /类型/],
      [itemsReport([{ ...sampleItem, occurredAt: 'yesterday' }]), /发生时间/],
      [itemsReport([{ ...sampleItem, attachmentIds: ['no-such-attachment'] }]), /附件/],
    ];
    for (const [body, message] of cases) {
      const response = await submit(t, await t.login('qiongshan'), body);
      expect(response.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, JSON.stringify(body)).toBeLessThan(500);
      expect(response.json().error.message, JSON.stringify(body)).toMatch(message);
    }
    const badKey = await t.request('POST', '/api/daily-reports', { cookie: await t.login('qiongshan'), body: zeroReport(), headers: { 'idempotency-key': 'x' } });
    expect(badKey.statusCode).toBe(400);
    const badDate = await t.request('GET', '/api/daily-reports/status?date=2026-13-01', { cookie: await t.login('officer') });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.message).toMatch(/日期/);
  });

  it('links image attachments, rejects spreadsheets', async () => {
    const unitId = await unitIdOf(t, '琼山区司法局');
    const user = await t.ctx.db.kysely.selectFrom('users').select('id').where('username', '=', 'qiongshan').executeTakeFirstOrThrow();
    const attachment = (id: string, fileName: string, mimeType: string) => ({
      id, file_name: fileName, mime_type: mimeType, size: 1024, sm3: '0'.repeat(64), storage_path: `attachments/${id}`,
      owner_type: null, owner_id: null, uploaded_by: user.id, uploaded_by_unit: unitId, uploaded_at: new Date().toISOString(),
    });
    const photoId = `photo-${dialect}`;
    const sheetId = `sheet-${dialect}`;
    await t.ctx.db.kysely.insertInto('attachments').values([attachment(photoId, '现场照片.png', 'image/png'), attachment(sheetId, '统计表.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')]).execute();

    const sheet = await submit(t, await t.login('qiongshan'), itemsReport([{ ...sampleItem, attachmentIds: [sheetId] }]));
    expect(sheet.statusCode).toBe(400);
    expect(sheet.json().error.message).toMatch(/统计表\.xlsx 的类型不支持/);

    const photo = await submit(t, await t.login('qiongshan'), itemsReport([{ ...sampleItem, title: '附照片的信息', attachmentIds: [photoId] }]));
    expect(photo.statusCode).toBe(201);
    const itemId = photo.json().report.items[0].id;
    expect(photo.json().report.items[0].attachmentIds).toEqual([photoId]);
    const linked = await t.ctx.db.kysely.selectFrom('attachments').select(['owner_type', 'owner_id']).where('id', '=', photoId).executeTakeFirstOrThrow();
    expect(linked).toEqual({ owner_type: 'report_item', owner_id: itemId });
  });

  it('classified marks are rejected', async () => {
    const response = await submit(t, await t.login('qiongshan'), itemsReport([{ ...sampleItem, content: '本材料属机密★1年，请勿外传。' }]));
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('CLASSIFIED_CONTENT');
  });

  it('officer cannot submit for a unit', async () => {
    const response = await submit(t, await t.login('officer'), zeroReport());
    expect(response.statusCode).toBe(403);
  });

  it('reminds missing units with a live event', async () => {
    t.clock.set('2026-03-11T15:05:00+08:00');
    const events: LiveEvent[] = [];
    const unsubscribe = t.ctx.events.subscribe((event) => events.push(event));
    const response = await t.request('POST', '/api/daily-reports/reminders', { cookie: await t.login('officer'), body: { date: '2026-03-11' } });
    unsubscribe();
    expect(response.statusCode).toBe(201);
    const reminder = response.json().reminder;
    expect(reminder.remindedBy).toBe('王晓明');
    expect(reminder.remindedAt).toBe('2026-03-11T15:05:00+08:00');

    const status = (await t.request('GET', '/api/daily-reports/status?date=2026-03-11', { cookie: await t.login('officer') })).json();
    const missingIds = status.units.filter((unit: { status: string }) => unit.status === 'missing').map((unit: { unitId: string }) => unit.unitId);
    expect(reminder.unitIds.sort()).toEqual(missingIds.sort());
    expect(status.reminders).toHaveLength(1);

    const reminderEvents = events.filter((event) => event.type === 'report.reminder');
    expect(reminderEvents.map((event) => event.unitId).sort()).toEqual(missingIds.sort());
    expect(reminderEvents.every((event) => event.roles?.includes('unit_liaison'))).toBe(true);
  });

  it('liaison cannot remind', async () => {
    const response = await t.request('POST', '/api/daily-reports/reminders', { cookie: await t.login('xiuying'), body: { date: '2026-03-11' } });
    expect(response.statusCode).toBe(403);
  });

  it('deadline settings are editable by the administrator', async () => {
    const admin = await t.login('admin');
    const forbiddenResponse = await t.request('PUT', '/api/daily-reports/settings', { cookie: await t.login('officer'), body: { unitDeadline: '14:00' } });
    expect(forbiddenResponse.statusCode).toBe(403);

    const wrongOrder = await t.request('PUT', '/api/daily-reports/settings', { cookie: admin, body: { unitDeadline: '16:30' } });
    expect(wrongOrder.statusCode).toBe(400);
    expect(wrongOrder.json().error.message).toMatch(/不能晚于汇总截止时间/);

    const malformed = await t.request('PUT', '/api/daily-reports/settings', { cookie: admin, body: { unitDeadline: '25:00' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.message).toMatch(/单位报送截止时间/);

    const updated = await t.request('PUT', '/api/daily-reports/settings', { cookie: admin, body: { unitDeadline: '14:00' } });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().settings).toMatchObject({ unitDeadline: '14:00', collectionDeadline: '15:30', provinceDeadline: '16:00' });

    const status = (await t.request('GET', '/api/daily-reports/status?date=2026-03-12', { cookie: await t.login('officer') })).json();
    expect(status.deadline).toBe('2026-03-12T14:00:00+08:00');
    await t.request('PUT', '/api/daily-reports/settings', { cookie: admin, body: { unitDeadline: '15:00' } });
  });
});
