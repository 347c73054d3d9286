import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('serial_year', 'integer', (c) => c.notNull())
    .addColumn('serial_no', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('incident_type', 'text')
    .addColumn('early_sign', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('place', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('discovered_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('reporter_name', 'text')
    .addColumn('reporter_contact', 'text')
    .addColumn('on_site_commander_name', 'text')
    .addColumn('on_site_commander_contact', 'text')
    .addColumn('facts', 'text')
    .addColumn('casualties', 'text')
    .addColumn('trend', 'text')
    .addColumn('measures', 'text')
    .addColumn('public_opinion', 'text')
    .addColumn('background', 'text')
    .addColumn('attachment_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('report_deadline', 'text', (c) => c.notNull())
    .addColumn('reported_late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('delay_minutes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('written_report_due', 'text', (c) => c.notNull())
    .addColumn('written_report_at', 'text')
    .addColumn('verification_due', 'text', (c) => c.notNull())
    .addColumn('verified_at', 'text')
    .addColumn('final_report_at', 'text')
    .addColumn('follow_up_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_follow_up_due', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('duty_date', 'text', (c) => c.notNull())
    .addColumn('commander_person_id', 'text')
    .addColumn('commander_name', 'text')
    .addColumn('shift_leader_person_id', 'text')
    .addColumn('shift_leader_name', 'text')
    .addColumn('officers', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('summary_process', 'text')
    .addColumn('summary_handling', 'text')
    .addColumn('summary_lessons', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('incidents_serial_unique', ['serial_year', 'serial_no'])
    .execute();
  await db.schema.createIndex('incidents_status_idx').on('incidents').columns(['status', 'received_at']).execute();
  await db.schema.createIndex('incidents_unit_idx').on('incidents').column('unit_id').execute();
  await db.schema.createIndex('incidents_duty_date_idx').on('incidents').column('duty_date').execute();

  await db.schema
    .createTable('incident_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('note', 'text')
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addUniqueConstraint('incident_steps_seq_unique', ['incident_id', 'seq'])
    .execute();

  await db.schema
    .createTable('incident_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('incident_reports_seq_unique', ['incident_id', 'seq'])
    .execute();

  await db.schema
    .createTable('incident_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('assignee', 'text', (c) => c.notNull())
    .addColumn('issued_by_name', 'text')
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('done_at', 'text')
    .addColumn('done_by_name', 'text')
    .execute();
  await db.schema.createIndex('incident_orders_incident_idx').on('incident_orders').column('incident_id').execute();

  await db.schema
    .createTable('incident_reminders')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('deadline_kind', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('fired_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_reminders_pk', ['incident_id', 'deadline_kind', 'stage'])
    .execute();

  await db.schema
    .createTable('live_event_payloads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('live_event_payloads_created_idx').on('live_event_payloads').column('created_at').execute();
}
