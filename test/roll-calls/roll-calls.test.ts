import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abnormalPlatforms } from '../../src/server/platform-checks/platform-checks.service.js';
import { rollCallStatus } from '../../src/server/roll-calls/roll-calls.service.js';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';

describe.each(availableDialects())('roll calls and platform checks on %s', (dialect) => {
  let t: TestApp;
  let officer: string;

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-03-10T10:00:00+08:00' });
    officer = await t.login('officer');
  });
  afterAll(async () => {
    await t.close();
  });

  it('windows only on holidays', async () => {
    const response = await t.request('GET', '/api/roll-calls/windows?from=2026-04-30&to=2026-05-06', { cookie: officer });
    expect(response.statusCode).toBe(200);
    const days = response.json().days as { date: string; dayType: string; windows: { start: string; end: string }[] }[];
    const labour = days.find((day) => day.date === '2026-05-01')!;
    expect(labour.dayType).toBe('holiday');
    expect(labour.windows.map((window) => `${window.start}/${window.end}`)).toEqual([
      '2026-05-01T09:30:00+08:00/2026-05-01T11:30:00+08:00',
      '2026-05-01T15:00:00+08:00/2026-05-01T17:00:00+08:00',
      '2026-05-01T21:00:00+08:00/2026-05-01T23:00:00+08:00',
    ]);
    expect(days.find((day) => day.date === '2026-04-30')!.windows).toEqual([]);
    expect(response.json().checklist.length).toBeGreaterThan(0);
  });

  it('status shows open and next window', async () => {
    const during = await rollCallStatus(t.ctx, t.ctx.db.kysely, new Date('2026-05-01T10:00:00+08:00'));
    expect(during.open?.start).toBe('2026-05-01T09:30:00+08:00');
    expect(during.next?.start).toBe('2026-05-01T15:00:00+08:00');
    const before = await rollCallStatus(t.ctx, t.ctx.db.kysely, new Date('2026-03-10T10:00:00+08:00'));
    expect(before.open).toBeNull();
    expect(before.next?.date).toBe('2026-04-04');
  });

  it('hall display reads the status', async () => {
    const hall = await t.login('hall');
    const response = await t.request('GET', '/api/roll-calls/status', { cookie: hall });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toHaveProperty('next');
  });

  it('answer sheet names staff after a swap', async () => {
    const swap = await t.ctx.db.kysely
      .selectFrom('roster_changes')
      .select(['date', 'from_person_name', 'to_person_name'])
      .where('kind', '=', 'swap')
      .orderBy('at')
      .executeTakeFirst();
    expect(swap).toBeDefined();
    const response = await t.request('GET', `/api/roll-calls/answer-sheet?date=${swap!.date}`, { cookie: officer });
    expect(response.statusCode).toBe(200);
    const sheet = response.json().sheet;
    const names = (sheet.officers as { name: string }[]).map((person) => person.name);
    expect(names).toContain(swap!.to_person_name);
    expect(names).not.toContain(swap!.from_person_name);
    expect(sheet.items[1].answer).toContain(`值班员是${names.join('、')}`);
    expect(sheet.items[1].answer).toContain(`指挥长是${sheet.commander.name}`);
    expect(sheet.items[1].answer).not.toContain(swap!.from_person_name);
  });

  it('answer sheet uses the rehab figures', async () => {
    const jiedu = await t.login('jiedu');
    const saved = await t.request('PUT', '/api/rehab-daily/2026-03-10', {
      cookie: jiedu,
      body: { inmateCount: 432, policeOnDuty: '应在岗40名，实到40名', activities: '上午习艺劳动，下午教育矫治', orderStatus: '秩序平稳' },
    });
    expect(saved.statusCode).toBe(200);
    const sheet = (await t.request('GET', '/api/roll-calls/answer-sheet?date=2026-03-10', { cookie: officer })).json().sheet;
    expect(sheet.items[3].answer).toContain('戒毒人员432名');
    expect(sheet.items[3].missing).toEqual([]);
    expect(sheet.items[0].question).toContain('听到请回复');
  });

  it('other liaison cannot enter rehab figures', async () => {
    const xiuying = await t.login('xiuying');
    const response = await t.request('PUT', '/api/rehab-daily/2026-03-10', {
      cookie: xiuying,
      body: { inmateCount: 1, policeOnDuty: 'x', activities: 'x', orderStatus: 'x' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('rehab figures reject a negative count', async () => {
    const jiedu = await t.login('jiedu');
    const response = await t.request('PUT', '/api/rehab-daily/2026-03-10', {
      cookie: jiedu,
      body: { inmateCount: -1, policeOnDuty: 'x', activities: 'x', orderStatus: 'x' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/戒毒人员数量/);
  });

  it('records a roll call', async () => {
    const response = await t.request('POST', '/api/roll-calls', {
      cookie: officer,
      body: {
        calledAt: '2026-03-10T09:45:00+08:00',
        caller: '省司法厅指挥中心值班长',
        answeredBy: '王晓明',
        answers: [{ question: '请报告今天值班人员在岗在位情况。', answer: '今天值班的指挥长是……报告完毕！' }],
        remarks: '信号正常',
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().rollCall).toMatchObject({ date: '2026-03-10', caller: '省司法厅指挥中心值班长' });
    const list = (await t.request('GET', '/api/roll-calls?from=2026-03-10&to=2026-03-10', { cookie: officer })).json().rollCalls;
    expect(list.some((call: { answeredBy: string }) => call.answeredBy === '王晓明')).toBe(true);
  });

  it('roll call without items is 400', async () => {
    const response = await t.request('POST', '/api/roll-calls', { cookie: officer, body: { calledAt: '2026-03-10T09:45:00+08:00', caller: '省厅', answeredBy: '王晓明', answers: [] } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/「问答记录」/);
  });

  it('settings reject a reversed window', async () => {
    const leader = await t.login('leader');
    const response = await t.request('PUT', '/api/roll-calls/settings', {
      cookie: leader,
      body: { windows: [{ start: '11:30', end: '09:30' }], dayTypes: ['holiday'], rehabUnitName: '海口市罗牛山强制隔离戒毒所', checklist: [] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/结束时间应晚于开始时间/);
  });

  it('abnormal platform stays open until restored', async () => {
    const platforms = (await t.request('GET', '/api/supervised-platforms', { cookie: officer })).json().platforms as { id: string; name: string }[];
    expect(platforms.map((platform) => platform.name)).toEqual(['戒毒所安防监控平台', '社区矫正信息化监管平台', '视频巡查系统']);
    const before = (await abnormalPlatforms(t.ctx, t.ctx.db.kysely)).length;

    const noNote = await t.request('POST', '/api/platform-checks', { cookie: officer, body: { platformId: platforms[0]!.id, status: 'abnormal' } });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.message).toMatch(/情况说明/);

    const abnormal = await t.request('POST', '/api/platform-checks', { cookie: officer, body: { platformId: platforms[0]!.id, status: 'abnormal', note: '监控画面黑屏' } });
    expect(abnormal.statusCode).toBe(201);
    const checkId = abnormal.json().check.id as string;
    expect(await abnormalPlatforms(t.ctx, t.ctx.db.kysely)).toHaveLength(before + 1);

    const hall = await t.login('hall');
    const shown = (await t.request('GET', '/api/platform-checks/abnormal', { cookie: hall })).json().checks as { id: string }[];
    expect(shown.some((check) => check.id === checkId)).toBe(true);

    const restored = await t.request('POST', `/api/platform-checks/${checkId}/restore`, { cookie: officer, body: { note: '重启后恢复' } });
    expect(restored.statusCode).toBe(200);
    expect(restored.json().check.restoredNote).toBe('重启后恢复');
    expect(await abnormalPlatforms(t.ctx, t.ctx.db.kysely)).toHaveLength(before);
    const twice = await t.request('POST', `/api/platform-checks/${checkId}/restore`, { cookie: officer, body: { note: '重复' } });
    expect(twice.statusCode).toBe(409);
  });

  it('platform check with bad status is 400', async () => {
    const response = await t.request('POST', '/api/platform-checks', { cookie: officer, body: { platformId: 'x', status: 'broken' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/状态/);
  });
});
