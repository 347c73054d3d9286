import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingSignatures } from '../../src/server/documents/documents.reminders.js';
import { verifyAuditChain } from '../../src/server/audit/audit-log.js';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';

describe.each(availableDialects())('documents demo month on %s', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-03-10T10:00:00+08:00' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('holds every kind, signatures, closures and phone records', async () => {
    const rows = await t.ctx.db.kysely.selectFrom('documents').select(['kind', 'status', 'serial', 'received_at']).orderBy('serial').execute();
    expect(new Set(rows.map((row) => row.kind))).toEqual(new Set(['electronic', 'plain_fax', 'classified_fax', 'phone_record']));
    expect(rows.filter((row) => row.status === 'archived').length).toBeGreaterThanOrEqual(3);
    expect(rows.some((row) => row.status === 'destroyed')).toBe(true);
    expect(rows.every((row) => row.received_at <= new Date('2026-03-10T02:00:00Z').toISOString())).toBe(true);
    const serials = rows.map((row) => row.serial);
    expect(serials[0]).toBe('2026-0001');
    expect(serials[serials.length - 1]).toBe(`2026-${String(rows.length).padStart(4, '0')}`);
    const receivedInSerialOrder = rows.map((row) => row.received_at);
    expect(receivedInSerialOrder).toEqual([...receivedInSerialOrder].sort());

    const signed = await t.ctx.db.kysely.selectFrom('document_transfers').select('id').where('signed_at', 'is not', null).execute();
    expect(signed.length).toBeGreaterThan(5);
    const phoneRecords = await t.ctx.db.kysely.selectFrom('phone_records').select(['major_incident']).execute();
    expect(phoneRecords.length).toBe(3);
    expect(phoneRecords.some((record) => Number(record.major_incident) === 1)).toBe(true);
  });

  it('has today\'s urgent fax waiting with reminders', async () => {
    const pending = await pendingSignatures(t.ctx, t.ctx.db.kysely, { urgentOnly: true });
    const today = pending.find((item) => item.urgency === 'extra_urgent' && item.unitName === '秀英区司法局');
    expect(today).toBeDefined();
    expect(today!.reminderCount).toBe(2);
  });

  it('leaves an intact audit chain', async () => {
    expect((await verifyAuditChain(t.ctx.db.kysely)).ok).toBe(true);
  });
});
