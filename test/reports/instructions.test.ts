import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../src/server/events/event-bus.js';
import { remindOverdueInstructions } from '../../src/server/instructions/instructions.service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { availableDialects } from '../support/databases.js';
import { unitIdOf } from './helpers.js';

// Passed down Tuesday 2026-03-10 at 10:00: feedback due that day by 23:59, then daily follow-ups.
describe.each(availableDialects())('leaders’ instructions on %s', (dialect) => {
  let t: TestApp;
  const as = (username: string) => t.login(username);
  let instructionId = '';
  let xiuyingId = '';
  let longhuaId = '';

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-03-10T10:00:00+08:00' });
    xiuyingId = await unitIdOf(t, '秀英区司法局');
    longhuaId = await unitIdOf(t, '龙华区司法局');
  });
  afterAll(async () => {
    await t.close();
  });

  it('registers and assigns units', async () => {
    const events: LiveEvent[] = [];
    const unsubscribe = t.ctx.events.subscribe((event) => events.push(event));
    const response = await t.request('POST', '/api/instructions', {
      cookie: await as('officer'),
      body: { leaderName: '市委政法委书记', issuedOn: '2026-03-10', text: '请各区司法局做好矛盾纠纷排查化解，每日报告进展。', unitIds: [xiuyingId, longhuaId] },
    });
    unsubscribe();
    expect(response.statusCode).toBe(201);
    const instruction = response.json().instruction;
    instructionId = instruction.id;
    expect(instruction.status).toBe('open');
    expect(instruction.units.map((unit: { unitName: string; dueAt: string; overdue: boolean }) => [unit.unitName, unit.dueAt, unit.overdue]).sort()).toEqual([
      ['秀英区司法局', '2026-03-10T23:59:00+08:00', false],
      ['龙华区司法局', '2026-03-10T23:59:00+08:00', false],
    ]);
    expect(events.filter((event) => event.type === 'instruction.assigned').map((event) => event.unitId).sort()).toEqual([xiuyingId, longhuaId].sort());
  });

  it('rejects bad input in Chinese', async () => {
    const cookie = await as('officer');
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ leaderName: '', issuedOn: '2026-03-10', text: '内容', unitIds: [xiuyingId] }, /批示领导/],
      [{ leaderName: '局长', issuedOn: '2026-03-11', text: '内容', unitIds: [xiuyingId] }, /晚于今天/],
      [{ leaderName: '局长', issuedOn: '2026-03-10', text: '内容', unitIds: [] }, /承办单位/],
      [{ leaderName: '局长', issuedOn: '2026-03-10', text: '内容', unitIds: ['nope'] }, /承办单位/],
      [{ leaderName: '局长', issuedOn: '2026-03-10', text: '内容', unitIds: [xiuyingId], relatedItemId: 'nope' }, /关联要情信息/],
    ];
    for (const [body, message] of cases) {
      const response = await t.request('POST', '/api/instructions', { cookie, body });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.message).toMatch(message);
    }
    const liaison = await t.request('POST', '/api/instructions', { cookie: await as('xiuying'), body: cases[0]![0] });
    expect(liaison.statusCode).toBe(403);
  });

  it('unit sees only instructions assigned to it', async () => {
    const own = await t.request('GET', `/api/instructions/${instructionId}`, { cookie: await as('xiuying') });
    expect(own.statusCode).toBe(200);
    const other = await t.request('GET', `/api/instructions/${instructionId}`, { cookie: await as('meilan') });
    expect(other.statusCode).toBe(403);
    const list = await t.request('GET', '/api/instructions', { cookie: await as('meilan') });
    expect(list.json().instructions).toEqual([]);
    const feedback = await t.request('POST', `/api/instructions/${instructionId}/feedback`, { cookie: await as('meilan'), body: { content: '无' } });
    expect(feedback.statusCode).toBe(403);
  });

  it('same-day feedback clears the day', async () => {
    t.clock.set('2026-03-10T17:00:00+08:00');
    const response = await t.request('POST', `/api/instructions/${instructionId}/feedback`, { cookie: await as('xiuying'), body: { content: '已部署排查，发现纠纷3起，均已调处。' } });
    expect(response.statusCode).toBe(201);
    const unit = response.json().instruction.units.find((candidate: { unitId: string }) => candidate.unitId === xiuyingId);
    expect(unit).toMatchObject({ dueDate: null, overdue: false, lastFeedbackAt: '2026-03-10T17:00:00+08:00' });
  });

  it('overdue feedback is highlighted and reminded once', async () => {
    t.clock.set('2026-03-11T08:00:00+08:00');
    const instruction = (await t.request('GET', `/api/instructions/${instructionId}`, { cookie: await as('officer') })).json().instruction;
    expect(instruction.overdue).toBe(true);
    const longhua = instruction.units.find((unit: { unitId: string }) => unit.unitId === longhuaId);
    expect(longhua).toMatchObject({ dueDate: '2026-03-10', overdue: true, missedDates: ['2026-03-10'] });
    const xiuying = instruction.units.find((unit: { unitId: string }) => unit.unitId === xiuyingId);
    expect(xiuying).toMatchObject({ dueDate: '2026-03-11', overdue: false });

    const events: LiveEvent[] = [];
    const unsubscribe = t.ctx.events.subscribe((event) => events.push(event));
    // Two instances running the job at the same moment send one reminder.
    const counts = await Promise.all([remindOverdueInstructions(t.ctx), remindOverdueInstructions(t.ctx)]);
    const again = await remindOverdueInstructions(t.ctx);
    unsubscribe();
    // The demo data contains another open instruction with an overdue unit, so count only this one's reminders.
    expect(counts[0]! + counts[1]!).toBeGreaterThanOrEqual(1);
    expect(again).toBe(0);
    const claimed = await t.ctx.db.kysely.selectFrom('instruction_reminders').select(['unit_id', 'claimed_at']).where('instruction_id', '=', instructionId).execute();
    expect(claimed).toHaveLength(1);
    expect(claimed[0]!.claimed_at).not.toBeNull();
    const overdue = events.filter((event) => event.type === 'instruction.overdue' && (event.data as { instructionId: string }).instructionId === instructionId);
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.unitId).toBe(longhuaId);
  });

  it('center closes and feedback stops', async () => {
    const liaisonClose = await t.request('POST', `/api/instructions/${instructionId}/close`, { cookie: await as('xiuying') });
    expect(liaisonClose.statusCode).toBe(403);
    const closed = await t.request('POST', `/api/instructions/${instructionId}/close`, { cookie: await as('leader') });
    expect(closed.json().instruction).toMatchObject({ status: 'closed', closedBy: '黄志强' });
    const late = await t.request('POST', `/api/instructions/${instructionId}/feedback`, { cookie: await as('longhua'), body: { content: '补充反馈' } });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/已办结/);
    const open = await t.request('GET', '/api/instructions?status=open', { cookie: await as('officer') });
    expect(open.json().instructions.some((instruction: { id: string }) => instruction.id === instructionId)).toBe(false);
  });
});
