import type { Kysely } from 'kysely';

/** Daily reports, key-information items, the bulletin and leaders' instructions. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('daily_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('report_date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('submitter_name', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('daily_reports_idempotency_idx').on('daily_reports').columns(['unit_id', 'idempotency_key']).unique().execute();
  await db.schema.createIndex('daily_reports_date_idx').on('daily_reports').columns(['report_date', 'unit_id']).execute();

  await db.schema
    .createTable('report_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('daily_report_id', 'text', (c) => c.notNull().references('daily_reports.id'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('report_date', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text')
    .addColumn('place', 'text')
    .addColumn('source', 'text')
    .addColumn('people_involved', 'text')
    .addColumn('measures', 'text')
    .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('phone_first', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('early_sign', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attachment_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('review_reason', 'text')
    .addColumn('merged_into_id', 'text')
    .addColumn('marked_by_name', 'text')
    .addColumn('marked_at', 'text')
    .addColumn('reviewed_by_name', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('written_supplement_due_at', 'text')
    .addColumn('written_supplement_at', 'text')
    .addColumn('verification_due_at', 'text')
    .addColumn('verified_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_items_date_idx').on('report_items').columns(['report_date', 'unit_id']).execute();
  await db.schema.createIndex('report_items_report_idx').on('report_items').column('daily_report_id').execute();

  await db.schema
    .createTable('report_item_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('report_items.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_item_versions_idx').on('report_item_versions').columns(['item_id', 'version']).unique().execute();

  await db.schema
    .createTable('report_item_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('report_items.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_item_updates_item_idx').on('report_item_updates').column('item_id').execute();

  await db.schema
    .createTable('report_reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_date', 'text', (c) => c.notNull())
    .addColumn('unit_ids', 'text', (c) => c.notNull())
    .addColumn('reminded_at', 'text', (c) => c.notNull())
    .addColumn('reminded_by', 'text')
    .addColumn('reminded_by_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_reminders_date_idx').on('report_reminders').column('report_date').execute();

  await db.schema
    .createTable('report_violations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('report_date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('rectification_due_at', 'text', (c) => c.notNull())
    .addColumn('rectified_at', 'text')
    .execute();
  await db.schema.createIndex('report_violations_unit_date_idx').on('report_violations').columns(['unit_id', 'report_date']).unique().execute();

  await db.schema
    .createTable('bulletins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('issue_number', 'integer', (c) => c.notNull())
    .addColumn('report_date', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('edited_by_name', 'text', (c) => c.notNull())
    .addColumn('reviewed_by_name', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('signed_by_person_id', 'text')
    .addColumn('signed_by_name', 'text')
    .addColumn('signed_at', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bulletins_issue_idx').on('bulletins').columns(['year', 'issue_number']).unique().execute();

  await db.schema
    .createTable('leader_instructions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('leader_name', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('related_item_id', 'text')
    .addColumn('related_incident_id', 'text')
    .addColumn('passed_down_at', 'text', (c) => c.notNull())
    .addColumn('registered_by_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by_name', 'text')
    .execute();

  await db.schema
    .createTable('instruction_units')
    .addColumn('instruction_id', 'text', (c) => c.notNull().references('leader_instructions.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('instruction_units_pk', ['instruction_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('instruction_feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('instruction_id', 'text', (c) => c.notNull().references('leader_instructions.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('feedback_date', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('instruction_feedback_idx').on('instruction_feedback').columns(['instruction_id', 'unit_id']).execute();

  await db.schema
    .createTable('instruction_reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('instruction_id', 'text', (c) => c.notNull().references('leader_instructions.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text')
    .execute();
  await db.schema
    .createIndex('instruction_reminders_once_idx')
    .on('instruction_reminders')
    .columns(['instruction_id', 'unit_id', 'due_date'])
    .unique()
    .execute();
}
