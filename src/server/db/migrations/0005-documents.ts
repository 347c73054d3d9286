import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('serial', 'text', (c) => c.notNull().unique())
    .addColumn('serial_year', 'integer', (c) => c.notNull())
    .addColumn('serial_value', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('sender_unit', 'text', (c) => c.notNull())
    .addColumn('reference_number', 'text')
    .addColumn('duplicate_key', 'text')
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('copies', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('attachment_titles', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('attachment_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('content', 'text')
    .addColumn('received_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('received_by_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'text')
    .addColumn('reported_to_name', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_by_name', 'text')
    .addColumn('closure_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Same sender and same reference number may be registered once; NULL keys (no reference number) never collide.
  await db.schema.createIndex('documents_duplicate_key_idx').unique().on('documents').column('duplicate_key').execute();
  await db.schema.createIndex('documents_year_value_idx').unique().on('documents').columns(['serial_year', 'serial_value']).execute();
  await db.schema.createIndex('documents_received_idx').on('documents').column('received_at').execute();
  await db.schema.createIndex('documents_status_idx').on('documents').column('status').execute();

  await db.schema
    .createTable('document_transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('notified_at', 'text', (c) => c.notNull())
    .addColumn('notified_by_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('signed_at', 'text')
    .addColumn('signed_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('signed_by_name', 'text')
    .addColumn('reminder_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_reminded_at', 'text')
    .addColumn('next_reminder_at', 'text')
    .execute();
  await db.schema.createIndex('document_transfers_unique_idx').unique().on('document_transfers').columns(['document_id', 'unit_id']).execute();
  await db.schema.createIndex('document_transfers_unit_idx').on('document_transfers').columns(['unit_id', 'signed_at']).execute();
  await db.schema.createIndex('document_transfers_due_idx').on('document_transfers').column('next_reminder_at').execute();

  await db.schema
    .createTable('document_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('opinion_kind', 'text')
    .addColumn('text', 'text')
    .execute();
  await db.schema.createIndex('document_events_document_idx').on('document_events').columns(['document_id', 'seq']).execute();

  await db.schema
    .createTable('phone_records')
    .addColumn('document_id', 'text', (c) => c.primaryKey().references('documents.id'))
    .addColumn('caller_unit', 'text')
    .addColumn('caller_unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('caller_name', 'text')
    .addColumn('caller_position', 'text')
    .addColumn('caller_phone', 'text')
    .addColumn('called_at', 'text', (c) => c.notNull())
    .addColumn('receiver_name', 'text', (c) => c.notNull())
    .addColumn('content', 'text')
    .addColumn('major_incident', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('handling_opinion', 'text')
    .addColumn('handling_result', 'text')
    .addColumn('handler_name', 'text')
    .addColumn('incident_id', 'text')
    .execute();

  await db.schema
    .createTable('directory_disclosures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('officer_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('officer_name', 'text', (c) => c.notNull())
    .addColumn('requester_name', 'text', (c) => c.notNull())
    .addColumn('requester_unit', 'text', (c) => c.notNull())
    .addColumn('verification', 'text', (c) => c.notNull())
    .addColumn('verification_note', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('entry_type', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('entry_name', 'text', (c) => c.notNull())
    .addColumn('phone_field', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('directory_disclosures_at_idx').on('directory_disclosures').column('at').execute();
}
