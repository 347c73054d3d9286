/**
 * The duty report (值班报告): drafted from the day's records, edited by the
 * officer, signed by the day's shift leader, revised once after the handover
 * meeting (both versions kept) and sent to the bureau leaders.
 */
import { composeDutyReport, type DutyReportSection } from '../../domain/duty-report/index.js';
import { addDays, formatInstant, zonedInstant, type IsoDate } from '../../domain/time.js';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import type { SessionUser } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import type { DutyReportStatus, DutyReportsTable } from '../db/duty-report-tables.js';
import { fromDbJson, newId, toDbInstant, toDbJson } from '../db/sql-values.js';
import { forbidden, invalidField, invalidState } from '../errors.js';
import { dutyStaffOn } from '../roster/duty-staff.js';
import { collectReportInput } from './report-sources.js';

export const DUTY_REPORT_STATUS_LABELS: Readonly<Record<DutyReportStatus | 'none', string>> = {
  none: '未起草',
  draft: '草稿',
  signed: '值班长已签字',
  revised: '交接班后已修改',
  sent: '已报送局领导',
};

export interface DutyReportVersionView {
  version: number;
  kind: 'signed' | 'revised';
  createdAt: string;
  createdBy: string;
  sections: DutyReportSection[];
}

export interface DutyReportView {
  date: IsoDate;
  status: DutyReportStatus | 'none';
  statusLabel: string;
  staffRows: string[][];
  sections: DutyReportSection[];
  /** The draft freshly composed from the records, to compare or restore sections. */
  generated: DutyReportSection[];
  shiftLeader: { personId: string; name: string } | null;
  draftedBy: string | null;
  signedBy: string | null;
  signedAt: string | null;
  revisedBy: string | null;
  revisedAt: string | null;
  sentAt: string | null;
  sentBy: string | null;
  sentTo: string | null;
  versions: DutyReportVersionView[];
}

const SENT_TO = '局领导';

function formatOptional(value: string | null, timeZone: string): string | null {
  return value ? formatInstant(new Date(value), timeZone) : null;
}

/** Returns the stored report of a duty day, or the system's draft when none is saved yet. */
export async function getDutyReport(ctx: AppContext, db: Executor, date: IsoDate): Promise<DutyReportView> {
  const tz = ctx.config.timeZone;
  const { input, staff } = await collectReportInput(ctx, db, date);
  const draft = composeDutyReport(input);
  const row = await db.selectFrom('duty_reports').selectAll().where('duty_date', '=', date).executeTakeFirst();
  const versions = await db.selectFrom('duty_report_versions').selectAll().where('duty_date', '=', date).orderBy('version').execute();
  return {
    date,
    status: row?.status ?? 'none',
    statusLabel: DUTY_REPORT_STATUS_LABELS[row?.status ?? 'none'],
    staffRows: row ? fromDbJson<string[][]>(row.staff_rows, draft.staffRows) : draft.staffRows,
    sections: row ? fromDbJson<DutyReportSection[]>(row.sections, draft.sections) : draft.sections,
    generated: draft.sections,
    shiftLeader: staff.shiftLeader,
    draftedBy: row?.drafted_by_name ?? null,
    signedBy: row?.signed_by_name ?? null,
    signedAt: formatOptional(row?.signed_at ?? null, tz),
    revisedBy: row?.revised_by_name ?? null,
    revisedAt: formatOptional(row?.revised_at ?? null, tz),
    sentAt: formatOptional(row?.sent_at ?? null, tz),
    sentBy: row?.sent_by_name ?? null,
    sentTo: row?.sent_to ?? null,
    versions: versions.map((version) => ({
      version: Number(version.version),
      kind: version.kind,
      createdAt: formatInstant(new Date(version.created_at), tz),
      createdBy: version.created_by_name,
      sections: fromDbJson<DutyReportSection[]>(version.sections, []),
    })),
  };
}

/** Rejects edited sections whose keys differ from the draft's keys or their order, and takes the headings from the draft. */
function checkSections(sections: DutyReportSection[], expected: DutyReportSection[]): DutyReportSection[] {
  const keys = expected.map((section) => section.key);
  const given = sections.map((section) => section.key);
  if (given.length !== keys.length || given.some((key, index) => key !== keys[index])) {
    throw invalidField('报告栏目', `应为 ${expected.map((section) => section.heading).join('、')} 共 ${keys.length} 栏，顺序不变，请刷新后重新编辑`);
  }
  return sections.map((section, index) => ({ key: section.key, heading: expected[index]!.heading, text: section.text.trim() }));
}

async function loadRow(db: Executor, date: IsoDate): Promise<DutyReportsTable | undefined> {
  return db.selectFrom('duty_reports').selectAll().where('duty_date', '=', date).executeTakeFirst();
}

/** Saves the officer's edited draft; allowed until the shift leader signs. */
export async function saveDutyReportDraft(ctx: AppContext, actor: AuditActor, date: IsoDate, sections: DutyReportSection[]): Promise<DutyReportView> {
  const now = ctx.clock.now();
  const current = await getDutyReport(ctx, ctx.db.kysely, date);
  const checked = checkSections(sections, current.generated);
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const row = await loadRow(trx, date);
    if (row && row.status !== 'draft') throw invalidState('值班长已签字，草稿不能再直接修改；交接班会后请使用“交接班后修改”。');
    const values = { staff_rows: toDbJson(current.staffRows), sections: toDbJson(checked), drafted_by_name: actor.name ?? '未知', updated_at: toDbInstant(now) };
    if (row) await trx.updateTable('duty_reports').set(values).where('duty_date', '=', date).execute();
    else {
      await trx.insertInto('duty_reports').values({
        duty_date: date, status: 'draft', ...values, signed_by_person_id: null, signed_by_name: null, signed_at: null,
        revised_at: null, revised_by_name: null, sent_at: null, sent_by_name: null, sent_to: null, created_at: toDbInstant(now),
      }).execute();
    }
    await appendAudit(trx, actor, { action: 'duty_report.draft_saved', entityType: 'duty_report', entityId: date, summary: `保存 ${date} 值班报告草稿`, after: checked }, now);
  });
  return getDutyReport(ctx, ctx.db.kysely, date);
}

/** Signs the saved draft; only the shift leader of the duty day (after swaps) may. */
export async function signDutyReport(ctx: AppContext, user: SessionUser, actor: AuditActor, date: IsoDate): Promise<DutyReportView> {
  const now = ctx.clock.now();
  const staff = await dutyStaffOn(ctx, ctx.db.kysely, date);
  if (!staff.shiftLeader || staff.shiftLeader.personId !== user.personId) {
    const who = staff.shiftLeader ? `当日值班长${staff.shiftLeader.name}` : '当日值班长';
    throw forbidden(`只有${who}（以换班替班后的值班表为准）才能在 ${date} 的值班报告上签字。`);
  }
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const row = await loadRow(trx, date);
    if (!row) throw invalidState('值班员尚未保存值班报告草稿，请先保存草稿再签字。');
    if (row.status !== 'draft') throw invalidState('值班报告已签字，请勿重复签字。');
    await trx.updateTable('duty_reports').set({
      status: 'signed', signed_by_person_id: user.personId, signed_by_name: staff.shiftLeader!.name, signed_at: toDbInstant(now), updated_at: toDbInstant(now),
    }).where('duty_date', '=', date).execute();
    await trx.insertInto('duty_report_versions').values({
      id: newId(), duty_date: date, version: 1, kind: 'signed', staff_rows: row.staff_rows, sections: row.sections, created_at: toDbInstant(now), created_by_name: staff.shiftLeader!.name,
    }).execute();
    await appendAudit(trx, actor, { action: 'duty_report.signed', entityType: 'duty_report', entityId: date, summary: `值班长${staff.shiftLeader!.name}签字 ${date} 值班报告` }, now);
  });
  return getDutyReport(ctx, ctx.db.kysely, date);
}

/**
 * Revises the signed report once, after the next morning's handover meeting
 * has begun; the signed version stays kept as version 1.
 */
export async function reviseDutyReport(ctx: AppContext, actor: AuditActor, date: IsoDate, sections: DutyReportSection[]): Promise<DutyReportView> {
  const now = ctx.clock.now();
  const current = await getDutyReport(ctx, ctx.db.kysely, date);
  const checked = checkSections(sections, current.generated);
  const meetingStart = zonedInstant(addDays(date, 1), ctx.config.handoverTime, ctx.config.timeZone);
  if (now.getTime() < meetingStart.getTime()) {
    throw invalidState(`交接班会（${addDays(date, 1)} ${ctx.config.handoverTime}）开始后才能根据会议意见修改值班报告。`);
  }
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const row = await loadRow(trx, date);
    if (!row || row.status === 'draft') throw invalidState('值班长签字后才能在交接班后修改；签字前请直接编辑草稿。');
    if (row.status === 'revised') throw invalidState('交接班后只能修改一次，本报告已修改过。');
    if (row.status === 'sent') throw invalidState('值班报告已报送局领导，不能再修改。');
    await trx.updateTable('duty_reports').set({
      status: 'revised', sections: toDbJson(checked), revised_at: toDbInstant(now), revised_by_name: actor.name ?? '未知', updated_at: toDbInstant(now),
    }).where('duty_date', '=', date).execute();
    await trx.insertInto('duty_report_versions').values({
      id: newId(), duty_date: date, version: 2, kind: 'revised', staff_rows: row.staff_rows, sections: toDbJson(checked), created_at: toDbInstant(now), created_by_name: actor.name ?? '未知',
    }).execute();
    await appendAudit(trx, actor, { action: 'duty_report.revised', entityType: 'duty_report', entityId: date, summary: `交接班后修改 ${date} 值班报告`, before: fromDbJson(row.sections, []), after: checked }, now);
  });
  return getDutyReport(ctx, ctx.db.kysely, date);
}

/** Marks the report sent to the bureau leaders; only a signed report may be sent. */
export async function sendDutyReport(ctx: AppContext, actor: AuditActor, date: IsoDate): Promise<DutyReportView> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const row = await loadRow(trx, date);
    if (!row || row.status === 'draft' || !row.signed_at) throw invalidState('值班报告须经当日值班长审核签字后才能报送局领导，请先请值班长签字。');
    if (row.status === 'sent') throw invalidState('值班报告已报送，请勿重复报送。');
    await trx.updateTable('duty_reports').set({ status: 'sent', sent_at: toDbInstant(now), sent_by_name: actor.name ?? '未知', sent_to: SENT_TO, updated_at: toDbInstant(now) }).where('duty_date', '=', date).execute();
    await appendAudit(trx, actor, { action: 'duty_report.sent', entityType: 'duty_report', entityId: date, summary: `${date} 值班报告报送${SENT_TO}` }, now);
  });
  await ctx.events.publish({ type: 'duty_report.sent', title: `${date} 值班报告已报送局领导`, roles: ['bureau_leader'], at: toDbInstant(now) });
  return getDutyReport(ctx, ctx.db.kysely, date);
}
