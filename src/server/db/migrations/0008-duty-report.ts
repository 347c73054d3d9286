import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('duty_log_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('duty_date', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('duty_log_entries_date_idx').on('duty_log_entries').column('duty_date').execute();

  await db.schema
    .createTable('duty_reports')
    .addColumn('duty_date', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('staff_rows', 'text', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('drafted_by_name', 'text', (c) => c.notNull())
    .addColumn('signed_by_person_id', 'text')
    .addColumn('signed_by_name', 'text')
    .addColumn('signed_at', 'text')
    .addColumn('revised_at', 'text')
    .addColumn('revised_by_name', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('sent_by_name', 'text')
    .addColumn('sent_to', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('duty_report_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('duty_date', 'text', (c) => c.notNull().references('duty_reports.duty_date'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('staff_rows', 'text', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addUniqueConstraint('duty_report_versions_date_version_uq', ['duty_date', 'version'])
    .execute();

  await db.schema
    .createTable('handover_meetings')
    .addColumn('duty_date', 'text', (c) => c.primaryKey())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('chair_person_id', 'text')
    .addColumn('chair_name', 'text')
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('previous_officer_report', 'text')
    .addColumn('previous_leader_report', 'text')
    .addColumn('leader_instructions', 'text')
    .addColumn('matters', 'text')
    .addColumn('record', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('confirmed_by_name', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by_name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('duty_signins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('duty_date', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('post', 'text', (c) => c.notNull())
    .addColumn('signed_in_at', 'text', (c) => c.notNull())
    .addColumn('signed_out_at', 'text')
    .execute();
  await db.schema.createIndex('duty_signins_date_idx').on('duty_signins').columns(['duty_date', 'person_id']).execute();
}
