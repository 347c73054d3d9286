/**
 * 催办: reminders of transfers that their unit has not signed for, at the
 * interval of the document's urgency, and the pending-signature list of the
 * hall screen and the units' liaisons.
 */
import { isUrgent, minutesWaiting, nextReminderDue, URGENCY_LABELS, type DocumentKind, type Urgency } from '../../domain/documents/index.js';
import { formatInstant } from '../../domain/time.js';
import { appendAudit, systemActor } from '../audit/audit-log.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import { toDbInstant } from '../db/sql-values.js';
import type { ScheduledJob } from '../schedulers.js';
import { insertEvent } from './documents.repository.js';
import { readReminderIntervals } from './documents.settings.js';

/** A transfer still waiting for its unit's signature. */
export interface PendingSignature {
  transferId: string;
  documentId: string;
  serial: string;
  kind: DocumentKind;
  title: string;
  urgency: Urgency;
  /** 特急 or 加急: shown on the hall screen's urgent list. */
  urgent: boolean;
  unitId: string;
  unitName: string;
  notifiedAt: string;
  reminderCount: number;
  lastRemindedAt: string | null;
  nextReminderAt: string | null;
  minutesWaiting: number;
}

const urgencyRank: Record<Urgency, number> = { extra_urgent: 0, urgent: 1, normal: 2 };

/**
 * Returns every transfer of an open document that its unit has not signed
 * for, most urgent and longest waiting first. `unitId` restricts the list to
 * one unit (a liaison's own list); `urgentOnly` keeps 特急 and 加急.
 */
export async function pendingSignatures(ctx: AppContext, db: Executor, options: { unitId?: string; urgentOnly?: boolean } = {}): Promise<PendingSignature[]> {
  let query = db
    .selectFrom('document_transfers')
    .innerJoin('documents', 'documents.id', 'document_transfers.document_id')
    .innerJoin('units', 'units.id', 'document_transfers.unit_id')
    .select([
      'document_transfers.id as transfer_id',
      'document_transfers.unit_id',
      'document_transfers.notified_at',
      'document_transfers.reminder_count',
      'document_transfers.last_reminded_at',
      'document_transfers.next_reminder_at',
      'documents.id as document_id',
      'documents.serial',
      'documents.kind',
      'documents.title',
      'documents.urgency',
      'units.name as unit_name',
    ])
    .where('document_transfers.signed_at', 'is', null)
    .where('documents.closed_at', 'is', null);
  if (options.unitId) query = query.where('document_transfers.unit_id', '=', options.unitId);
  if (options.urgentOnly) query = query.where('documents.urgency', 'in', ['extra_urgent', 'urgent']);
  const rows = await query.orderBy('document_transfers.notified_at').execute();

  const now = ctx.clock.now();
  const timeZone = ctx.config.timeZone;
  return rows
    .map((row) => ({
      transferId: row.transfer_id,
      documentId: row.document_id,
      serial: row.serial,
      kind: row.kind,
      title: row.title,
      urgency: row.urgency,
      urgent: isUrgent(row.urgency),
      unitId: row.unit_id,
      unitName: row.unit_name,
      notifiedAt: formatInstant(new Date(row.notified_at), timeZone),
      reminderCount: Number(row.reminder_count),
      lastRemindedAt: row.last_reminded_at ? formatInstant(new Date(row.last_reminded_at), timeZone) : null,
      nextReminderAt: row.next_reminder_at ? formatInstant(new Date(row.next_reminder_at), timeZone) : null,
      minutesWaiting: minutesWaiting(new Date(row.notified_at), now),
    }))
    .sort((a, b) => urgencyRank[a.urgency] - urgencyRank[b.urgency] || a.notifiedAt.localeCompare(b.notifiedAt));
}

/**
 * Sends every reminder that is due. Each transfer is claimed with a
 * conditional UPDATE on its due time inside a transaction, so when several
 * instances run the job at once only one of them sends a given reminder.
 * Returns the number of reminders sent.
 */
export async function sendDueReminders(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const due = await ctx.db.kysely
    .selectFrom('document_transfers')
    .innerJoin('documents', 'documents.id', 'document_transfers.document_id')
    .innerJoin('units', 'units.id', 'document_transfers.unit_id')
    .select([
      'document_transfers.id',
      'document_transfers.document_id',
      'document_transfers.unit_id',
      'document_transfers.notified_at',
      'document_transfers.next_reminder_at',
      'document_transfers.reminder_count',
      'documents.serial',
      'documents.title',
      'documents.urgency',
      'units.name as unit_name',
    ])
    .where('document_transfers.signed_at', 'is', null)
    .where('documents.closed_at', 'is', null)
    .where('document_transfers.next_reminder_at', '<=', toDbInstant(now))
    .orderBy('document_transfers.next_reminder_at')
    .limit(200)
    .execute();
  if (due.length === 0) return 0;

  const intervals = await readReminderIntervals(ctx.db.kysely);
  let sent = 0;
  for (const transfer of due) {
    const count = Number(transfer.reminder_count) + 1;
    const text = `第${count}次催办：${URGENCY_LABELS[transfer.urgency]}文电 ${transfer.serial}《${transfer.title}》已于 ${formatInstant(new Date(transfer.notified_at), ctx.config.timeZone).slice(0, 16).replace('T', ' ')} 通知${transfer.unit_name}，尚未签收，请尽快签收。`;
    const claimed = await ctx.db.kysely.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('document_transfers')
        .set({
          reminder_count: count,
          last_reminded_at: toDbInstant(now),
          next_reminder_at: toDbInstant(nextReminderDue(transfer.urgency, new Date(transfer.notified_at), now, intervals)),
        })
        .where('id', '=', transfer.id)
        .where('next_reminder_at', '=', transfer.next_reminder_at)
        .where('signed_at', 'is', null)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) return false;
      await insertEvent(trx, { document_id: transfer.document_id, at: toDbInstant(now), kind: 'reminded', actor_user_id: null, actor_name: systemActor.name ?? '系统', unit_id: transfer.unit_id, opinion_kind: null, text });
      await appendAudit(trx, systemActor, { action: 'document.remind', entityType: 'document', entityId: transfer.document_id, summary: `催办${transfer.unit_name}签收文电 ${transfer.serial}`, after: { transferId: transfer.id, reminderCount: count } }, now);
      return true;
    });
    if (!claimed) continue;

    sent += 1;
    await ctx.events.publish({
      type: 'document.reminder',
      title: text,
      unitId: transfer.unit_id,
      urgent: isUrgent(transfer.urgency),
      data: { documentId: transfer.document_id, transferId: transfer.id, reminderCount: count },
      at: now.toISOString(),
    });
    ctx.log.info({ documentId: transfer.document_id, transferId: transfer.id, reminderCount: count }, 'document reminder sent');
  }
  return sent;
}

/** The scheduler entry: checks for due reminders every minute. */
export const documentReminderJob: ScheduledJob = {
  name: 'document-reminders',
  intervalMs: 60_000,
  run: async (ctx) => {
    await sendDueReminders(ctx);
  },
};
