/**
 * The bulletin 《司法要情》 is composed from a day's adopted items grouped by
 * category and numbered per year without gaps. The duty officer edits it,
 * the shift leader reviews it, that day's duty commander signs it off (签发),
 * and then it is marked as sent to the provincial center.
 */
import { BULLETIN_STATUS_LABELS, composeBulletin, REPORT_CATEGORY_LABELS, type BulletinStatus, type ReportCategory } from '../../domain/reports/index.js';
import { formatInstant, type IsoDate } from '../../domain/time.js';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import type { SessionUser } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import type { BulletinsTable } from '../db/reports-tables.js';
import { nextSequenceValue } from '../db/sequences.js';
import { fromDbJson, newId, toDbInstant, toDbJson } from '../db/sql-values.js';
import { AppError, forbidden, invalidState, notFound } from '../errors.js';
import { buildOfficialDocument, type OfficialDocumentBlock } from '../exports/official-document.js';
import { dutyStaffOn } from '../roster/duty-staff.js';
import { formatOptionalInstant } from '../reports/report-item-view.js';

export interface BulletinItem {
  itemId: string | null;
  title: string;
  content: string;
  unitName: string;
}

export interface BulletinSectionBody {
  category: ReportCategory;
  /** Category label without its number; the document numbers headings 一、二、… */
  heading: string;
  items: BulletinItem[];
}

export interface BulletinView {
  id: string;
  year: number;
  issueNumber: number;
  issueLabel: string;
  date: IsoDate;
  title: string;
  sections: BulletinSectionBody[];
  status: BulletinStatus;
  statusLabel: string;
  editedBy: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  signedBy: string | null;
  signedAt: string | null;
  sentAt: string | null;
  createdAt: string;
  updatedAt: string;
}

function toView(row: BulletinsTable, timeZone: string): BulletinView {
  return {
    id: row.id,
    year: row.year,
    issueNumber: row.issue_number,
    issueLabel: `${row.year}年第${row.issue_number}期`,
    date: row.report_date,
    title: row.title,
    sections: fromDbJson<BulletinSectionBody[]>(row.body, []),
    status: row.status,
    statusLabel: BULLETIN_STATUS_LABELS[row.status],
    editedBy: row.edited_by_name,
    reviewedBy: row.reviewed_by_name,
    reviewedAt: formatOptionalInstant(row.reviewed_at, timeZone),
    signedBy: row.signed_by_name,
    signedAt: formatOptionalInstant(row.signed_at, timeZone),
    sentAt: formatOptionalInstant(row.sent_at, timeZone),
    createdAt: formatInstant(new Date(row.created_at), timeZone),
    updatedAt: formatInstant(new Date(row.updated_at), timeZone),
  };
}

async function requireBulletin(db: Executor, id: string): Promise<BulletinsTable> {
  const row = await db.selectFrom('bulletins').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('《司法要情》');
  return row;
}

export function defaultBulletinTitle(date: IsoDate): string {
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  return `全市司法行政系统${month}月${day}日要情信息汇总`;
}

/** Composes the sections of a date from its adopted items. */
export async function composeSections(db: Executor, date: IsoDate, year: number, issueNumber: number): Promise<BulletinSectionBody[]> {
  const rows = await db
    .selectFrom('report_items')
    .innerJoin('units', 'units.id', 'report_items.unit_id')
    .select(['report_items.id', 'category', 'title', 'content', 'report_items.created_at', 'report_items.position', 'units.name as unit_name'])
    .where('report_date', '=', date)
    .where('status', '=', 'adopted')
    .execute();
  // Items of one submission share created_at, so their position breaks the tie by a millisecond.
  const composition = composeBulletin(
    year,
    issueNumber,
    rows.map((row) => ({ id: row.id, category: row.category as ReportCategory, title: row.title, content: row.content, unitName: row.unit_name, submittedAt: new Date(new Date(row.created_at).getTime() + row.position) })),
  );
  return composition.sections.map((section) => ({
    category: section.category,
    heading: REPORT_CATEGORY_LABELS[section.category],
    items: section.items.map((item) => ({ itemId: item.id, title: item.title, content: item.content, unitName: item.unitName })),
  }));
}

/** Creates the issue of a date with the next number of its year (第N期, gap-free). */
export async function createBulletin(ctx: AppContext, actor: AuditActor, date: IsoDate): Promise<BulletinView> {
  const now = ctx.clock.now();
  const id = newId();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('bulletins').select(['year', 'issue_number']).where('report_date', '=', date).executeTakeFirst();
    if (existing) throw new AppError('DUPLICATE', `${date} 的《司法要情》已编制（${existing.year}年第${existing.issue_number}期），请打开后编辑。`);
    const year = Number(date.slice(0, 4));
    const issueNumber = await nextSequenceValue(trx, `bulletin-${year}`);
    const sections = await composeSections(trx, date, year, issueNumber);
    await trx
      .insertInto('bulletins')
      .values({
        id,
        year,
        issue_number: issueNumber,
        report_date: date,
        title: defaultBulletinTitle(date),
        body: toDbJson(sections),
        status: 'draft',
        edited_by_name: actor.name ?? '',
        reviewed_by_name: null,
        reviewed_at: null,
        signed_by_person_id: null,
        signed_by_name: null,
        signed_at: null,
        sent_at: null,
        created_at: toDbInstant(now),
        updated_at: toDbInstant(now),
      })
      .execute();
    await appendAudit(trx, actor, { action: 'bulletin.create', entityType: 'bulletin', entityId: id, summary: `编制《司法要情》${year}年第${issueNumber}期（${date}）` }, now);
  });
  return getBulletin(ctx, id);
}

export async function getBulletin(ctx: AppContext, id: string): Promise<BulletinView> {
  return toView(await requireBulletin(ctx.db.kysely, id), ctx.config.timeZone);
}

export async function listBulletins(ctx: AppContext, year: number): Promise<BulletinView[]> {
  const rows = await ctx.db.kysely.selectFrom('bulletins').selectAll().where('year', '=', year).orderBy('issue_number', 'desc').execute();
  return rows.map((row) => toView(row, ctx.config.timeZone));
}

/** Saves the officer's edits; editing a reviewed issue sends it back to review. */
export async function updateBulletin(ctx: AppContext, actor: AuditActor, id: string, input: { title: string; sections: BulletinSectionBody[] }): Promise<BulletinView> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const row = await requireBulletin(trx, id);
    if (row.status === 'signed' || row.status === 'sent') throw invalidState('《司法要情》已签发，不能再修改。');
    await trx
      .updateTable('bulletins')
      .set({ title: input.title, body: toDbJson(input.sections), status: 'draft', edited_by_name: actor.name ?? '', reviewed_by_name: null, reviewed_at: null, updated_at: toDbInstant(now) })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, actor, { action: 'bulletin.update', entityType: 'bulletin', entityId: id, summary: `修改《司法要情》${row.year}年第${row.issue_number}期`, before: { title: row.title }, after: { title: input.title } }, now);
  });
  return getBulletin(ctx, id);
}

/** Recomposes the sections from the currently adopted items (after late adoptions). */
export async function recomposeBulletin(ctx: AppContext, actor: AuditActor, id: string): Promise<BulletinView> {
  const row = await requireBulletin(ctx.db.kysely, id);
  const sections = await composeSections(ctx.db.kysely, row.report_date, row.year, row.issue_number);
  return updateBulletin(ctx, actor, id, { title: row.title, sections });
}

export async function reviewBulletin(ctx: AppContext, actor: AuditActor, id: string): Promise<BulletinView> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const row = await requireBulletin(trx, id);
    if (row.status !== 'draft') throw invalidState(`《司法要情》当前状态为“${BULLETIN_STATUS_LABELS[row.status]}”，只有编辑中的期次可以审核。`);
    await trx.updateTable('bulletins').set({ status: 'reviewed', reviewed_by_name: actor.name, reviewed_at: toDbInstant(now), updated_at: toDbInstant(now) }).where('id', '=', id).execute();
    await appendAudit(trx, actor, { action: 'bulletin.review', entityType: 'bulletin', entityId: id, summary: `值班长审核《司法要情》${row.year}年第${row.issue_number}期` }, now);
  });
  return getBulletin(ctx, id);
}

/** Signs an issue off (签发). Only the duty commander on the roster for the issue's date may sign. */
export async function signBulletin(ctx: AppContext, user: SessionUser, actor: AuditActor, id: string): Promise<BulletinView> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const row = await requireBulletin(trx, id);
    if (row.status !== 'reviewed') throw invalidState(`《司法要情》当前状态为“${BULLETIN_STATUS_LABELS[row.status]}”，须经值班长审核后才能签发。`);
    const staff = await dutyStaffOn(ctx, trx, row.report_date);
    if (!staff.commander) throw forbidden(`${row.report_date} 没有排定值班指挥长，请先在排班中安排当日值班指挥长后再签发。`);
    if (!user.personId || staff.commander.personId !== user.personId) {
      throw forbidden(`只有 ${row.report_date} 的值班指挥长${staff.commander.name}可以签发本期《司法要情》。`);
    }
    await trx
      .updateTable('bulletins')
      .set({ status: 'signed', signed_by_person_id: user.personId, signed_by_name: staff.commander.name, signed_at: toDbInstant(now), updated_at: toDbInstant(now) })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, actor, { action: 'bulletin.sign', entityType: 'bulletin', entityId: id, summary: `签发《司法要情》${row.year}年第${row.issue_number}期` }, now);
  });
  return getBulletin(ctx, id);
}

/** Marks a signed issue as sent to the provincial center (报省厅指挥中心) at a time. */
export async function markBulletinSent(ctx: AppContext, actor: AuditActor, id: string, sentAt: Date | null): Promise<BulletinView> {
  const now = ctx.clock.now();
  const at = sentAt ?? now;
  if (at.getTime() > now.getTime()) throw new AppError('VALIDATION_FAILED', '「报送时间」不能晚于当前时间，请修改。');
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const row = await requireBulletin(trx, id);
    if (row.status !== 'signed') throw invalidState(`《司法要情》当前状态为“${BULLETIN_STATUS_LABELS[row.status]}”，签发后才能报送省厅。`);
    await trx.updateTable('bulletins').set({ status: 'sent', sent_at: toDbInstant(at), updated_at: toDbInstant(now) }).where('id', '=', id).execute();
    await appendAudit(trx, actor, { action: 'bulletin.send', entityType: 'bulletin', entityId: id, summary: `《司法要情》${row.year}年第${row.issue_number}期已报省厅指挥中心` }, now);
  });
  return getBulletin(ctx, id);
}

/** Builds the Word document of an issue in the official layout. */
export async function bulletinDocument(ctx: AppContext, id: string): Promise<{ fileName: string; content: Buffer }> {
  const bulletin = await getBulletin(ctx, id);
  const center = await ctx.db.kysely.selectFrom('units').select('name').where('kind', '=', 'command_center').executeTakeFirst();
  const organ = center?.name ?? '局指挥中心';

  const blocks: OfficialDocumentBlock[] = [];
  for (const section of bulletin.sections) {
    blocks.push({ kind: 'heading1', text: section.heading });
    for (const item of section.items) {
      blocks.push({ kind: 'heading2', text: item.title });
      blocks.push({ kind: 'paragraph', text: `${item.content}（${item.unitName}报送）` });
    }
  }
  if (blocks.length === 0) blocks.push({ kind: 'paragraph', text: '当日各单位均无事报平安，无要情信息。' });

  const content = await buildOfficialDocument({
    header: {
      title: '司法要情',
      issueNumber: `第${bulletin.issueNumber}期`,
      organ: `${organ}编`,
      date: bulletin.date,
      ...(bulletin.signedBy ? { issuer: bulletin.signedBy } : {}),
    },
    title: bulletin.title,
    blocks,
    footer: { copyTo: ['省司法厅指挥中心'], printedBy: organ, printedDate: bulletin.date },
  });
  return { fileName: `司法要情${bulletin.year}年第${bulletin.issueNumber}期.docx`, content };
}
