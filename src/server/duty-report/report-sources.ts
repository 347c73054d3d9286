/**
 * Reads one duty day's records from the other modules' tables into the
 * input of composeDutyReport. Only reads; the wording is in the domain.
 */
import { DAY_TYPE_LABELS, DUTY_LEVEL_LABELS, onSiteHoursRequired } from '../../domain/calendar/index.js';
import { DOCUMENT_STATUS_LABELS } from '../../domain/documents/labels.js';
import { onSiteShortfalls, shortfallLine, type DutyReportInput } from '../../domain/duty-report/index.js';
import { INCIDENT_GRADE_LABELS } from '../../domain/incidents/deadlines.js';
import { PLATFORM_STATUS_LABELS, type PlatformStatus } from '../../domain/patrols/labels.js';
import type { IsoDate } from '../../domain/time.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import { toDbInstant } from '../db/sql-values.js';
import { INCIDENT_STATUS_LABELS } from '../incidents/incident-workflow.js';
import { dailyStatusOf } from '../reports/daily-reports.service.js';
import { dutyStaffOn, type FinalRosterDay } from '../roster/duty-staff.js';
import { recordsWithProblems } from '../duty-log/collectors/night-checks.js';
import { dutyDayRange } from '../duty-log/duty-log.service.js';
import { dutyStaffPosts, signinPeriodsByPerson } from '../duty-signin/duty-signin.service.js';

export async function collectReportInput(ctx: AppContext, db: Executor, date: IsoDate): Promise<{ input: DutyReportInput; staff: FinalRosterDay }> {
  const range = dutyDayRange(ctx, date);
  const tz = ctx.config.timeZone;
  const staff = await dutyStaffOn(ctx, db, date);

  const status = await dailyStatusOf(ctx, db, date);
  const unitReports = {
    total: status.summary.total,
    submitted: status.summary.submitted,
    late: status.units.filter((unit) => unit.status === 'late').map((unit) => unit.unitName),
    missing: status.units.filter((unit) => unit.status === 'missing').map((unit) => unit.unitName),
  };

  const items = await db
    .selectFrom('report_items')
    .innerJoin('units', 'units.id', 'report_items.unit_id')
    .select(['report_items.title', 'report_items.occurred_at', 'report_items.created_at', 'report_items.urgent', 'units.name as unit_name'])
    .where('report_items.report_date', '=', date)
    .where('report_items.status', 'in', ['submitted', 'adopted'])
    .orderBy('report_items.created_at')
    .execute();
  const keyItems = items.map((item) => ({ unitName: item.unit_name, title: item.title, at: item.occurred_at ?? item.created_at, urgent: Number(item.urgent) === 1 }));

  const incidentRows = await db
    .selectFrom('incidents')
    .innerJoin('units', 'units.id', 'incidents.unit_id')
    .selectAll('incidents')
    .select('units.name as unit_name')
    .where('incidents.duty_date', '=', date)
    .orderBy('incidents.received_at')
    .execute();
  const firstReports = incidentRows.length === 0 ? [] : await db
    .selectFrom('incident_steps')
    .select(['incident_id', 'at'])
    .where('kind', '=', 'report')
    .where('incident_id', 'in', incidentRows.map((row) => row.id))
    .orderBy('at')
    .execute();
  const incidents = incidentRows.map((row) => ({
    serialNumber: `${row.serial_year}-${String(row.serial_no).padStart(4, '0')}`,
    title: row.title,
    unitName: row.unit_name,
    gradeLabel: INCIDENT_GRADE_LABELS[row.grade],
    statusLabel: INCIDENT_STATUS_LABELS[row.status],
    receivedAt: row.received_at,
    followUps: Number(row.follow_up_count),
    deadlines: [
      { label: '首报', due: row.report_deadline, doneAt: firstReports.find((step) => step.incident_id === row.id)?.at ?? null },
      { label: '书面报告', due: row.written_report_due, doneAt: row.written_report_at },
      { label: '核实', due: row.verification_due, doneAt: row.verified_at },
    ],
  }));

  const documentRows = await db
    .selectFrom('documents')
    .selectAll()
    .where('received_at', '>=', range.from)
    .where('received_at', '<', range.to)
    .where('kind', '!=', 'phone_record')
    .orderBy('received_at')
    .execute();
  const transfers = documentRows.length === 0 ? [] : await db
    .selectFrom('document_transfers')
    .innerJoin('units', 'units.id', 'document_transfers.unit_id')
    .select(['document_transfers.document_id', 'units.name'])
    .where('document_transfers.document_id', 'in', documentRows.map((row) => row.id))
    .execute();
  const documents = documentRows.map((row) => ({
    serial: row.serial,
    title: row.title,
    senderUnit: row.sender_unit,
    receivedAt: row.received_at,
    statusLabel: DOCUMENT_STATUS_LABELS[row.status],
    transferredTo: transfers.filter((transfer) => transfer.document_id === row.id).map((transfer) => transfer.name),
  }));

  const calls = await db
    .selectFrom('phone_records')
    .innerJoin('documents', 'documents.id', 'phone_records.document_id')
    .select(['phone_records.called_at', 'phone_records.caller_unit', 'documents.title'])
    .where('phone_records.called_at', '>=', range.from)
    .where('phone_records.called_at', '<', range.to)
    .orderBy('phone_records.called_at')
    .execute();
  const phoneCalls = calls.map((call) => ({ at: call.called_at, callerUnit: call.caller_unit, summary: call.title }));

  const patrolRows = await db.selectFrom('patrol_records').selectAll().where('duty_date', '=', date).orderBy('patrolled_at').execute();
  const patrolItems = patrolRows.length === 0 ? [] : await db
    .selectFrom('patrol_record_items')
    .innerJoin('patrol_sites', 'patrol_sites.id', 'patrol_record_items.site_id')
    .select(['patrol_record_items.record_id', 'patrol_record_items.has_problem', 'patrol_record_items.observation', 'patrol_sites.name'])
    .where('patrol_record_items.record_id', 'in', patrolRows.map((row) => row.id))
    .execute();
  const patrols = patrolRows.map((row) => {
    const own = patrolItems.filter((item) => item.record_id === row.id);
    return {
      at: row.patrolled_at,
      patroller: row.patroller_name,
      sites: own.length,
      problems: own.filter((item) => Number(item.has_problem) === 1).map((item) => `${item.name}，${item.observation}`),
    };
  });

  const plan = await db.selectFrom('night_check_plans').select(['id', 'required_count']).where('date', '=', date).executeTakeFirst();
  const checkRows = await db
    .selectFrom('night_check_records')
    .innerJoin('patrol_sites', 'patrol_sites.id', 'night_check_records.site_id')
    .select(['night_check_records.id', 'night_check_records.checked_at', 'night_check_records.reached', 'night_check_records.in_post', 'night_check_records.findings', 'night_check_records.site_id', 'patrol_sites.name'])
    .where('night_check_records.checked_at', '>=', range.from)
    .where('night_check_records.checked_at', '<', range.to)
    .orderBy('night_check_records.checked_at')
    .execute();
  const withProblem = await recordsWithProblems(db, checkRows.map((row) => row.id));
  const nightChecks = {
    planned: plan ? Number(plan.required_count) : 0,
    done: new Set(checkRows.map((row) => row.site_id)).size,
    reached: checkRows.filter((row) => Number(row.reached) === 1).length,
    problems: checkRows
      .filter((row) => Number(row.reached) !== 1 || Number(row.in_post) !== 1 || withProblem.has(row.id))
      .map((row) => ({
        at: row.checked_at,
        siteName: row.name,
        findings: row.findings ?? (Number(row.reached) !== 1 ? '电话未接通' : '值班人员不在岗'),
      })),
  };

  const rollRows = await db.selectFrom('roll_call_records').selectAll().where('date', '=', date).orderBy('called_at').execute();
  const rollCalls = rollRows.map((row) => ({ at: row.called_at, caller: row.caller, answeredBy: row.answered_by }));

  const platformRows = await db
    .selectFrom('platform_checks')
    .innerJoin('supervised_platforms', 'supervised_platforms.id', 'platform_checks.platform_id')
    .select(['platform_checks.checked_at', 'platform_checks.status', 'platform_checks.note', 'supervised_platforms.name'])
    .where('platform_checks.duty_date', '=', date)
    .orderBy('platform_checks.checked_at')
    .execute();
  const platformChecks = platformRows.map((row) => ({
    at: row.checked_at,
    platformName: row.name,
    statusLabel: PLATFORM_STATUS_LABELS[row.status as PlatformStatus] ?? row.status,
    note: row.note,
  }));

  const instructionRows = await db
    .selectFrom('leader_instructions')
    .select(['leader_name', 'text'])
    .where('passed_down_at', '>=', range.from)
    .where('passed_down_at', '<', range.to)
    .orderBy('passed_down_at')
    .execute();
  const instructions = instructionRows.map((row) => ({ leaderName: row.leader_name, text: row.text }));

  const now = ctx.clock.now();
  const posts = dutyStaffPosts(staff);
  const periods = await signinPeriodsByPerson(db, date);
  // Hours can only fall short once the duty day is over; before that the report states that the check is pending.
  const shortfalls = now.getTime() < range.end.getTime()
    ? null
    : onSiteShortfalls(posts, periods, onSiteHoursRequired(staff.dutyLevel), range, now)
      .filter((row) => row.shortfall > 0)
      .map(shortfallLine);

  const handoverMatters = [
    ...incidentRows.filter((row) => row.status !== 'archived').map((row) => `继续跟踪突发案事件“${row.title}”（${INCIDENT_STATUS_LABELS[row.status]}）。`),
    ...documents.filter((row) => row.statusLabel === DOCUMENT_STATUS_LABELS.awaiting_signature).map((row) => `督促签收文电《${row.title}》。`),
    ...nightChecks.problems.map((problem) => `督促${problem.siteName}整改夜查问题：${problem.findings}。`),
    ...patrols.flatMap((patrol) => patrol.problems.map((problem) => `督促整改视频巡查问题：${problem}。`)),
    ...(unitReports.missing.length > 0 ? [`核实${unitReports.missing.join('、')}未报送原因。`] : []),
  ];

  const input: DutyReportInput = {
    date,
    timeZone: tz,
    dayTypeLabel: DAY_TYPE_LABELS[staff.dayType],
    dutyLevelLabel: DUTY_LEVEL_LABELS[staff.dutyLevel],
    dayName: staff.name,
    staff: { commander: staff.commander?.name ?? null, shiftLeader: staff.shiftLeader?.name ?? null, officers: staff.officers.map((officer) => officer.name) },
    unitReports,
    keyItems,
    incidents,
    documents,
    phoneCalls,
    patrols,
    nightChecks,
    rollCalls,
    platformChecks,
    instructions,
    shortfalls,
    handoverMatters,
    now: toDbInstant(now),
  };
  return { input, staff };
}
