import type { AuditActor } from '../audit/audit-log.js';
import type { Executor } from '../db/database.js';
import { newId, toDbInstant, toDbJson } from '../db/sql-values.js';

/** Appends one entry to an incident's timeline, numbered after the last one. */
export async function appendStep(
  trx: Executor,
  incidentId: string,
  entry: { kind: string; actor: AuditActor; at: Date; note?: string | null; data?: Record<string, unknown> },
): Promise<void> {
  const last = await trx
    .selectFrom('incident_steps')
    .select((eb) => eb.fn.max('seq').as('max_seq'))
    .where('incident_id', '=', incidentId)
    .executeTakeFirst();
  const seq = Number(last?.max_seq ?? 0) + 1;
  await trx
    .insertInto('incident_steps')
    .values({
      id: newId(),
      incident_id: incidentId,
      seq,
      kind: entry.kind,
      at: toDbInstant(entry.at),
      actor_user_id: entry.actor.userId,
      actor_name: entry.actor.name,
      note: entry.note ?? null,
      data: toDbJson(entry.data ?? {}),
    })
    .execute();
}
