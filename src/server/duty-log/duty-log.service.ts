import { composeDutyLog, type ComposedDutyLog, type DutyLogFilter } from '../../domain/duty-report/index.js';
import { dutyDateOf, dutyDayBounds, type IsoDate } from '../../domain/time.js';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import { newId, toDbInstant } from '../db/sql-values.js';
import { invalidField } from '../errors.js';
import type { DutyDayRange } from './collector.js';
import { dutyLogCollectors } from './collectors/index.js';

export function dutyDayRange(ctx: AppContext, date: IsoDate): DutyDayRange {
  const { start, end } = dutyDayBounds(date, ctx.config.timeZone, ctx.config.handoverTime);
  return { date, start, end, from: toDbInstant(start), to: toDbInstant(end) };
}

/** Assembles the duty log of a duty day from every collector at read time. */
export async function readDutyLog(ctx: AppContext, db: Executor, date: IsoDate, filter: DutyLogFilter = {}): Promise<ComposedDutyLog> {
  const range = dutyDayRange(ctx, date);
  const batches = await Promise.all(dutyLogCollectors.map((collector) => collector.collect(ctx, db, range)));
  return composeDutyLog(batches.flat(), range, filter);
}

export interface FreeEntryInput {
  /** Instant of the event; the current time when omitted. */
  at?: string;
  content: string;
}

/** Adds a free entry (a visit, a call not worth a record) to the log of the duty day the instant falls in. */
export async function addFreeEntry(ctx: AppContext, actor: AuditActor, input: FreeEntryInput): Promise<{ id: string; dutyDate: IsoDate; at: string }> {
  const now = ctx.clock.now();
  const at = input.at ? new Date(input.at) : now;
  if (at.getTime() > now.getTime() + 60_000) throw invalidField('时间', '不能晚于当前时间，请填写事情发生的时间');
  const dutyDate = dutyDateOf(at, ctx.config.timeZone, ctx.config.handoverTime);
  const id = newId();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('duty_log_entries').values({
      id,
      duty_date: dutyDate,
      at: toDbInstant(at),
      content: input.content,
      author_user_id: actor.userId,
      author_name: actor.name ?? '未知',
      created_at: toDbInstant(now),
    }).execute();
    await appendAudit(trx, actor, { action: 'duty_log.entry_added', entityType: 'duty_log_entry', entityId: id, summary: `值班日志新增记事（${dutyDate}）`, after: { at: toDbInstant(at), content: input.content } }, now);
  });
  return { id, dutyDate, at: toDbInstant(at) };
}
