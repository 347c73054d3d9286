import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { availableDialects } from '../support/databases.js';
import { freshKey, itemsReport, sampleItem, submit, unitIdOf, zeroReport } from './helpers.js';

// 2026-11-20 is a Friday; units report by 15:00.
describe.each(availableDialects())('daily report rules on %s', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-11-20T09:30:00+08:00' });
  });
  afterAll(async () => {
    await t.close();
  });

  async function reportsOf(unitName: string, date: string) {
    const unitId = await unitIdOf(t, unitName);
    return t.ctx.db.kysely.selectFrom('daily_reports').select(['id', 'kind']).where('unit_id', '=', unitId).where('report_date', '=', date).execute();
  }

  it('parallel zero reports store one', async () => {
    const cookie = await t.login('xiuying');
    const responses = await Promise.all(Array.from({ length: 6 }, () => submit(t, cookie, zeroReport('2026-11-20'))));
    const codes = responses.map((response) => response.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409, 409, 409]);
    for (const response of responses.filter((candidate) => candidate.statusCode === 409)) {
      expect(response.json().error.code).toBe('DUPLICATE');
      expect(response.json().error.message).toMatch(/零报告（无事报平安）已于 2026-11-20 09:30 报送/);
    }
    expect(await reportsOf('秀英区司法局', '2026-11-20')).toHaveLength(1);
  });

  it('second zero report names the first', async () => {
    t.clock.set('2026-11-20T10:00:00+08:00');
    expect((await submit(t, await t.login('longhua'), zeroReport())).statusCode).toBe(201);
    t.clock.set('2026-11-20T11:00:00+08:00');
    const second = await submit(t, await t.login('longhua'), zeroReport('2026-11-20'));
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toMatch(/已于 2026-11-20 10:00 报送/);
    expect(await reportsOf('龙华区司法局', '2026-11-20')).toHaveLength(1);
  });

  it('items after zero turn the day reported', async () => {
    t.clock.set('2026-11-20T16:00:00+08:00');
    const response = await submit(t, await t.login('longhua'), itemsReport([{ ...sampleItem, title: '午后新发情况' }]));
    expect(response.statusCode).toBe(201);
    const status = (await t.request('GET', '/api/daily-reports/status?date=2026-11-20', { cookie: await t.login('officer') })).json();
    const longhua = status.units.find((unit: { unitName: string }) => unit.unitName === '龙华区司法局');
    // The earliest submission (10:00, before the deadline) decides lateness.
    expect(longhua, JSON.stringify(longhua)).toMatchObject({ status: 'reported', submittedAt: '2026-11-20T10:00:00+08:00' });
    const violations = await t.ctx.db.kysely.selectFrom('report_violations').select('id').where('unit_id', '=', await unitIdOf(t, '龙华区司法局')).where('report_date', '=', '2026-11-20').execute();
    expect(violations).toHaveLength(0);
  });

  it('items may be submitted several times', async () => {
    t.clock.set('2026-11-20T09:00:00+08:00');
    expect((await submit(t, await t.login('qiongshan'), itemsReport([{ ...sampleItem, title: '上午信息' }]))).statusCode).toBe(201);
    t.clock.set('2026-11-20T12:00:00+08:00');
    expect((await submit(t, await t.login('qiongshan'), itemsReport([{ ...sampleItem, title: '中午新情况' }]))).statusCode).toBe(201);
    const rows = await reportsOf('琼山区司法局', '2026-11-20');
    expect(rows.map((row) => row.kind)).toEqual(['items', 'items']);
  });

  it('zero after items is rejected', async () => {
    const response = await submit(t, await t.login('qiongshan'), zeroReport('2026-11-20'));
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(/已报送要情信息，不能再报平安/);
    expect(await reportsOf('琼山区司法局', '2026-11-20')).toHaveLength(2);
  });

  it('parallel zero and items keep a valid day', async () => {
    t.clock.set('2026-11-20T13:00:00+08:00');
    const cookie = await t.login('meilan');
    const responses = await Promise.all([
      submit(t, cookie, zeroReport()),
      submit(t, cookie, itemsReport([{ ...sampleItem, title: '并发报送的信息' }])),
      submit(t, cookie, zeroReport()),
    ]);
    expect(responses[1]!.statusCode).toBe(201);
    const rows = await reportsOf('美兰区司法局', '2026-11-20');
    expect(rows.filter((row) => row.kind === 'zero').length).toBeLessThanOrEqual(1);
    expect(rows.filter((row) => row.kind === 'items')).toHaveLength(1);
    const zeroAccepted = responses.filter((response, index) => index !== 1 && response.statusCode === 201);
    expect(zeroAccepted.length).toBe(rows.filter((row) => row.kind === 'zero').length);
  });

  it('lock row records the zero report', async () => {
    const unitId = await unitIdOf(t, '秀英区司法局');
    const day = await t.ctx.db.kysely.selectFrom('daily_report_days').selectAll().where('unit_id', '=', unitId).where('report_date', '=', '2026-11-20').executeTakeFirstOrThrow();
    const [zero] = await reportsOf('秀英区司法局', '2026-11-20');
    expect(day.zero_report_id).toBe(zero!.id);
    expect(day.first_submitted_at).toBe('2026-11-20T01:30:00.000Z');
  });

  it('reused key with another body is 422', async () => {
    t.clock.set('2026-11-20T14:00:00+08:00');
    const cookie = await t.login('jiedu');
    const key = freshKey();
    const body = itemsReport([{ ...sampleItem, title: '原始信息' }]);
    const first = await submit(t, cookie, body, key);
    expect(first.statusCode).toBe(201);

    const reordered = { items: [{ ...sampleItem, title: '原始信息' }], kind: 'items' };
    const retry = await submit(t, cookie, reordered, key);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().report.id).toBe(first.json().report.id);

    const changed = await submit(t, cookie, itemsReport([{ ...sampleItem, title: '改过的信息' }]), key);
    expect(changed.statusCode).toBe(422);
    expect(changed.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(changed.json().error.message).toMatch(/提交编号已于 2026-11-20T14:00:00\+08:00 用于内容不同/);

    const rows = await t.ctx.db.kysely.selectFrom('report_items').select('title').where('title', 'in', ['原始信息', '改过的信息']).execute();
    expect(rows.map((row) => row.title)).toEqual(['原始信息']);
  });

  it('parallel retries with another body get 422', async () => {
    const cookie = await t.login('fayuan');
    const key = freshKey();
    const responses = await Promise.all([
      submit(t, cookie, itemsReport([{ ...sampleItem, title: '并发甲' }]), key),
      submit(t, cookie, itemsReport([{ ...sampleItem, title: '并发乙' }]), key),
    ]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 422]);
  });

  it('report date window is enforced', async () => {
    t.clock.set('2026-11-20T14:30:00+08:00');
    const cookie = await t.login('weichengnian');
    const cases = ['1999-01-01', '2026-10-19', '2026-11-21'];
    for (const date of cases) {
      const response = await submit(t, cookie, zeroReport(date));
      expect(response.statusCode, date).toBe(400);
      expect(response.json().error.message, date).toMatch(/「报送日期」.*只能报送 2026-10-20 至 2026-11-20 之间的日期/);
    }
    expect((await submit(t, cookie, zeroReport('2026-10-20'))).statusCode).toBe(201);
    expect((await submit(t, cookie, zeroReport('2026-11-20'))).statusCode).toBe(201);
  });

  it('window follows the duty date before handover', async () => {
    // At 07:00 the duty day is still 2026-11-20, so the window starts on 2026-10-20.
    t.clock.set('2026-11-21T07:00:00+08:00');
    const cookie = await t.login('weichengnian');
    const early = await submit(t, cookie, zeroReport('2026-10-19'));
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toMatch(/2026-10-20 至 2026-11-21/);
    expect((await submit(t, cookie, zeroReport('2026-11-21'))).statusCode).toBe(201);
  });
});
