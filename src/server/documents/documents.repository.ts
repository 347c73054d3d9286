/** Queries of the documents register; every function takes the database or a transaction first. */
import { sql } from 'kysely';
import type { DocumentKind, DocumentStatus, Urgency } from '../../domain/documents/index.js';
import type { Executor } from '../db/database.js';
import type { DocumentEventsTable } from '../db/documents-tables.js';
import { newId } from '../db/sql-values.js';
import type { EventRow, TransferRow } from './documents.mapper.js';

export interface DocumentFilter {
  kind?: DocumentKind;
  urgency?: Urgency;
  status?: DocumentStatus;
  /** Received at or after this instant. */
  receivedFrom?: Date;
  /** Received before this instant. */
  receivedBefore?: Date;
  /** Documents transferred to this unit. */
  unitId?: string;
  q?: string;
}

/** Escapes LIKE wildcards so a search for "50%" finds the text "50%". */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
}

export function documentsMatching(db: Executor, filter: DocumentFilter) {
  let base = db.selectFrom('documents');
  if (filter.kind) base = base.where('kind', '=', filter.kind);
  if (filter.urgency) base = base.where('urgency', '=', filter.urgency);
  if (filter.status) base = base.where('status', '=', filter.status);
  if (filter.receivedFrom) base = base.where('received_at', '>=', filter.receivedFrom.toISOString());
  if (filter.receivedBefore) base = base.where('received_at', '<', filter.receivedBefore.toISOString());
  if (filter.unitId) {
    const unitId = filter.unitId;
    base = base.where(({ exists, selectFrom }) =>
      exists(selectFrom('document_transfers').select('document_transfers.id').whereRef('document_transfers.document_id', '=', 'documents.id').where('document_transfers.unit_id', '=', unitId)),
    );
  }
  if (filter.q) {
    const pattern = likePattern(filter.q);
    base = base.where((eb) =>
      eb.or([
        sql<boolean>`documents.title like ${pattern} escape '\\'`,
        sql<boolean>`documents.sender_unit like ${pattern} escape '\\'`,
        sql<boolean>`documents.reference_number like ${pattern} escape '\\'`,
        sql<boolean>`documents.serial like ${pattern} escape '\\'`,
      ]),
    );
  }
  return base;
}

export async function transfersOf(db: Executor, documentIds: readonly string[]): Promise<TransferRow[]> {
  if (documentIds.length === 0) return [];
  return db
    .selectFrom('document_transfers')
    .innerJoin('units', 'units.id', 'document_transfers.unit_id')
    .selectAll('document_transfers')
    .select('units.name as unit_name')
    .where('document_transfers.document_id', 'in', documentIds)
    .orderBy('units.sort_order')
    .orderBy('document_transfers.notified_at')
    .execute();
}

export async function eventsOf(db: Executor, documentId: string): Promise<EventRow[]> {
  return db
    .selectFrom('document_events')
    .leftJoin('units', 'units.id', 'document_events.unit_id')
    .selectAll('document_events')
    .select('units.name as unit_name')
    .where('document_events.document_id', '=', documentId)
    .orderBy('document_events.seq')
    .execute();
}

/** Appends a timeline entry; call it inside the transaction of the change it records. */
export async function insertEvent(trx: Executor, event: Omit<DocumentEventsTable, 'id' | 'seq'>): Promise<void> {
  const last = await trx
    .selectFrom('document_events')
    .select(sql<number | null>`max(seq)`.as('seq'))
    .where('document_id', '=', event.document_id)
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  await trx.insertInto('document_events').values({ id: newId(), seq, ...event }).execute();
}
