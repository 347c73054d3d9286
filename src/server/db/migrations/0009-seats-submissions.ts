import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('seats')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('is_general', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unit_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('seat_standby')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seat_id', 'text', (c) => c.notNull().references('seats.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addUniqueConstraint('seat_standby_seat_date_unique', ['seat_id', 'date'])
    .execute();
  await db.schema.createIndex('seat_standby_date_idx').on('seat_standby').column('date').execute();

  await db.schema
    .createTable('seat_activations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('started_by_user_id', 'text')
    .addColumn('started_by_name', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('ended_by_user_id', 'text')
    .addColumn('ended_by_name', 'text')
    .execute();
  await db.schema.createIndex('seat_activations_started_idx').on('seat_activations').column('started_at').execute();

  await db.schema
    .createTable('seat_checkins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seat_id', 'text', (c) => c.notNull().references('seats.id'))
    .addColumn('activation_id', 'text', (c) => c.references('seat_activations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('checked_in_at', 'text', (c) => c.notNull())
    .addColumn('checked_out_at', 'text')
    .addColumn('recorded_by_user_id', 'text')
    .execute();
  await db.schema.createIndex('seat_checkins_seat_idx').on('seat_checkins').columns(['seat_id', 'checked_in_at']).execute();

  await db.schema
    .createTable('seat_log_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seat_id', 'text', (c) => c.notNull().references('seats.id'))
    .addColumn('activation_id', 'text', (c) => c.references('seat_activations.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'text')
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('seat_log_entries_seat_idx').on('seat_log_entries').columns(['seat_id', 'at']).execute();

  await db.schema
    .createTable('duty_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('first_submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by_user_id', 'text')
    .addColumn('submitted_by_name', 'text', (c) => c.notNull())
    .addColumn('entries', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('duty_submissions_month_unit_unique', ['month', 'unit_id'])
    .execute();

  await db.schema
    .createTable('submission_reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('reminded_at', 'text', (c) => c.notNull())
    .addColumn('reminded_by_user_id', 'text')
    .addColumn('reminded_by_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('submission_reminders_month_idx').on('submission_reminders').columns(['month', 'unit_id']).execute();

  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('calendar_feeds_person_idx').on('calendar_feeds').column('person_id').execute();
}
