/**
 * 审计日志: an append-only log of every change and every read of confidential
 * data. Rows are numbered 1, 2, 3… and chained: each row's hash is the SM3 of
 * the previous row's hash and the row's own content, so an edited, inserted or
 * deleted row breaks the chain at that row.
 */
import { sql } from 'kysely';
import { sm3Hex } from '../crypto/sm.js';
import type { Executor } from '../db/database.js';
import { nextSequenceValue } from '../db/sequences.js';
import type { AuditLogTable } from '../db/platform-tables.js';
import { newId, toDbInstant } from '../db/sql-values.js';

export const GENESIS_HASH = '0'.repeat(64);

/** Who did it, from where. `null` user for the system itself (start-up, schedulers). */
export interface AuditActor {
  userId: string | null;
  name: string | null;
  unitId: string | null;
  ip: string | null;
}

export const systemActor: AuditActor = { userId: null, name: '系统', unitId: null, ip: null };

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** One Chinese line for the audit page, e.g. "新增人员 张三". */
  summary: string;
  before?: unknown;
  after?: unknown;
}

type ChainedContent = Omit<AuditLogTable, 'hash'>;

/** Computes a row's hash from its content and the previous hash. Field order is fixed. */
export function computeAuditHash(row: ChainedContent): string {
  const canonical = JSON.stringify([
    row.seq,
    row.id,
    row.at,
    row.actor_user_id,
    row.actor_name,
    row.actor_unit_id,
    row.action,
    row.entity_type,
    row.entity_id,
    row.summary,
    row.before_json,
    row.after_json,
    row.ip,
    row.prev_hash,
  ]);
  return sm3Hex(row.prev_hash + canonical);
}

/**
 * Appends one row. Call it inside the transaction that makes the change, so
 * the change and its audit row commit together or not at all.
 */
export async function appendAudit(trx: Executor, actor: AuditActor, entry: AuditEntry, at: Date): Promise<void> {
  // The counter row stays locked until the transaction ends, so no other
  // writer can append between reading the previous hash and inserting.
  const seq = await nextSequenceValue(trx, 'audit_log');
  const previous = await trx.selectFrom('audit_log').select('hash').where('seq', '=', seq - 1).executeTakeFirst();
  const content: ChainedContent = {
    seq,
    id: newId(),
    at: toDbInstant(at),
    actor_user_id: actor.userId,
    actor_name: actor.name,
    actor_unit_id: actor.unitId,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId ?? null,
    summary: entry.summary,
    before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    ip: actor.ip,
    prev_hash: previous?.hash ?? GENESIS_HASH,
  };
  await trx
    .insertInto('audit_log')
    .values({ ...content, hash: computeAuditHash(content) })
    .execute();
}

export type AuditVerification =
  | { ok: true; rows: number }
  | { ok: false; rows: number; firstBadSeq: number; reason: 'altered' | 'inserted_or_deleted' | 'broken_link' };

/** Walks the whole chain in order and reports the first row that does not fit. */
export async function verifyAuditChain(db: Executor, batchSize = 5000): Promise<AuditVerification> {
  let expectedSeq = 1;
  let previousHash = GENESIS_HASH;
  let rows = 0;
  for (;;) {
    const batch = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    if (batch.length === 0) break;
    for (const row of batch) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) {
        return { ok: false, rows, firstBadSeq: expectedSeq, reason: 'inserted_or_deleted' };
      }
      if (row.prev_hash !== previousHash) {
        return { ok: false, rows, firstBadSeq: seq, reason: 'broken_link' };
      }
      if (computeAuditHash({ ...row, seq }) !== row.hash) {
        return { ok: false, rows, firstBadSeq: seq, reason: 'altered' };
      }
      previousHash = row.hash;
      expectedSeq += 1;
      rows += 1;
    }
  }
  // Rows deleted from the end leave the counter ahead of the last row.
  const counter = await db.selectFrom('counters').select('value').where('name', '=', 'audit_log').executeTakeFirst();
  if (counter && Number(counter.value) !== rows) {
    return { ok: false, rows, firstBadSeq: rows + 1, reason: 'inserted_or_deleted' };
  }
  return { ok: true, rows };
}

export interface AuditQuery {
  actorUserId?: string;
  actorName?: string;
  unitId?: string;
  action?: string;
  entityType?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

export async function searchAudit(db: Executor, query: AuditQuery) {
  let base = db.selectFrom('audit_log');
  if (query.actorUserId) base = base.where('actor_user_id', '=', query.actorUserId);
  if (query.actorName) base = base.where('actor_name', 'like', `%${query.actorName}%`);
  if (query.unitId) base = base.where('actor_unit_id', '=', query.unitId);
  if (query.action) base = base.where('action', '=', query.action);
  if (query.entityType) base = base.where('entity_type', '=', query.entityType);
  if (query.from) base = base.where('at', '>=', toDbInstant(query.from));
  if (query.to) base = base.where('at', '<', toDbInstant(query.to));

  const total = await base.select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { total: Number(total.count), rows };
}
