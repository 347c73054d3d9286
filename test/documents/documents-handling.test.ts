import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../src/server/events/event-bus.js';
import { pendingSignatures, sendDueReminders } from '../../src/server/documents/documents.reminders.js';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { register, unitIdByName } from './helpers.js';

describe.each(availableDialects())('document handling on %s', (dialect) => {
  let t: TestApp;
  let officer: string;
  let xiuyingId: string;
  let longhuaId: string;
  const events: LiveEvent[] = [];

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-03-10T10:00:00+08:00' });
    officer = await t.login('officer');
    xiuyingId = await unitIdByName(t, '秀英区司法局');
    longhuaId = await unitIdByName(t, '龙华区司法局');
    t.ctx.events.subscribe((event) => events.push(event));
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs the life of a document from registration to archive', async () => {
    const document = await register(t, officer, { referenceNumber: '办理〔2026〕1号', urgency: 'extra_urgent' });

    const reported = await t.request('POST', `/api/documents/${document.id}/report`, { cookie: officer, body: { reportedToName: '黄志强' } });
    expect(reported.statusCode).toBe(200);
    expect(reported.json().document.status).toBe('reported');
    expect(reported.json().document.reportedToName).toBe('黄志强');

    const leader = await t.login('leader');
    const opinion = await t.request('POST', `/api/documents/${document.id}/opinions`, { cookie: leader, body: { kind: 'proposal', text: '请秀英区、龙华区司法局阅办。' } });
    expect(opinion.statusCode).toBe(200);
    const juzhang = await t.login('juzhang');
    const instruction = await t.request('POST', `/api/documents/${document.id}/opinions`, { cookie: juzhang, body: { kind: 'instruction', text: '同意，抓好落实。' } });
    expect(instruction.statusCode).toBe(200);

    const transferred = await t.request('POST', `/api/documents/${document.id}/transfers`, { cookie: officer, body: { unitIds: [xiuyingId, longhuaId], note: '请当日签收' } });
    expect(transferred.statusCode).toBe(200);
    const transfers = transferred.json().document.transfers as { id: string; unitId: string; notifiedAt: string; nextReminderAt: string }[];
    expect(transfers).toHaveLength(2);
    expect(transferred.json().document.status).toBe('awaiting_signature');
    expect(transfers[0]!.notifiedAt).toBe('2026-03-10T10:00:00+08:00');
    // 特急: every 30 minutes by default.
    expect(transfers[0]!.nextReminderAt).toBe('2026-03-10T10:30:00+08:00');
    expect(events.some((event) => event.type === 'document.transferred' && event.unitId === xiuyingId && event.urgent === true)).toBe(true);

    const blocked = await t.request('POST', `/api/documents/${document.id}/archive`, { cookie: officer, body: {} });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.message).toContain('未签收');

    const xiuyingTransfer = transfers.find((transfer) => transfer.unitId === xiuyingId)!;
    const longhuaTransfer = transfers.find((transfer) => transfer.unitId === longhuaId)!;
    const longhua = await t.login('longhua');
    const wrongUnit = await t.request('POST', `/api/documents/${document.id}/transfers/${xiuyingTransfer.id}/sign`, { cookie: longhua });
    expect(wrongUnit.statusCode).toBe(403);
    expect(wrongUnit.json().error.message).toContain('秀英区司法局');
    const officerCannotSign = await t.request('POST', `/api/documents/${document.id}/transfers/${xiuyingTransfer.id}/sign`, { cookie: officer });
    expect(officerCannotSign.statusCode).toBe(403);

    const xiuying = await t.login('xiuying');
    const signed = await t.request('POST', `/api/documents/${document.id}/transfers/${xiuyingTransfer.id}/sign`, { cookie: xiuying });
    expect(signed.statusCode).toBe(200);
    const signedTransfer = signed.json().document.transfers.find((transfer: { id: string }) => transfer.id === xiuyingTransfer.id);
    expect(signedTransfer.signedByName).toBe('陈小红');
    expect(signedTransfer.signedAt).toBe('2026-03-10T10:00:00+08:00');
    expect(signed.json().document.status).toBe('awaiting_signature');
    const twice = await t.request('POST', `/api/documents/${document.id}/transfers/${xiuyingTransfer.id}/sign`, { cookie: xiuying });
    expect(twice.statusCode).toBe(409);

    const longhuaSigned = await t.request('POST', `/api/documents/${document.id}/transfers/${longhuaTransfer.id}/sign`, { cookie: longhua });
    expect(longhuaSigned.statusCode).toBe(200);
    expect(longhuaSigned.json().document.status).toBe('signed');

    const archived = await t.request('POST', `/api/documents/${document.id}/archive`, { cookie: officer, body: { note: '转办公室保密员存档' } });
    expect(archived.statusCode).toBe(200);
    const final = archived.json().document;
    expect(final.status).toBe('archived');
    expect(final.closedByName).toBe('王晓明');
    expect(final.closedAt).toBe('2026-03-10T10:00:00+08:00');
    expect(final.events.map((event: { kind: string }) => event.kind)).toEqual([
      'registered', 'reported', 'opinion', 'opinion', 'transferred', 'transferred', 'signed', 'signed', 'archived',
    ]);
    expect(final.events[3].opinionKind).toBe('instruction');
    expect(final.events[3].actorName).toBe('林国栋');

    const again = await t.request('POST', `/api/documents/${document.id}/destroy`, { cookie: officer, body: {} });
    expect(again.statusCode).toBe(409);
    const afterClose = await t.request('POST', `/api/documents/${document.id}/transfers`, { cookie: officer, body: { unitIds: [xiuyingId] } });
    expect(afterClose.statusCode).toBe(409);

    const audit = await t.ctx.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', document.id).execute();
    expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(['document.register', 'document.report', 'document.opinion', 'document.transfer', 'document.sign', 'document.archive']));
  });

  it('destroys a document without transfers', async () => {
    const document = await register(t, officer, { referenceNumber: '销毁〔2026〕1号' });
    const destroyed = await t.request('POST', `/api/documents/${document.id}/destroy`, { cookie: officer, body: { note: '统一存放保密袋销毁' } });
    expect(destroyed.statusCode).toBe(200);
    expect(destroyed.json().document.status).toBe('destroyed');
    const still = await t.request('GET', `/api/documents/${document.id}`, { cookie: officer });
    expect(still.statusCode).toBe(200);
  });

  it('reminds an unsigned transfer once per interval, even with two instances', async () => {
    t.clock.set('2026-03-11T09:00:00+08:00');
    officer = await t.login('officer');
    const document = await register(t, officer, { referenceNumber: '催办〔2026〕1号', urgency: 'urgent', receivedAt: '2026-03-11T08:50:00+08:00' });
    await t.request('POST', `/api/documents/${document.id}/transfers`, { cookie: officer, body: { unitIds: [xiuyingId] } });

    const remindersOf = (since: number) =>
      events.slice(since).filter((event) => event.type === 'document.reminder' && (event.data as { documentId: string }).documentId === document.id);

    t.clock.set('2026-03-11T10:59:00+08:00');
    let before = events.length;
    await sendDueReminders(t.ctx);
    expect(remindersOf(before)).toHaveLength(0);

    // 加急: two hours after notification.
    t.clock.set('2026-03-11T11:00:00+08:00');
    before = events.length;
    await Promise.all([sendDueReminders(t.ctx), sendDueReminders(t.ctx)]);
    const published = remindersOf(before);
    expect(published).toHaveLength(1);
    expect(published[0]!.unitId).toBe(xiuyingId);
    expect(published[0]!.title).toContain('催办');

    before = events.length;
    await sendDueReminders(t.ctx);
    expect(remindersOf(before)).toHaveLength(0);
    t.clock.set('2026-03-11T13:00:00+08:00');
    await sendDueReminders(t.ctx);
    expect(remindersOf(before)).toHaveLength(1);

    const pending = await pendingSignatures(t.ctx, t.ctx.db.kysely);
    const entry = pending.find((item) => item.documentId === document.id)!;
    expect(entry.reminderCount).toBe(2);
    expect(entry.urgent).toBe(true);
    expect(entry.notifiedAt).toBe('2026-03-11T09:00:00+08:00');
    expect(entry.nextReminderAt).toBe('2026-03-11T15:00:00+08:00');
    expect(entry.minutesWaiting).toBe(240);

    officer = await t.login('officer');
    const detail = await t.request('GET', `/api/documents/${document.id}`, { cookie: officer });
    expect(detail.json().document.events.filter((event: { kind: string }) => event.kind === 'reminded')).toHaveLength(2);

    const xiuying = await t.login('xiuying');
    const own = await t.request('GET', '/api/documents/pending-signatures', { cookie: xiuying });
    expect(own.statusCode).toBe(200);
    expect(own.json().pending.every((item: { unitId: string }) => item.unitId === xiuyingId)).toBe(true);
    expect(own.json().pending.some((item: { documentId: string }) => item.documentId === document.id)).toBe(true);
    const other = await t.request('GET', `/api/documents/pending-signatures?unitId=${longhuaId}`, { cookie: xiuying });
    expect(other.statusCode).toBe(403);
    const hall = await t.login('hall');
    const hallList = await t.request('GET', '/api/documents/pending-signatures?urgentOnly=true', { cookie: hall });
    expect(hallList.statusCode).toBe(200);
    expect(hallList.json().pending.every((item: { urgent: boolean }) => item.urgent)).toBe(true);

    const signed = await t.request('POST', `/api/documents/${document.id}/transfers/${detail.json().document.transfers[0].id}/sign`, { cookie: xiuying });
    expect(signed.statusCode).toBe(200);
    t.clock.set('2026-03-11T16:00:00+08:00');
    before = events.length;
    await sendDueReminders(t.ctx);
    expect(remindersOf(before)).toHaveLength(0);
  });

  it('reminder intervals are configurable', async () => {
    t.clock.set('2026-03-12T09:00:00+08:00');
    const commander = await t.login('commander');
    const bad = await t.request('PUT', '/api/documents/settings', { cookie: commander, body: { reminderIntervals: { extra_urgent: 1, urgent: 120, normal: 1440 } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('特急催办间隔');
    const saved = await t.request('PUT', '/api/documents/settings', { cookie: commander, body: { reminderIntervals: { extra_urgent: 15, urgent: 60, normal: 720 } } });
    expect(saved.statusCode).toBe(200);
    officer = await t.login('officer');
    const officerPut = await t.request('PUT', '/api/documents/settings', { cookie: officer, body: { reminderIntervals: { extra_urgent: 15, urgent: 60, normal: 720 } } });
    expect(officerPut.statusCode).toBe(403);
    const document = await register(t, officer, { referenceNumber: '间隔〔2026〕1号', urgency: 'extra_urgent', receivedAt: '2026-03-12T08:55:00+08:00' });
    const transferred = await t.request('POST', `/api/documents/${document.id}/transfers`, { cookie: officer, body: { unitIds: [longhuaId] } });
    expect(transferred.json().document.transfers[0].nextReminderAt).toBe('2026-03-12T09:15:00+08:00');
  });

  it('a liaison sees only documents transferred to the unit', async () => {
    const hidden = await register(t, officer, { referenceNumber: '可见〔2026〕1号' });
    const xiuying = await t.login('xiuying');
    const detail = await t.request('GET', `/api/documents/${hidden.id}`, { cookie: xiuying });
    expect(detail.statusCode).toBe(403);
    const list = await t.request('GET', '/api/documents?pageSize=100', { cookie: xiuying });
    expect(list.statusCode).toBe(200);
    expect(list.json().documents.every((document: { transfers: { unitId: string }[] }) => document.transfers.some((transfer) => transfer.unitId === xiuyingId))).toBe(true);
    const otherUnit = await t.request('GET', `/api/documents?unitId=${longhuaId}`, { cookie: xiuying });
    expect(otherUnit.statusCode).toBe(403);
    const missing = await t.request('GET', '/api/documents/no-such-id', { cookie: officer });
    expect(missing.statusCode).toBe(404);
  });

  it('rejects bad handling input with Chinese 4xx', async () => {
    const document = await register(t, officer, { referenceNumber: '坏输入〔2026〕1号' });
    const base = `/api/documents/${document.id}`;
    const cases: [string, string, unknown][] = [
      ['POST', `${base}/opinions`, { kind: 'comment', text: '意见' }],
      ['POST', `${base}/opinions`, { kind: 'proposal', text: '' }],
      ['POST', `${base}/opinions`, { kind: 'proposal', text: 'x'.repeat(2001) }],
      ['POST', `${base}/transfers`, { unitIds: [] }],
      ['POST', `${base}/transfers`, { unitIds: ['no-such-unit'] }],
      ['POST', `${base}/transfers`, { unitIds: 'abc' }],
      ['POST', `${base}/archive`, { note: 'x'.repeat(501) }],
      ['POST', `${base}/destroy`, { note: 12 }],
      ['POST', `${base}/report`, { reportedToName: 'x'.repeat(40) }],
      ['POST', `${base}/transfers/no-such-transfer/sign`, undefined],
      ['POST', '/api/documents/no-such-id/report', {}],
      ['POST', '/api/documents/no-such-id/opinions', { kind: 'proposal', text: '意见' }],
      ['POST', '/api/documents/no-such-id/archive', {}],
      ['PUT', '/api/documents/settings', { reminderIntervals: { extra_urgent: 'x' } }],
    ];
    const commander = await t.login('commander');
    for (const [method, url, body] of cases) {
      const response = await t.request(method, url, { cookie: method === 'PUT' ? commander : officer, body });
      expect(response.statusCode, `${method} ${url} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, `${method} ${url}`).toBeLessThan(500);
      expect(response.json().error.message, url).toMatch(/[\u4e00-\u9fa5]/);
    }
    const transfer = await t.request('POST', `${base}/transfers`, { cookie: officer, body: { unitIds: [xiuyingId] } });
    expect(transfer.statusCode).toBe(200);
    const duplicate = await t.request('POST', `${base}/transfers`, { cookie: officer, body: { unitIds: [xiuyingId] } });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.message).toContain('已转办秀英区司法局');
    const reportAgain = await t.request('POST', `${base}/report`, { cookie: officer, body: { reportedToName: '黄志强' } });
    expect(reportAgain.statusCode).toBe(200);
    const reportTwice = await t.request('POST', `${base}/report`, { cookie: officer, body: { reportedToName: '黄志强' } });
    expect(reportTwice.statusCode).toBe(409);
  });
});
