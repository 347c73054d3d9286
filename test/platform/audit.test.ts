import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain, type AuditActor } from '../../src/server/audit/audit-log.js';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';

const run = promisify(execFile);
const actor: AuditActor = { userId: 'u1', name: '测试员', unitId: null, ip: '127.0.0.1' };

async function appendRows(t: TestApp, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await t.ctx.db.kysely.transaction().execute((trx) =>
      appendAudit(trx, actor, { action: 'test.write', entityType: 'test', entityId: String(i), summary: `第${i}条`, after: { i } }, t.clock.now()),
    );
  }
}

async function maxSeq(t: TestApp): Promise<number> {
  const row = await t.ctx.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('max')).executeTakeFirstOrThrow();
  return Number(row.max);
}

describe.each(availableDialects())('audit chain on %s', (dialect) => {
  let t: TestApp;

  beforeEach(async () => {
    t = await createTestApp(dialect, { demo: false });
    await appendRows(t, 5);
  });
  afterEach(async () => {
    await t.close();
  });

  it('intact chain verifies', async () => {
    const result = await verifyAuditChain(t.ctx.db.kysely);
    expect(result.ok).toBe(true);
    expect(result.rows).toBe(await maxSeq(t));
  });

  it('edited row is reported', async () => {
    const target = (await maxSeq(t)) - 2;
    await t.ctx.db.kysely.updateTable('audit_log').set({ summary: '被篡改的内容' }).where('seq', '=', target).execute();
    const result = await verifyAuditChain(t.ctx.db.kysely);
    expect(result).toMatchObject({ ok: false, firstBadSeq: target, reason: 'altered' });
  });

  it('deleted middle row is reported', async () => {
    const target = (await maxSeq(t)) - 3;
    await t.ctx.db.kysely.deleteFrom('audit_log').where('seq', '=', target).execute();
    const result = await verifyAuditChain(t.ctx.db.kysely);
    expect(result).toMatchObject({ ok: false, firstBadSeq: target, reason: 'inserted_or_deleted' });
  });

  it('deleted last row is reported', async () => {
    const last = await maxSeq(t);
    await t.ctx.db.kysely.deleteFrom('audit_log').where('seq', '=', last).execute();
    const result = await verifyAuditChain(t.ctx.db.kysely);
    expect(result).toMatchObject({ ok: false, firstBadSeq: last, reason: 'inserted_or_deleted' });
  });

  it('inserted row with a recomputed hash is reported', async () => {
    const seq = 2;
    const original = await t.ctx.db.kysely.selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();
    // Shift rows up to make room is what a forger would need; here the
    // forged row reuses the chain position and breaks the next link.
    await t.ctx.db.kysely.updateTable('audit_log').set({ prev_hash: 'f'.repeat(64) }).where('seq', '=', seq).execute();
    const result = await verifyAuditChain(t.ctx.db.kysely);
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.firstBadSeq).toBe(seq);
    expect(original.hash).toHaveLength(64);
  });

  it('concurrent appends keep one chain', async () => {
    await Promise.all(Array.from({ length: 20 }, () => appendRows(t, 1)));
    const result = await verifyAuditChain(t.ctx.db.kysely);
    expect(result.ok).toBe(true);
  });
});

describe('zhiban audit verify command', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await createTestApp('sqlite', { demo: false });
    await appendRows(t, 3);
  });
  afterEach(async () => {
    await t.close();
  });

  it('exits 1 and names the tampered row', async () => {
    const cli = path.resolve('src/server/cli.ts');
    const env = { ...process.env, ZHIBAN_DATA_DIR: t.database.dataDir, ZHIBAN_FIELD_KEY: 'a'.repeat(64), DATABASE_URL: '' };
    const intact = await run(process.execPath, ['--import', 'tsx', cli, 'audit', 'verify'], { env });
    expect(intact.stdout).toMatch(/intact/);

    await sql`UPDATE audit_log SET after_json = '{"i":99}' WHERE seq = 2`.execute(t.ctx.db.kysely);
    const tampered = await run(process.execPath, ['--import', 'tsx', cli, 'audit', 'verify'], { env }).catch((error: { code: number; stdout: string }) => error);
    expect('code' in tampered ? tampered.code : 0).toBe(1);
    expect(tampered.stdout).toMatch(/seq=2/);
  });
});
