/** Turns incident rows into API objects and computes an incident's deadlines in one place. */
import {
  INCIDENT_GRADE_LABELS,
  assessReport,
  followUpLabel,
  missingElements,
  needsWrittenSupplement,
  verificationDeadline,
  writtenSupplementDeadline,
  reportDeadline,
  type IncidentGrade,
  type ReportChannel,
} from '../../domain/incidents/index.js';
import { dutyDateOf, formatInstant } from '../../domain/time.js';
import type { AppContext } from '../context.js';
import type { IncidentOrdersTable, IncidentReportsTable, IncidentsTable, IncidentStatus, IncidentStepsTable } from '../db/incidents-tables.js';
import { fromDbBool, fromDbJson } from '../db/sql-values.js';
import { INCIDENT_STATUS_LABELS, timelineLabel } from './incident-workflow.js';

export const CHANNEL_LABELS: Record<ReportChannel, string> = { phone: '电话报告', written: '书面报告', system: '系统报送' };

/**
 * Deadline kinds that are reminded: the written first report, the same-day
 * verification and, for an early sign, the next rolling follow-up.
 */
export type DeadlineKind = 'written_report' | 'verification' | 'follow_up';

export interface IncidentDeadlines {
  reportDeadline: Date;
  reportedLate: boolean;
  delayMinutes: number;
  writtenReportDue: Date;
  verificationDue: Date;
  dutyDate: string;
}

/** Computes every deadline of an incident from its grade, times and channel. */
export function computeDeadlines(
  input: { grade: IncidentGrade; discoveredAt: Date; receivedAt: Date; channel: ReportChannel },
  timeZone: string,
  handoverTime: string,
): IncidentDeadlines {
  const assessment = assessReport({ discoveredAt: input.discoveredAt, receivedAt: input.receivedAt, grade: input.grade });
  const writtenReportDue = needsWrittenSupplement(input.channel)
    ? writtenSupplementDeadline({ discoveredAt: input.discoveredAt, phoneReportedAt: input.receivedAt, grade: input.grade })
    : reportDeadline(input.discoveredAt, input.grade);
  return {
    reportDeadline: assessment.deadline,
    reportedLate: assessment.late,
    delayMinutes: assessment.delayMinutes,
    writtenReportDue,
    verificationDue: verificationDeadline({ discoveredAt: input.discoveredAt, grade: input.grade }, timeZone, { handoverTime }),
    dutyDate: dutyDateOf(input.receivedAt, timeZone, handoverTime),
  };
}

/** "迟报1小时10分钟" for a delay in minutes. */
export function delayText(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  return `${days > 0 ? `${days}天` : ''}${hours > 0 ? `${hours}小时` : ''}${rest > 0 || minutes === 0 ? `${rest}分钟` : ''}`;
}

export function missingElementsOf(row: IncidentsTable): string[] {
  return missingElements({
    grade: row.grade,
    place: row.place,
    facts: row.facts,
    casualties: row.casualties,
    measures: row.measures,
    reporterName: row.reporter_name,
    reporterContact: row.reporter_contact,
    onSiteCommanderName: row.on_site_commander_name,
    onSiteCommanderContact: row.on_site_commander_contact,
    publicOpinion: row.public_opinion,
    background: row.background,
    trend: row.trend,
  });
}

export interface DeadlineView {
  kind: DeadlineKind;
  label: string;
  due: string;
  doneAt: string | null;
}

export interface PersonRef {
  personId: string;
  name: string;
}

export interface IncidentView {
  id: string;
  serialNumber: string;
  title: string;
  unitId: string;
  unitName: string;
  grade: IncidentGrade;
  gradeLabel: string;
  type: string | null;
  earlySign: boolean;
  place: string | null;
  occurredAt: string;
  discoveredAt: string;
  receivedAt: string;
  channel: ReportChannel;
  channelLabel: string;
  reporterName: string | null;
  reporterContact: string | null;
  onSiteCommanderName: string | null;
  onSiteCommanderContact: string | null;
  /** Whether a contact number is stored but withheld from this user. */
  contactsHidden: boolean;
  facts: string | null;
  casualties: string | null;
  trend: string | null;
  measures: string | null;
  publicOpinion: string | null;
  background: string | null;
  attachmentIds: string[];
  reportDeadline: string;
  reportedLate: boolean;
  delayMinutes: number;
  lateLabel: string | null;
  needsWrittenSupplement: boolean;
  writtenReportDue: string;
  writtenReportAt: string | null;
  verificationDue: string;
  verifiedAt: string | null;
  finalReportAt: string | null;
  missingElements: string[];
  deadlines: DeadlineView[];
  followUpCount: number;
  status: IncidentStatus;
  statusLabel: string;
  dutyDate: string;
  commander: PersonRef | null;
  shiftLeader: PersonRef | null;
  officers: PersonRef[];
  summary: { process: string | null; handling: string | null; lessons: string | null };
  createdAt: string;
  updatedAt: string;
}

function personOf(id: string | null, name: string | null): PersonRef | null {
  return id && name ? { personId: id, name } : null;
}

function instantText(value: string | null, timeZone: string): string | null {
  return value ? formatInstant(new Date(value), timeZone) : null;
}

/** Maps a row to the API object; contact numbers are decrypted only when `showContacts`. */
export function toIncidentView(ctx: AppContext, row: IncidentsTable, unitName: string, showContacts: boolean): IncidentView {
  const tz = ctx.config.timeZone;
  const at = (value: string) => formatInstant(new Date(value), tz);
  const phoneFirst = needsWrittenSupplement(row.channel);
  return {
    id: row.id,
    serialNumber: `${row.serial_year}-${String(row.serial_no).padStart(4, '0')}`,
    title: row.title,
    unitId: row.unit_id,
    unitName,
    grade: row.grade,
    gradeLabel: INCIDENT_GRADE_LABELS[row.grade],
    type: row.incident_type,
    earlySign: fromDbBool(row.early_sign),
    place: row.place,
    occurredAt: at(row.occurred_at),
    discoveredAt: at(row.discovered_at),
    receivedAt: at(row.received_at),
    channel: row.channel,
    channelLabel: CHANNEL_LABELS[row.channel],
    reporterName: row.reporter_name,
    reporterContact: showContacts ? ctx.cipher.decryptOptional(row.reporter_contact) : null,
    onSiteCommanderName: row.on_site_commander_name,
    onSiteCommanderContact: showContacts ? ctx.cipher.decryptOptional(row.on_site_commander_contact) : null,
    contactsHidden: !showContacts && Boolean(row.reporter_contact || row.on_site_commander_contact),
    facts: row.facts,
    casualties: row.casualties,
    trend: row.trend,
    measures: row.measures,
    publicOpinion: row.public_opinion,
    background: row.background,
    attachmentIds: fromDbJson<string[]>(row.attachment_ids, []),
    reportDeadline: at(row.report_deadline),
    reportedLate: fromDbBool(row.reported_late),
    delayMinutes: row.delay_minutes,
    lateLabel: fromDbBool(row.reported_late) ? `迟报${delayText(row.delay_minutes)}` : null,
    needsWrittenSupplement: phoneFirst,
    writtenReportDue: at(row.written_report_due),
    writtenReportAt: instantText(row.written_report_at, tz),
    verificationDue: at(row.verification_due),
    verifiedAt: instantText(row.verified_at, tz),
    finalReportAt: instantText(row.final_report_at, tz),
    missingElements: missingElementsOf(row),
    deadlines: deadlinesOf(row).map((deadline) => ({
      kind: deadline.kind,
      label: deadline.label,
      due: at(deadline.due),
      doneAt: instantText(deadline.doneAt, tz),
    })),
    followUpCount: row.follow_up_count,
    status: row.status,
    statusLabel: INCIDENT_STATUS_LABELS[row.status],
    dutyDate: row.duty_date,
    commander: personOf(row.commander_person_id, row.commander_name),
    shiftLeader: personOf(row.shift_leader_person_id, row.shift_leader_name),
    officers: fromDbJson<PersonRef[]>(row.officers, []),
    summary: { process: row.summary_process, handling: row.summary_handling, lessons: row.summary_lessons },
    createdAt: at(row.created_at),
    updatedAt: at(row.updated_at),
  };
}

/** Lists the reminded deadlines of an incident, with when each was met (null while open). */
export function deadlinesOf(row: IncidentsTable): { kind: DeadlineKind; label: string; due: string; doneAt: string | null; reminderKey: string }[] {
  const early = fromDbBool(row.early_sign);
  const deadlines: { kind: DeadlineKind; label: string; due: string; doneAt: string | null; reminderKey: string }[] = [
    { kind: 'written_report', label: needsWrittenSupplement(row.channel) ? '书面补报' : '书面初报', due: row.written_report_due, doneAt: row.written_report_at, reminderKey: 'written_report' },
    { kind: 'verification', label: early ? '核报初步核查结论' : '当天核报', due: row.verification_due, doneAt: row.verified_at, reminderKey: 'verification' },
  ];
  if (early && row.next_follow_up_due && !row.final_report_at) {
    // Each follow-up number is its own deadline, so its reminders are claimed separately.
    const number = row.follow_up_count + 1;
    deadlines.push({ kind: 'follow_up', label: `滚动${followUpLabel(number)}`, due: row.next_follow_up_due, doneAt: null, reminderKey: `follow_up:${number}` });
  }
  return deadlines;
}

/** Hours between rolling follow-ups of an early sign (滚动续报); the rules set no interval, so a day is the default. */
export const DEFAULT_EARLY_SIGN_FOLLOW_UP_HOURS = 24;

/** Returns when the next rolling follow-up of an early sign is due, counted from the last report. */
export function nextFollowUpDue(lastReportAt: Date, hours = DEFAULT_EARLY_SIGN_FOLLOW_UP_HOURS): Date {
  return new Date(lastReportAt.getTime() + hours * 3600_000);
}

export interface TimelineEntry {
  id: string;
  seq: number;
  kind: string;
  label: string;
  at: string;
  actorName: string | null;
  note: string | null;
  data: Record<string, unknown>;
}

export function toTimelineEntry(row: IncidentStepsTable, timeZone: string): TimelineEntry {
  return {
    id: row.id,
    seq: row.seq,
    kind: row.kind,
    label: timelineLabel(row.kind),
    at: formatInstant(new Date(row.at), timeZone),
    actorName: row.actor_name,
    note: row.note,
    data: fromDbJson<Record<string, unknown>>(row.data, {}),
  };
}

export interface ReportView {
  id: string;
  kind: IncidentReportsTable['kind'];
  number: number;
  label: string;
  content: string;
  reportedAt: string;
  createdByName: string | null;
}

export function toReportView(row: IncidentReportsTable, timeZone: string): ReportView {
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    label: row.label,
    content: row.content,
    reportedAt: formatInstant(new Date(row.reported_at), timeZone),
    createdByName: row.created_by_name,
  };
}

export interface OrderView {
  id: string;
  content: string;
  assignee: string;
  issuedByName: string | null;
  issuedAt: string;
  status: 'open' | 'done';
  result: string | null;
  doneAt: string | null;
  doneByName: string | null;
}

export function toOrderView(row: IncidentOrdersTable, timeZone: string): OrderView {
  return {
    id: row.id,
    content: row.content,
    assignee: row.assignee,
    issuedByName: row.issued_by_name,
    issuedAt: formatInstant(new Date(row.issued_at), timeZone),
    status: row.status,
    result: row.result,
    doneAt: instantText(row.done_at, timeZone),
    doneByName: row.done_by_name,
  };
}
