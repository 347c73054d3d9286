import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';

/** Platforms the regulations name; the center edits the list later. */
const DEFAULT_PLATFORMS = ['戒毒所安防监控平台', '社区矫正信息化监管平台', '视频巡查系统'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('patrol_sites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('check_method', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('patrol_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('patrolled_at', 'text', (c) => c.notNull())
    .addColumn('duty_date', 'text', (c) => c.notNull())
    .addColumn('patroller_role', 'text', (c) => c.notNull())
    .addColumn('patroller_name', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('patrol_records_date_idx').on('patrol_records').column('duty_date').execute();

  await db.schema
    .createTable('patrol_record_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('record_id', 'text', (c) => c.notNull().references('patrol_records.id'))
    .addColumn('site_id', 'text', (c) => c.notNull().references('patrol_sites.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('observation', 'text', (c) => c.notNull())
    .addColumn('has_problem', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attachment_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.createIndex('patrol_record_items_record_idx').on('patrol_record_items').column('record_id').execute();

  await db.schema
    .createTable('night_check_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('date', 'text', (c) => c.notNull().unique())
    .addColumn('seed', 'text', (c) => c.notNull())
    .addColumn('day_type', 'text', (c) => c.notNull())
    .addColumn('major_event', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sample_ratio', 'real', (c) => c.notNull())
    .addColumn('active_sites', 'integer', (c) => c.notNull())
    .addColumn('required_count', 'integer', (c) => c.notNull())
    .addColumn('min_interval_minutes', 'integer', (c) => c.notNull())
    .addColumn('inputs_json', 'text', (c) => c.notNull())
    .addColumn('sites_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('night_check_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('night_check_plans.id'))
    .addColumn('site_id', 'text', (c) => c.notNull().references('patrol_sites.id'))
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('reached', 'integer', (c) => c.notNull())
    .addColumn('answered_by', 'text')
    .addColumn('in_post', 'integer', (c) => c.notNull())
    .addColumn('findings', 'text')
    .addColumn('planned', 'integer', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('night_check_records_plan_idx').on('night_check_records').column('plan_id').execute();

  await db.schema
    .createTable('patrol_problems')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.references('patrol_sites.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('evidence_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('found_by_name', 'text', (c) => c.notNull())
    .addColumn('found_at', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('report_text', 'text')
    .addColumn('report_attachment_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('head_name', 'text')
    .addColumn('head_confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('report_submitted_at', 'text')
    .addColumn('report_submitted_by', 'text')
    .addColumn('verified_by_name', 'text')
    .addColumn('verified_at', 'text')
    .addColumn('verify_note', 'text')
    .addColumn('returned_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reminded_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('patrol_problems_status_idx').on('patrol_problems').columns(['status', 'deadline']).execute();
  await db.schema.createIndex('patrol_problems_unit_idx').on('patrol_problems').column('unit_id').execute();

  await db.schema
    .createTable('roll_call_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('called_at', 'text', (c) => c.notNull())
    .addColumn('caller', 'text', (c) => c.notNull())
    .addColumn('answered_by', 'text', (c) => c.notNull())
    .addColumn('items_json', 'text', (c) => c.notNull())
    .addColumn('remarks', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('roll_call_records_date_idx').on('roll_call_records').column('date').execute();

  await db.schema
    .createTable('rehab_daily_reports')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('inmate_count', 'integer', (c) => c.notNull())
    .addColumn('police_on_duty', 'text', (c) => c.notNull())
    .addColumn('activities', 'text', (c) => c.notNull())
    .addColumn('order_status', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('submitted_by_name', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('supervised_platforms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('platform_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('supervised_platforms.id'))
    .addColumn('duty_date', 'text', (c) => c.notNull())
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('restored_at', 'text')
    .addColumn('restored_note', 'text')
    .addColumn('restored_by_name', 'text')
    .execute();
  await db.schema.createIndex('platform_checks_date_idx').on('platform_checks').columns(['duty_date', 'platform_id']).execute();

  const at = new Date().toISOString();
  const platforms = db as Kysely<{ supervised_platforms: { id: string; name: string; active: number; sort_order: number; created_at: string; updated_at: string } }>;
  for (const [index, name] of DEFAULT_PLATFORMS.entries()) {
    await platforms
      .insertInto('supervised_platforms')
      .values({ id: randomUUID(), name, active: 1, sort_order: index, created_at: at, updated_at: at })
      .execute();
  }
}
