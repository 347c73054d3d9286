import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../src/server/events/event-bus.js';
import { remindOverdueProblems } from '../../src/server/patrols/problems.service.js';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';

const PDF = Buffer.from('%PDF-1.4\n% signed rectification report\n%%EOF\n');

describe.each(availableDialects())('patrols and rectification on %s', (dialect) => {
  let t: TestApp;
  let officer: string;
  let events: LiveEvent[];
  let xiuyingSiteId: string;
  let xiuyingUnitId: string;
  let problemId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-03-10T10:00:00+08:00' });
    officer = await t.login('officer');
    events = [];
    t.ctx.events.subscribe((event) => events.push(event));
    const sites = (await t.request('GET', '/api/patrol-sites', { cookie: officer })).json().sites as { id: string; name: string; unitId: string }[];
    const site = sites.find((candidate) => candidate.name === '秀英区司法局指挥室')!;
    xiuyingSiteId = site.id;
    xiuyingUnitId = site.unitId;
  });
  afterAll(async () => {
    await t.close();
  });

  async function upload(cookie: string): Promise<string> {
    const boundary = '----zhibanTestBoundary';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="report.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      PDF,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const response = await t.app.inject({ method: 'POST', url: '/api/attachments', headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    expect(response.statusCode).toBe(201);
    return response.json().attachment.id as string;
  }

  it('site CRUD by the shift leader', async () => {
    const leader = await t.login('leader');
    const created = await t.request('POST', '/api/patrol-sites', { cookie: leader, body: { name: '测试点位大门', unitId: xiuyingUnitId, kind: 'gate', checkMethod: 'video' } });
    expect(created.statusCode).toBe(201);
    expect(created.json().site).toMatchObject({ name: '测试点位大门', unitName: '秀英区司法局', active: true });
    const duplicate = await t.request('POST', '/api/patrol-sites', { cookie: leader, body: { name: '测试点位大门', unitId: xiuyingUnitId, kind: 'gate', checkMethod: 'video' } });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.message).toMatch(/已存在/);
    const disabled = await t.request('PATCH', `/api/patrol-sites/${created.json().site.id}`, { cookie: leader, body: { active: false } });
    expect(disabled.json().site.active).toBe(false);
  });

  it('site with bad kind is 400 in Chinese', async () => {
    const leader = await t.login('leader');
    const response = await t.request('POST', '/api/patrol-sites', { cookie: leader, body: { name: '错误点位', unitId: xiuyingUnitId, kind: 'tower', checkMethod: 'video' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/类型」取值无效/);
  });

  it('officer cannot edit sites', async () => {
    const response = await t.request('POST', '/api/patrol-sites', { cookie: officer, body: { name: '越权点位', unitId: xiuyingUnitId, kind: 'gate', checkMethod: 'video' } });
    expect(response.statusCode).toBe(403);
  });

  it('patrol with a finding creates a problem', async () => {
    events.length = 0;
    const screenshot = await upload(officer);
    const response = await t.request('POST', '/api/patrols', {
      cookie: officer,
      body: {
        patrolledAt: '2026-03-10T09:40:00+08:00',
        patrollerRole: 'officer',
        method: 'video',
        summary: '例行巡查',
        items: [
          { siteId: xiuyingSiteId, observation: '值班席位无人', attachmentIds: [screenshot], problem: { kind: 'off_post', description: '值班人员脱岗约10分钟' } },
        ],
      },
    });
    expect(response.statusCode).toBe(201);
    const patrol = response.json().patrol;
    expect(patrol.patrollerName).toBe('王晓明');
    expect(patrol.items[0]).toMatchObject({ position: 1, hasProblem: true, attachmentIds: [screenshot] });
    expect(patrol.problemIds).toHaveLength(1);
    problemId = patrol.problemIds[0];
    const notified = events.find((event) => event.type === 'patrol.problem_created');
    expect(notified?.unitId).toBe(xiuyingUnitId);
  });

  it('patrol without items is 400', async () => {
    const response = await t.request('POST', '/api/patrols', { cookie: officer, body: { patrolledAt: '2026-03-10T09:40:00+08:00', patrollerRole: 'officer', method: 'video', items: [] } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/巡查点位/);
  });

  it('patrol with unknown site is 404', async () => {
    const response = await t.request('POST', '/api/patrols', {
      cookie: officer,
      body: { patrolledAt: '2026-03-10T09:40:00+08:00', patrollerRole: 'seat_police', method: 'video', items: [{ siteId: 'missing', observation: '正常' }] },
    });
    expect(response.statusCode).toBe(404);
  });

  it('problem cannot close without the signed report', async () => {
    const response = await t.request('POST', `/api/patrol-problems/${problemId}/close`, { cookie: officer, body: { note: '已整改' } });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(/签字的书面整改报告/);
  });

  it('other unit liaison cannot see it', async () => {
    const longhua = await t.login('longhua');
    expect((await t.request('GET', `/api/patrol-problems/${problemId}`, { cookie: longhua })).statusCode).toBe(403);
    const list = (await t.request('GET', '/api/patrol-problems', { cookie: longhua })).json().problems as { unitName: string }[];
    expect(list.every((problem) => problem.unitName === '龙华区司法局')).toBe(true);
  });

  it('report without head confirmation is 400', async () => {
    const xiuying = await t.login('xiuying');
    const scan = await upload(xiuying);
    const response = await t.request('POST', `/api/patrol-problems/${problemId}/rectification`, {
      cookie: xiuying,
      body: { reportText: '已整改', reportAttachmentIds: [scan], headName: '张局长', headConfirmed: false },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/负责同志/);
  });

  it('report without scan is 400', async () => {
    const xiuying = await t.login('xiuying');
    const response = await t.request('POST', `/api/patrol-problems/${problemId}/rectification`, {
      cookie: xiuying,
      body: { reportText: '已整改', reportAttachmentIds: [], headName: '张局长', headConfirmed: true },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/整改报告扫描件/);
  });

  it('unit returns, center sends back, then closes', async () => {
    const xiuying = await t.login('xiuying');
    const list = (await t.request('GET', '/api/patrol-problems', { cookie: xiuying })).json().problems as { id: string; unitId: string }[];
    expect(list.some((problem) => problem.id === problemId)).toBe(true);
    expect(list.every((problem) => problem.unitId === xiuyingUnitId)).toBe(true);

    const first = await t.request('POST', `/api/patrol-problems/${problemId}/rectification`, {
      cookie: xiuying,
      body: { reportText: '已批评教育', reportAttachmentIds: [await upload(xiuying)], headName: '张局长', headConfirmed: true },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().problem).toMatchObject({ status: 'submitted', report: { headName: '张局长', headConfirmed: true } });

    const again = await t.request('POST', `/api/patrol-problems/${problemId}/rectification`, {
      cookie: xiuying,
      body: { reportAttachmentIds: [await upload(xiuying)], headName: '张局长', headConfirmed: true },
    });
    expect(again.statusCode).toBe(409);

    const returned = await t.request('POST', `/api/patrol-problems/${problemId}/return`, { cookie: officer, body: { reason: '未写明责任追究' } });
    expect(returned.json().problem).toMatchObject({ status: 'returned', returnedCount: 1 });
    expect((await t.request('POST', `/api/patrol-problems/${problemId}/close`, { cookie: officer, body: {} })).statusCode).toBe(409);

    await t.request('POST', `/api/patrol-problems/${problemId}/rectification`, {
      cookie: xiuying,
      body: { reportText: '已补充责任追究情况', reportAttachmentIds: [await upload(xiuying)], headName: '张局长', headConfirmed: true },
    });
    const closed = await t.request('POST', `/api/patrol-problems/${problemId}/close`, { cookie: officer, body: { note: '复查到位' } });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().problem).toMatchObject({ status: 'closed', verifiedByName: '王晓明', verifyNote: '复查到位' });
  });

  it('liaison cannot close a problem', async () => {
    const xiuying = await t.login('xiuying');
    expect((await t.request('POST', `/api/patrol-problems/${problemId}/close`, { cookie: xiuying, body: {} })).statusCode).toBe(403);
  });

  it('overdue problem is reminded once', async () => {
    const created = await t.request('POST', '/api/patrol-problems', {
      cookie: officer,
      body: { siteId: xiuyingSiteId, kind: 'equipment', description: '视频终端离线', foundAt: '2026-03-10T09:50:00+08:00' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().problem.deadline).toBe('2026-03-13T09:50:00+08:00');
    const id = created.json().problem.id as string;

    t.clock.set('2026-03-14T10:00:00+08:00');
    events.length = 0;
    await Promise.all([remindOverdueProblems(t.ctx), remindOverdueProblems(t.ctx)]);
    await remindOverdueProblems(t.ctx);
    const reminders = events.filter((event) => event.type === 'patrol.problem_overdue' && (event.data as { problemId: string }).problemId === id);
    expect(reminders).toHaveLength(1);

    const hall = await t.login('hall');
    const open = await t.request('GET', '/api/patrol-problems/open', { cookie: hall });
    expect(open.statusCode).toBe(200);
    const found = (open.json().problems as { id: string; overdue: boolean }[]).find((problem) => problem.id === id);
    expect(found?.overdue).toBe(true);
    expect(open.json().overdue).toBeGreaterThanOrEqual(1);
  });

  it('problem with future time is 400', async () => {
    officer = await t.login('officer');
    const response = await t.request('POST', '/api/patrol-problems', {
      cookie: officer,
      body: { siteId: xiuyingSiteId, kind: 'hazard', description: '隐患', foundAt: '2026-04-01T09:50:00+08:00' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/发现时间/);
  });

  it('problem with unknown kind is 400', async () => {
    const response = await t.request('POST', '/api/patrol-problems', {
      cookie: officer,
      body: { siteId: xiuyingSiteId, kind: 'fire', description: '隐患', foundAt: '2026-03-14T09:50:00+08:00' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/类型」取值无效/);
  });

  it('monthly analysis counts the month', async () => {
    const response = await t.request('GET', '/api/patrols/analysis?month=2026-03', { cookie: officer });
    expect(response.statusCode).toBe(200);
    const analysis = response.json().analysis;
    expect(analysis.problems).toBeGreaterThanOrEqual(2);
    expect(analysis.byUnit.find((row: { label: string }) => row.label === '秀英区司法局').count).toBeGreaterThanOrEqual(2);
    expect(analysis.byKind.map((row: { label: string }) => row.label)).toEqual(['脱岗', '睡岗', '设备故障', '着装仪容不规范', '安全隐患', '其他']);
    expect(analysis.byWeek).toHaveLength(5);
    expect(analysis.rectification.reported).toBeGreaterThanOrEqual(1);
  });

  it('monthly analysis exports Word', async () => {
    const response = await t.request('GET', '/api/patrols/analysis/export?month=2026-03', { cookie: officer });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('analysis with bad month is 400', async () => {
    const response = await t.request('GET', '/api/patrols/analysis?month=2026-13', { cookie: officer });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/月份/);
  });

  it('rectification deadline is configurable', async () => {
    const leader = await t.login('leader');
    const saved = await t.request('PUT', '/api/patrol-problems/settings', { cookie: leader, body: { rectificationDays: 5 } });
    expect(saved.statusCode).toBe(200);
    const created = await t.request('POST', '/api/patrol-problems', {
      cookie: officer,
      body: { unitId: xiuyingUnitId, kind: 'other', description: '值班记录不全', foundAt: '2026-03-14T09:00:00+08:00' },
    });
    expect(created.json().problem.deadline).toBe('2026-03-19T09:00:00+08:00');
    const bad = await t.request('PUT', '/api/patrol-problems/settings', { cookie: leader, body: { rectificationDays: 0 } });
    expect(bad.statusCode).toBe(400);
  });
});
