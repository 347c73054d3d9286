import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../src/server/events/event-bus.js';
import { sendIncidentReminders } from '../../src/server/incidents/incident-reminders.js';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';

describe.each(availableDialects())('incident routes on %s', (dialect) => {
  let t: TestApp;
  let officer: string;
  let units: Map<string, string>;
  const events: LiveEvent[] = [];

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-03-10T23:50:00+08:00' });
    officer = await t.login('officer');
    const response = await t.request('GET', '/api/units', { cookie: officer });
    units = new Map((response.json().units as { id: string; name: string }[]).map((unit) => [unit.name, unit.id]));
    t.ctx.events.subscribe((event) => events.push(event));
  });
  afterAll(async () => {
    await t.close();
  });

  function body(overrides: Record<string, unknown> = {}) {
    return {
      title: '社区矫正对象脱管',
      unitId: units.get('秀英区司法局'),
      grade: 'general',
      occurredAt: '2026-03-10T22:30:00+08:00',
      discoveredAt: '2026-03-10T23:40:00+08:00',
      receivedAt: '2026-03-10T23:45:00+08:00',
      channel: 'phone',
      ...overrides,
    };
  }

  it('deadline two hours after discovery, same duty day', async () => {
    const response = await t.request('POST', '/api/incidents', { cookie: officer, body: body() });
    expect(response.statusCode).toBe(201);
    const incident = response.json();
    expect(incident.reportDeadline).toBe('2026-03-11T01:40:00+08:00');
    expect(incident.reportedLate).toBe(false);
    expect(incident.dutyDate).toBe('2026-03-10');
    expect(incident.status).toBe('received');
    expect(incident.missingElements).toEqual(['地点', '基本情况', '伤亡和损失情况', '已采取的措施', '报告人及联系方式']);
    expect(incident.needsWrittenSupplement).toBe(true);
    expect(incident.writtenReportAt).toBeNull();
    expect(typeof incident.id).toBe('string');
  });

  it('especially major is due one hour after discovery', async () => {
    const response = await t.request('POST', '/api/incidents', {
      cookie: officer,
      body: body({ grade: 'especially_major', occurredAt: '2026-03-10T22:40:00+08:00', discoveredAt: '2026-03-10T22:45:00+08:00', receivedAt: '2026-03-10T23:00:00+08:00' }),
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().reportDeadline).toBe('2026-03-10T23:45:00+08:00');
    expect(response.json().missingElements).toContain('现场指挥员及联系方式');
    expect(response.json().missingElements).toContain('网上舆情');
  });

  it('report after the deadline is late with its delay', async () => {
    events.length = 0;
    const response = await t.request('POST', '/api/incidents', {
      cookie: officer,
      body: body({ occurredAt: '2026-03-10T20:00:00+08:00', discoveredAt: '2026-03-10T21:00:00+08:00', receivedAt: '2026-03-10T23:25:30+08:00', channel: 'written' }),
    });
    expect(response.statusCode).toBe(201);
    const incident = response.json();
    expect(incident.reportDeadline).toBe('2026-03-10T23:00:00+08:00');
    expect(incident.reportedLate).toBe(true);
    expect(incident.delayMinutes).toBe(26);
    expect(incident.lateLabel).toBe('迟报26分钟');
    expect(events.map((event) => event.type)).toEqual(['incident.created', 'incident.reported_late']);
    expect(events[1]!.title).toContain('迟报26分钟');
  });

  it('complete written report counts as the written first report', async () => {
    const response = await t.request('POST', '/api/incidents', {
      cookie: officer,
      body: body({
        channel: 'written',
        place: '秀英区长流镇',
        facts: '矫正对象失联',
        casualties: '无',
        measures: '已组织查找',
        reporterName: '陈小红',
        reporterContact: '13800000001',
      }),
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().missingElements).toEqual([]);
    expect(response.json().writtenReportAt).toBe('2026-03-10T23:45:00+08:00');
    expect(response.json().reporterContact).toBe('13800000001');
  });

  it('bad input gets Chinese 4xx messages', async () => {
    const cases: { patch: Record<string, unknown>; status: number; message: RegExp }[] = [
      { patch: { grade: 'huge' }, status: 400, message: /事件等级/ },
      { patch: { discoveredAt: '2026-03-10T22:00:00+08:00' }, status: 400, message: /「发现时间」早于「发生时间」/ },
      { patch: { receivedAt: '2026-03-10T23:30:00+08:00' }, status: 400, message: /「接报时间」早于「发现时间」/ },
      { patch: { receivedAt: '2026-03-11T09:00:00+08:00' }, status: 400, message: /晚于当前时间/ },
      { patch: { occurredAt: 'yesterday' }, status: 400, message: /发生时间/ },
      { patch: { title: '' }, status: 400, message: /「标题」/ },
      { patch: { channel: 'fax' }, status: 400, message: /报送方式/ },
      { patch: { facts: '机密★1年 矫正对象名单' }, status: 422, message: /「基本情况」含有密级标识/ },
      { patch: { unitId: 'no-such-unit' }, status: 400, message: /单位/ },
      { patch: { attachmentIds: ['missing-file'] }, status: 400, message: /附件/ },
      { patch: { reporterContact: 'call me' }, status: 400, message: /报告人联系方式/ },
    ];
    for (const testCase of cases) {
      const response = await t.request('POST', '/api/incidents', { cookie: officer, body: body(testCase.patch) });
      expect(response.statusCode, JSON.stringify(testCase.patch)).toBe(testCase.status);
      expect(response.json().error.message, JSON.stringify(testCase.patch)).toMatch(testCase.message);
    }
    const missing = await t.request('POST', '/api/incidents', { cookie: officer, body: { title: '只有标题' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toMatch(/单位|事件等级/);
  });

  it('unit liaison reports only for the own unit', async () => {
    const xiuying = await t.login('xiuying');
    const own = await t.request('POST', '/api/incidents', { cookie: xiuying, body: body() });
    expect(own.statusCode).toBe(201);
    const other = await t.request('POST', '/api/incidents', { cookie: xiuying, body: body({ unitId: units.get('龙华区司法局') }) });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toMatch(/本单位/);

    const longhua = await t.login('longhua');
    const foreign = await t.request('GET', `/api/incidents/${own.json().id}`, { cookie: longhua });
    expect(foreign.statusCode).toBe(403);
    const list = await t.request('GET', '/api/incidents', { cookie: longhua });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([]);
  });

  it('hall display and auditor cannot record incidents', async () => {
    for (const username of ['hall', 'auditor']) {
      const cookie = await t.login(username);
      const response = await t.request('POST', '/api/incidents', { cookie, body: body() });
      expect(response.statusCode, username).toBe(403);
    }
  });

  it('written report waits for every required element', async () => {
    const created = (await t.request('POST', '/api/incidents', { cookie: officer, body: body() })).json();
    const early = await t.request('POST', `/api/incidents/${created.id}/reports`, { cookie: officer, body: { kind: 'written', content: '书面补报' } });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/尚缺：地点、基本情况/);

    const patched = await t.request('PATCH', `/api/incidents/${created.id}`, {
      cookie: officer,
      body: { place: '秀英区', facts: '失联', casualties: '无', measures: '查找中', reporterName: '陈小红', reporterContact: '13800000001' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().missingElements).toEqual([]);
    expect(patched.json().writtenReportAt).toBeNull();

    const written = await t.request('POST', `/api/incidents/${created.id}/reports`, { cookie: officer, body: { kind: 'written', content: '书面补报全文' } });
    expect(written.statusCode).toBe(201);
    expect(written.json().writtenReportAt).toBe('2026-03-10T23:50:00+08:00');
  });

  it('follow-ups are numbered and the final report closes reporting', async () => {
    const created = (await t.request('POST', '/api/incidents', { cookie: officer, body: body() })).json();
    const url = `/api/incidents/${created.id}/reports`;
    expect((await t.request('POST', url, { cookie: officer, body: { kind: 'follow_up', content: '已找到' } })).statusCode).toBe(201);
    expect((await t.request('POST', url, { cookie: officer, body: { kind: 'follow_up', content: '已收监' } })).statusCode).toBe(201);
    const verified = await t.request('POST', url, { cookie: officer, body: { kind: 'verification', content: '核实无误' } });
    expect(verified.json().verifiedAt).toBe('2026-03-10T23:50:00+08:00');
    expect((await t.request('POST', url, { cookie: officer, body: { kind: 'final', content: '处置完毕' } })).statusCode).toBe(201);
    const after = await t.request('POST', url, { cookie: officer, body: { kind: 'follow_up', content: '迟到的续报' } });
    expect(after.statusCode).toBe(409);
    expect(after.json().error.message).toMatch(/终报/);

    const detail = (await t.request('GET', `/api/incidents/${created.id}`, { cookie: officer })).json();
    expect(detail.reports.map((report: { label: string }) => report.label)).toEqual(['续报一', '续报二', '核报', '终报']);
  });

  it('workflow runs from intake to archive with who and when', async () => {
    const commander = await t.login('commander');
    const leader = await t.login('leader');
    const created = (await t.request('POST', '/api/incidents', { cookie: officer, body: body({ grade: 'major' }) })).json();
    const step = (cookie: string, payload: Record<string, unknown>) => t.request('POST', `/api/incidents/${created.id}/steps`, { cookie, body: payload });

    const wrongOrder = await step(officer, { step: 'start_tracking' });
    expect(wrongOrder.statusCode).toBe(409);
    expect(wrongOrder.json().error.message).toMatch(/接报/);

    expect((await step(officer, { step: 'report' })).statusCode).toBe(201);
    const officerCannotCommand = await step(officer, { step: 'start_handling' });
    expect(officerCannotCommand.statusCode).toBe(403);
    expect((await step(commander, { step: 'report_bureau_head', note: '已报告林国栋局长' })).statusCode).toBe(201);
    expect((await step(commander, { step: 'start_handling' })).statusCode).toBe(201);
    const noNote = await step(officer, { step: 'notify_departments' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.message).toMatch(/通知的部门/);
    expect((await step(officer, { step: 'notify_departments', note: '社区矫正管理局' })).statusCode).toBe(201);
    expect((await step(leader, { step: 'first_measures', note: '要求秀英区组织查找' })).statusCode).toBe(201);
    expect((await step(officer, { step: 'av_link' })).statusCode).toBe(201);

    const order = await t.request('POST', `/api/incidents/${created.id}/orders`, { cookie: leader, body: { content: '两小时内反馈查找情况', assignee: '秀英区司法局' } });
    expect(order.statusCode).toBe(201);
    const orderId = order.json().orders[0].id;
    const done = await t.request('POST', `/api/incidents/${created.id}/orders/${orderId}/done`, { cookie: officer, body: { result: '已反馈' } });
    expect(done.statusCode).toBe(200);
    expect(done.json().orders[0].status).toBe('done');

    expect((await step(commander, { step: 'leader_instruction', note: '要求妥善处置' })).statusCode).toBe(201);
    expect((await step(officer, { step: 'start_tracking' })).statusCode).toBe(201);
    const noSummary = await step(officer, { step: 'summarize' });
    expect(noSummary.statusCode).toBe(400);
    expect((await step(officer, { step: 'summarize', summary: { process: '过程', handling: '处置', lessons: '经验' } })).statusCode).toBe(201);
    const noFinal = await step(leader, { step: 'archive' });
    expect(noFinal.statusCode).toBe(409);
    expect(noFinal.json().error.message).toMatch(/终报/);
    await t.request('POST', `/api/incidents/${created.id}/reports`, { cookie: officer, body: { kind: 'final', content: '终报' } });
    const archived = await step(leader, { step: 'archive' });
    expect(archived.statusCode).toBe(201);
    expect(archived.json().incident.status).toBe('archived');
    const labels = archived.json().timeline.map((entry: { label: string }) => entry.label);
    expect(labels[0]).toBe('接报登记');
    expect(labels).toContain('值班员向值班长、值班指挥长报告');
    expect(labels).toContain('下达指令');
    expect(labels).toContain('指令落实完毕');
    expect(labels.at(-1)).toBe('归档');
    expect(archived.json().timeline.every((entry: { actorName: string | null; at: string }) => entry.actorName && entry.at.endsWith('+08:00'))).toBe(true);

    const open = await t.request('GET', '/api/incidents?scope=open', { cookie: officer });
    expect(open.json().items.some((item: { id: string }) => item.id === created.id)).toBe(false);
  });

  it('commander activates the seats for an incident', async () => {
    const commander = await t.login('commander');
    const created = (await t.request('POST', '/api/incidents', { cookie: officer, body: body({ grade: 'especially_major' }) })).json();
    const denied = await t.request('POST', `/api/incidents/${created.id}/activate-seats`, { cookie: officer, body: { reason: '特别重大事件' } });
    expect(denied.statusCode).toBe(403);
    const activated = await t.request('POST', `/api/incidents/${created.id}/activate-seats`, { cookie: commander, body: { reason: '特别重大事件' } });
    expect(activated.statusCode).toBe(200);
    const detail = (await t.request('GET', `/api/incidents/${created.id}`, { cookie: commander })).json();
    expect(detail.timeline.map((entry: { label: string }) => entry.label)).toContain('启动联合坐席');
    const activation = await t.ctx.db.kysely.selectFrom('seat_activations').select(['incident_id', 'ended_at']).where('incident_id', '=', created.id).executeTakeFirst();
    expect(activation).toEqual({ incident_id: created.id, ended_at: null });

    const reported = await t.request('POST', `/api/incidents/${created.id}/steps`, { cookie: officer, body: { step: 'report' } });
    expect(reported.statusCode).toBe(201);
    const badLink = await t.request('POST', `/api/incidents/${created.id}/steps`, { cookie: commander, body: { step: 'leader_instruction', note: '全力处置', instructionId: 'no-such-instruction' } });
    expect(badLink.statusCode).toBe(400);
    expect(badLink.json().error.message).toMatch(/领导批示/);
  });

  it('exports the handling record as Word', async () => {
    const created = (await t.request('POST', '/api/incidents', { cookie: officer, body: body({ facts: '矫正对象失联' }) })).json();
    const response = await t.app.inject({ method: 'GET', url: `/api/incidents/${created.id}/export.docx`, headers: { cookie: officer } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('early sign rolls follow-up deadlines', async () => {
    const created = (await t.request('POST', '/api/incidents', { cookie: officer, body: body({ title: '苗头性信息测试', earlySign: true }) })).json();
    expect(created.earlySign).toBe(true);
    const rolling = created.deadlines.find((deadline: { kind: string }) => deadline.kind === 'follow_up');
    expect(rolling).toEqual({ kind: 'follow_up', label: '滚动续报一', due: '2026-03-11T23:45:00+08:00', doneAt: null });
    expect(created.deadlines.find((deadline: { kind: string }) => deadline.kind === 'verification').label).toBe('核报初步核查结论');

    const followed = (await t.request('POST', `/api/incidents/${created.id}/reports`, { cookie: officer, body: { kind: 'follow_up', content: '动态：已稳控' } })).json();
    expect(followed.followUpCount).toBe(1);
    expect(followed.deadlines.find((deadline: { kind: string }) => deadline.kind === 'follow_up')).toMatchObject({ label: '滚动续报二', due: '2026-03-11T23:50:00+08:00' });

    events.length = 0;
    t.clock.set('2026-03-11T23:51:00+08:00');
    await sendIncidentReminders(t.ctx);
    const passed = events.filter((event) => event.type === 'incident.deadline_passed' && (event.data as { incidentId: string }).incidentId === created.id);
    expect(passed.map((event) => event.title)).toEqual(expect.arrayContaining([expect.stringContaining('滚动续报二已超时')]));

    // A day later the session has timed out, so sign in again.
    const later = await t.login('officer');
    const finished = await t.request('POST', `/api/incidents/${created.id}/reports`, { cookie: later, body: { kind: 'final', content: '经核查未发生' } });
    t.clock.set('2026-03-10T23:50:00+08:00');
    expect(finished.statusCode).toBe(201);
    expect(finished.json().deadlines.some((deadline: { kind: string }) => deadline.kind === 'follow_up')).toBe(false);
  });

  it('reminders fire once per deadline stage', async () => {
    const created = (await t.request('POST', '/api/incidents', {
      cookie: officer,
      body: body({ title: '提醒测试', discoveredAt: '2026-03-10T23:40:00+08:00', receivedAt: '2026-03-10T23:45:00+08:00' }),
    })).json();
    events.length = 0;
    // The phone report's written supplement is due 2 h after the call: 01:45.
    t.clock.set('2026-03-11T01:35:00+08:00');
    await sendIncidentReminders(t.ctx);
    await sendIncidentReminders(t.ctx);
    const soon = events.filter((event) => (event.data as { incidentId?: string }).incidentId === created.id);
    expect(soon.map((event) => event.type)).toEqual(['incident.deadline_soon']);
    expect(soon[0]!.title).toContain('书面补报将于01:45到期');
    expect(soon[0]!.title).toContain('尚缺要素：地点');

    t.clock.set('2026-03-11T01:46:00+08:00');
    await Promise.all([sendIncidentReminders(t.ctx), sendIncidentReminders(t.ctx)]);
    const passed = events.filter((event) => (event.data as { incidentId?: string }).incidentId === created.id && event.type === 'incident.deadline_passed');
    expect(passed).toHaveLength(1);
    t.clock.set('2026-03-10T23:50:00+08:00');
  });
});
