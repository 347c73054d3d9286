import type { Kysely } from 'kysely';

/**
 * One lock row per unit and report date. Submissions update it inside their
 * transaction, so concurrent submissions of one unit-day run one after another
 * on SQLite and PostgreSQL alike. Also stores a hash of each submission's body
 * to tell a retry from a reused idempotency key.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('daily_report_days')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('report_date', 'text', (c) => c.notNull())
    .addColumn('zero_report_id', 'text')
    .addColumn('first_submitted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('daily_report_days_pk', ['unit_id', 'report_date'])
    .execute();

  await db.schema.alterTable('daily_reports').addColumn('request_hash', 'text').execute();
}
