import { sql } from 'kysely';
import type { Executor } from './database.js';

/**
 * Takes the next value of a named gap-free counter inside the caller's
 * transaction. The UPDATE locks the counter row until the transaction ends,
 * so concurrent callers are serialized and a rolled-back transaction leaves
 * no gap. On SQLite the write transaction itself is exclusive.
 */
export async function nextSequenceValue(trx: Executor, name: string): Promise<number> {
  const updated = await sql<{ value: number }>`
    UPDATE counters SET value = value + 1 WHERE name = ${name} RETURNING value
  `.execute(trx);
  const row = updated.rows[0];
  if (row) return Number(row.value);

  // First use: create the row. A concurrent first use on PostgreSQL makes the
  // loser's INSERT do nothing, and its UPDATE then waits for the winner's lock.
  await sql`INSERT INTO counters (name, value) VALUES (${name}, 0) ON CONFLICT (name) DO NOTHING`.execute(trx);
  const retried = await sql<{ value: number }>`
    UPDATE counters SET value = value + 1 WHERE name = ${name} RETURNING value
  `.execute(trx);
  return Number(retried.rows[0]!.value);
}
