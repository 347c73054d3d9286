import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/server/db/database.js';
import { operatorOf, registerDocument } from '../../src/server/documents/documents.service.js';
import { systemActor } from '../../src/server/audit/audit-log.js';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { faxBody, register } from './helpers.js';

describe.each(availableDialects())('documents register on %s', (dialect) => {
  let t: TestApp;
  let officer: string;

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-03-10T10:00:00+08:00' });
    officer = await t.login('officer');
  });
  afterAll(async () => {
    await t.close();
  });

  it('registers a fax with the next serial of its year', async () => {
    const demo = await t.ctx.db.kysely.selectFrom('documents').select('serial_value').where('serial_year', '=', 2026).execute();
    const next = Math.max(0, ...demo.map((row) => Number(row.serial_value))) + 1;
    const response = await t.request('POST', '/api/documents', { cookie: officer, body: faxBody({ referenceNumber: '琼司传〔2026〕1号' }) });
    expect(response.statusCode).toBe(201);
    const document = response.json().document;
    expect(document.serial).toBe(`2026-${String(next).padStart(4, '0')}`);
    expect(document.kind).toBe('plain_fax');
    expect(document.receivedAt).toBe('2026-03-10T09:15:00+08:00');
    expect(document.receivedByName).toBe('王晓明');
    expect(document.status).toBe('registered');
    expect(document.urgency).toBe('urgent');
    expect(document.copies).toBe(2);
    expect(document.attachmentTitles).toEqual(['值班安排表']);
    expect(document.events.map((event: { kind: string }) => event.kind)).toEqual(['registered']);
  });

  it('defaults the received time to now and urgency to 平急', async () => {
    const response = await t.request('POST', '/api/documents', {
      cookie: officer,
      body: { kind: 'electronic', senderUnit: '省司法厅办公室', title: '关于报送值班表的通知' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().document.receivedAt).toBe('2026-03-10T10:00:00+08:00');
    expect(response.json().document.urgency).toBe('normal');
    expect(response.json().document.copies).toBe(1);
  });

  it('50 concurrent registrations get 50 consecutive serials', async () => {
    const before = await t.ctx.db.kysely.selectFrom('documents').select('serial_value').where('serial_year', '=', 2026).execute();
    const start = Math.max(0, ...before.map((row) => Number(row.serial_value)));
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        t.request('POST', '/api/documents', { cookie: officer, body: faxBody({ referenceNumber: `并发〔2026〕${index + 1}号`, title: `并发登记 ${index + 1}` }) }),
      ),
    );
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.every((status) => status === 201)).toBe(true);
    const serials = responses.map((response) => response.json().document.serial as string).sort();
    const expected = Array.from({ length: 50 }, (_, index) => `2026-${String(start + index + 1).padStart(4, '0')}`);
    expect(serials).toEqual(expected);
  });

  it('accepts Chinese labels for kind and urgency', async () => {
    const response = await t.request('POST', '/api/documents', { cookie: officer, body: faxBody({ kind: '明传', urgency: '特急', referenceNumber: '标签〔2026〕1号' }) });
    expect(response.statusCode).toBe(201);
    expect(response.json().document.kind).toBe('plain_fax');
    expect(response.json().document.urgency).toBe('extra_urgent');
  });

  it('documents routes appear in the OpenAPI page', async () => {
    const response = await t.request('GET', '/api/docs/json');
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json().paths)).toEqual(expect.arrayContaining(['/api/documents', '/api/phone-records', '/api/directory/disclosures']));
  });

  it('the year boundary restarts the series', async () => {
    t.clock.set('2027-01-01T00:05:00+08:00');
    officer = await t.login('officer');
    try {
      const december = await register(t, officer, { receivedAt: '2026-12-31T23:59:00+08:00', referenceNumber: '跨年〔2026〕1号' });
      const january = await register(t, officer, { receivedAt: '2027-01-01T00:01:00+08:00', referenceNumber: '跨年〔2027〕1号' });
      expect(december.serial).toMatch(/^2026-\d{4}$/);
      expect(december.serial).not.toBe('2026-0001');
      expect(january.serial).toBe('2027-0001');
      const second = await register(t, officer, { receivedAt: '2027-01-01T00:02:00+08:00', referenceNumber: '跨年〔2027〕2号' });
      expect(second.serial).toBe('2027-0002');
    } finally {
      t.clock.set('2026-03-10T10:00:00+08:00');
      officer = await t.login('officer');
    }
  });

  it('uses the center time zone for the year, not UTC', async () => {
    t.clock.set('2028-01-01T07:00:00+08:00');
    officer = await t.login('officer');
    try {
      // 2027-12-31T16:30Z is 2028-01-01 00:30 in Haikou.
      const document = await register(t, officer, { receivedAt: '2027-12-31T16:30:00Z', referenceNumber: '时区〔2028〕1号' });
      expect(document.serial).toBe('2028-0001');
    } finally {
      t.clock.set('2026-03-10T10:00:00+08:00');
      officer = await t.login('officer');
    }
  });

  it('rejects the same sender and reference number, naming the entry', async () => {
    const first = await register(t, officer, { referenceNumber: '琼司发〔2026〕88号', title: '关于开展安全检查的通知' });
    const again = await t.request('POST', '/api/documents', { cookie: officer, body: faxBody({ referenceNumber: '琼司发〔2026〕88号', title: '另一个标题' }) });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DUPLICATE');
    expect(again.json().error.message).toContain(first.serial);
    expect(again.json().error.message).toContain('《关于开展安全检查的通知》');
    expect(again.json().error.message).toMatch(/已登记/);

    const bracketVariant = await t.request('POST', '/api/documents', { cookie: officer, body: faxBody({ referenceNumber: '琼司发[2026]88 号' }) });
    expect(bracketVariant.statusCode).toBe(409);
    expect(bracketVariant.json().error.message).toContain(first.serial);
  });

  it('concurrent duplicates register once', async () => {
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => t.request('POST', '/api/documents', { cookie: officer, body: faxBody({ referenceNumber: '同时〔2026〕7号' }) })),
    );
    const codes = responses.map((response) => response.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409, 409]);
    const rejected = responses.find((response) => response.statusCode === 409)!;
    const created = responses.find((response) => response.statusCode === 201)!;
    expect(rejected.json().error.message).toContain(created.json().document.serial);
  });

  it('the same reference number from another sender is fine', async () => {
    await register(t, officer, { referenceNumber: '通〔2026〕3号', senderUnit: '秀英区司法局' });
    const other = await t.request('POST', '/api/documents', { cookie: officer, body: faxBody({ referenceNumber: '通〔2026〕3号', senderUnit: '龙华区司法局' }) });
    expect(other.statusCode).toBe(201);
  });

  it('rejects a classified fax with content', async () => {
    const response = await t.request('POST', '/api/documents', {
      cookie: officer,
      body: faxBody({ kind: 'classified_fax', referenceNumber: '密传〔2026〕1号', content: '正文内容', attachmentTitles: [] }),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('CLASSIFIED_METADATA_ONLY');
    expect(response.json().error.message).toContain('密传文件只登记元数据');
    expect(response.json().error.message).toContain('不得录入正文或上传附件');
    expect(response.json().error.message).toContain('正文');
  });

  it('rejects a classified fax with attachments', async () => {
    const response = await t.request('POST', '/api/documents', {
      cookie: officer,
      body: faxBody({ kind: 'classified_fax', referenceNumber: '密传〔2026〕2号', content: null, attachmentTitles: ['附件一'] }),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.message).toContain('附件');
  });

  it('registers a classified fax by its metadata only', async () => {
    const response = await t.request('POST', '/api/documents', {
      cookie: officer,
      body: faxBody({ kind: 'classified_fax', referenceNumber: '密传〔2026〕3号', content: null, attachmentTitles: [], urgency: 'extra_urgent' }),
    });
    expect(response.statusCode).toBe(201);
    const document = response.json().document;
    expect(document.kind).toBe('classified_fax');
    expect(document.content).toBeNull();
    expect(document.attachmentTitles).toEqual([]);
  });

  it('a failed registration leaves no gap', async () => {
    const before = await register(t, officer, { referenceNumber: '无缺号〔2026〕1号' });
    const rejected = await t.request('POST', '/api/documents', { cookie: officer, body: faxBody({ referenceNumber: '无缺号〔2026〕1号' }) });
    expect(rejected.statusCode).toBe(409);
    const after = await register(t, officer, { referenceNumber: '无缺号〔2026〕2号' });
    expect(Number(after.serial.slice(5))).toBe(Number(before.serial.slice(5)) + 1);
  });

  it('lists with filters and search', async () => {
    const all = await t.request('GET', '/api/documents?pageSize=100', { cookie: officer });
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBeGreaterThan(50);

    const classified = await t.request('GET', '/api/documents?kind=classified_fax', { cookie: officer });
    expect(classified.json().documents.every((document: { kind: string }) => document.kind === 'classified_fax')).toBe(true);
    expect(classified.json().documents.some((document: { referenceNumber: string }) => document.referenceNumber === '密传〔2026〕3号')).toBe(true);

    const search = await t.request('GET', `/api/documents?q=${encodeURIComponent('安全检查')}`, { cookie: officer });
    expect(search.json().total).toBe(1);

    const byDate = await t.request('GET', '/api/documents?from=2026-12-31&to=2026-12-31', { cookie: officer });
    expect(byDate.json().total).toBe(1);

    const wildcard = await t.request('GET', `/api/documents?q=${encodeURIComponent('%')}`, { cookie: officer });
    expect(wildcard.json().total).toBe(0);

    const badRange = await t.request('GET', '/api/documents?from=2026-03-10&to=2026-03-01', { cookie: officer });
    expect(badRange.statusCode).toBe(400);
    expect(badRange.json().error.message).toContain('结束日期');
  });

  it('rejects bad registrations with Chinese messages', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ kind: 'letter' }, /文电类型/],
      [{ title: '' }, /标题/],
      [{ title: '   ' }, /标题/],
      [{ senderUnit: undefined }, /来文单位/],
      [{ urgency: '很急' }, /紧急程度/],
      [{ copies: 0 }, /份数/],
      [{ copies: 1.5 }, /份数/],
      [{ copies: '2' }, /份数/],
      [{ receivedAt: '2026-13-01' }, /时间/],
      [{ receivedAt: '2026-03-10T12:00:00+08:00', referenceNumber: '未来〔2026〕1号' }, /收文时间.*晚于当前时间/],
      [{ title: 'x'.repeat(201) }, /标题/],
      [{ attachmentIds: ['no-such-attachment'], referenceNumber: '附件〔2026〕1号' }, /附件/],
      [{ kind: 'phone_record', referenceNumber: null }, /电话记录/],
      [{ title: '机密★1年 关于某事项的通知' }, /密级标识/],
    ];
    for (const [overrides, message] of cases) {
      const response = await t.request('POST', '/api/documents', { cookie: officer, body: faxBody(overrides) });
      expect(response.statusCode, JSON.stringify(overrides)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, JSON.stringify(overrides)).toBeLessThan(500);
      expect(response.json().error.message, JSON.stringify(overrides)).toMatch(message);
    }
    const notJson = await t.request('POST', '/api/documents', { cookie: officer, body: 'not json', headers: { 'content-type': 'application/json' } });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('only duty staff register; liaisons and leaders cannot', async () => {
    for (const username of ['xiuying', 'auditor', 'seat']) {
      const cookie = await t.login(username);
      const response = await t.request('POST', '/api/documents', { cookie, body: faxBody({ referenceNumber: `权限〔2026〕${username}` }) });
      expect(response.statusCode, username).toBe(403);
    }
    const anonymous = await t.request('POST', '/api/documents', { body: faxBody() });
    expect(anonymous.statusCode).toBe(401);
  });

  it('has no DELETE route', () => {
    const deletes = t.app.apiRoutes.filter((route) => route.method === 'DELETE' && /documents|phone-records|directory/.test(route.url));
    expect(deletes).toEqual([]);
  });

  it.runIf(dialect === 'postgres')('two pools registering at once get consecutive serials', async () => {
    const secondDb = openPostgres(t.database.url!, 10);
    try {
      const user = await t.ctx.db.kysely.selectFrom('users').select(['id', 'name', 'unit_id']).where('username', '=', 'officer').executeTakeFirstOrThrow();
      const operator = operatorOf(
        { id: user.id, username: 'officer', name: user.name, roles: ['duty_officer'], unitId: user.unit_id, personId: null, mustChangePassword: false, sessionId: 's', sessionKind: 'user' },
        { ...systemActor, userId: user.id, name: user.name },
      );
      const contexts = [t.ctx, { ...t.ctx, db: secondDb }];
      t.clock.set('2029-06-01T10:00:00+08:00');
      const registered = await Promise.all(
        Array.from({ length: 40 }, (_, index) =>
          registerDocument(contexts[index % 2]!, operator, {
            kind: 'electronic',
            receivedAt: '2029-06-01T09:00:00+08:00',
            senderUnit: '双连接池测试',
            referenceNumber: `池〔2029〕${index + 1}号`,
            urgency: 'normal',
            title: `双连接池 ${index + 1}`,
            copies: 1,
          }),
        ),
      );
      const serials = registered.map((document) => document.serial).sort();
      expect(serials).toEqual(Array.from({ length: 40 }, (_, index) => `2029-${String(index + 1).padStart(4, '0')}`));
    } finally {
      t.clock.set('2026-03-10T10:00:00+08:00');
      await secondDb.close();
      officer = await t.login('officer');
    }
  });
});
