/** Center-wide settings stored as JSON under a key, with the Haikou values as defaults. */
import type { Executor } from './db/database.js';
import { toDbInstant } from './db/sql-values.js';

export async function readSetting<T>(db: Executor, key: string, fallback: T): Promise<T> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) return fallback;
  const stored = JSON.parse(row.value) as T;
  if (fallback !== null && typeof fallback === 'object' && !Array.isArray(fallback)) {
    return { ...fallback, ...stored };
  }
  return stored;
}

export async function writeSetting(trx: Executor, key: string, value: unknown, at: Date, userId: string | null): Promise<void> {
  const json = JSON.stringify(value);
  await trx
    .insertInto('settings')
    .values({ key, value: json, updated_at: toDbInstant(at), updated_by: userId })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: toDbInstant(at), updated_by: userId }))
    .execute();
}
