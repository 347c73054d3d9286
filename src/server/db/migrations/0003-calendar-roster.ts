import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('date', 'text', (c) => c.notNull().unique())
    .addColumn('day_type', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sensitive_periods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('rosters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('month', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('generated_at', 'text', (c) => c.notNull())
    .addColumn('generated_by', 'text')
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .addColumn('published_by_name', 'text')
    .addColumn('report_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('roster_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('slot', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('planned_person_id', 'text')
    .addColumn('planned_person_name', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('flag', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('roster_assignments_post_unique', ['date', 'role', 'slot'])
    .execute();
  await db.schema.createIndex('roster_assignments_month_idx').on('roster_assignments').column('month').execute();
  await db.schema.createIndex('roster_assignments_person_idx').on('roster_assignments').columns(['person_id', 'date']).execute();

  await db.schema
    .createTable('roster_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('role', 'text')
    .addColumn('slot', 'integer')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_person_id', 'text')
    .addColumn('from_person_name', 'text')
    .addColumn('to_person_id', 'text')
    .addColumn('to_person_name', 'text')
    .addColumn('request_id', 'text')
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('approved_by_name', 'text')
    .addColumn('note', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('roster_changes_month_idx').on('roster_changes').columns(['month', 'at']).execute();

  await db.schema
    .createTable('duty_leaves')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text')
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .execute();
  await db.schema.createIndex('duty_leaves_person_idx').on('duty_leaves').columns(['person_id', 'from_date']).execute();

  await db.schema
    .createTable('duty_change_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('requester_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('requester_name', 'text', (c) => c.notNull())
    .addColumn('counterpart_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('counterpart_name', 'text', (c) => c.notNull())
    .addColumn('counterpart_date', 'text')
    .addColumn('leave_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('counterpart_agreed_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .execute();
  await db.schema.createIndex('duty_change_requests_status_idx').on('duty_change_requests').columns(['status', 'date']).execute();

  await db.schema
    .createTable('duty_rotation_members')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('joined_on', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('duty_rotation_members_pk', ['person_id', 'role'])
    .execute();

  await db.schema
    .createTable('duty_day_officer_counts')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('officers', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}
