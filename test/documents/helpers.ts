/** Shared request bodies and look-ups of the documents route tests. */
import type { TestApp } from '../support/app.js';

export function faxBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'plain_fax',
    receivedAt: '2026-03-10T09:15:00+08:00',
    senderUnit: '海南省司法厅',
    referenceNumber: '琼司传〔2026〕15号',
    urgency: 'urgent',
    title: '关于做好两会期间安全稳定工作的通知',
    copies: 2,
    attachmentTitles: ['值班安排表'],
    content: '请各单位加强值班值守。',
    ...overrides,
  };
}

export async function unitIdByName(t: TestApp, name: string): Promise<string> {
  const row = await t.ctx.db.kysely.selectFrom('units').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}

export async function register(t: TestApp, cookie: string, overrides: Record<string, unknown> = {}) {
  const response = await t.request('POST', '/api/documents', { cookie, body: faxBody(overrides) });
  if (response.statusCode !== 201) throw new Error(`registration failed: ${response.statusCode} ${response.body}`);
  return response.json().document as { id: string; serial: string; transfers: { id: string; unitId: string }[] };
}
