/**
 * The month's roster as offices print it: an Excel file (A4 landscape, one
 * row per duty day, bordered) and the same rows for the web print view. The
 * rows are the final roster, after approved swaps and substitutions. Phone
 * numbers appear only for roles that may read them, and each such read is audited.
 */
import ExcelJS from 'exceljs';
import { DAY_TYPE_LABELS, DUTY_LEVEL_LABELS, type DayType, type DutyLevel } from '../../domain/calendar/index.js';
import { formatInstant, monthBounds, weekday, type IsoDate } from '../../domain/time.js';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import { notFound } from '../errors.js';
import { finalRosterForRange } from './duty-staff.js';

const WEEKDAY_LABELS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** Column headers of the sheet, in order; the import reads the same names. */
export const rosterSheetColumns = ['日期', '星期', '日类型', '值班等级', '值班指挥长', '值班长', '值班员'] as const;
export const rosterPhoneColumns = ['值班指挥长电话', '值班长电话', '值班员电话'] as const;

export interface RosterSheetPerson {
  personId: string;
  name: string;
  /** Mobile number, only when the reader may see phones. */
  phone: string | null;
}

export interface RosterSheetRow {
  date: IsoDate;
  /** e.g. "3月1日". */
  dateLabel: string;
  weekdayLabel: string;
  dayType: DayType;
  dayTypeLabel: string;
  dutyLevel: DutyLevel;
  dutyLevelLabel: string;
  commander: RosterSheetPerson | null;
  shiftLeader: RosterSheetPerson | null;
  officers: RosterSheetPerson[];
}

export interface RosterSheet {
  month: string;
  title: string;
  centerName: string;
  status: 'draft' | 'published';
  withPhones: boolean;
  generatedAt: string;
  rows: RosterSheetRow[];
}

/** Returns "海口市司法局指挥中心2026年3月值班表" for the center's configured name. */
export function rosterTitle(centerName: string, month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return `${centerName}${year}年${monthNumber}月值班表`;
}

export function dateLabel(date: IsoDate): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

export async function centerName(db: Executor): Promise<string> {
  const center = await db.selectFrom('units').select('name').where('kind', '=', 'command_center').orderBy('sort_order').executeTakeFirst();
  return center?.name ?? '指挥中心';
}

/**
 * Loads the rows of a month's roster. With `withPhones` the people's mobile
 * numbers are decrypted and the read is written to the audit log for `actor`.
 */
export async function loadRosterSheet(ctx: AppContext, db: Executor, month: string, options: { withPhones: boolean; actor: AuditActor }): Promise<RosterSheet> {
  const roster = await db.selectFrom('rosters').select(['status']).where('month', '=', month).executeTakeFirst();
  if (!roster) throw notFound(`${month}的排班（尚未生成）`);
  const { first, last } = monthBounds(month);
  const days = await finalRosterForRange(ctx, db, first, last);
  const name = await centerName(db);

  const personIds = [...new Set(days.flatMap((day) => [day.commander, day.shiftLeader, ...day.officers]).filter((slot) => slot !== null).map((slot) => slot.personId))];
  const phones = new Map<string, string | null>();
  if (options.withPhones && personIds.length > 0) {
    const rows = await db.selectFrom('people').select(['id', 'mobile_phone']).where('id', 'in', personIds).execute();
    for (const row of rows) phones.set(row.id, ctx.cipher.decryptOptional(row.mobile_phone));
  }
  const person = (slot: { personId: string; name: string } | null): RosterSheetPerson | null =>
    slot ? { personId: slot.personId, name: slot.name, phone: options.withPhones ? (phones.get(slot.personId) ?? null) : null } : null;

  if (options.withPhones && personIds.length > 0) {
    await appendAudit(db, options.actor, {
      action: 'confidential.read',
      entityType: 'person_phone',
      entityId: month,
      summary: `查看${month}值班表中值班人员的电话号码（${personIds.length}人）`,
      after: { personIds },
    }, ctx.clock.now());
  }

  return {
    month,
    title: rosterTitle(name, month),
    centerName: name,
    status: roster.status,
    withPhones: options.withPhones,
    generatedAt: formatInstant(ctx.clock.now(), ctx.config.timeZone),
    rows: days.map((day) => ({
      date: day.date,
      dateLabel: dateLabel(day.date),
      weekdayLabel: WEEKDAY_LABELS[weekday(day.date)]!,
      dayType: day.dayType,
      dayTypeLabel: day.name ? `${DAY_TYPE_LABELS[day.dayType]}（${day.name}）` : DAY_TYPE_LABELS[day.dayType],
      dutyLevel: day.dutyLevel,
      dutyLevelLabel: DUTY_LEVEL_LABELS[day.dutyLevel],
      commander: person(day.commander),
      shiftLeader: person(day.shiftLeader),
      officers: day.officers.map((officer) => person(officer)!),
    })),
  };
}

const thinBorder: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Builds the .xlsx: title row, header row, one bordered row per day, A4 landscape fitted to one page wide. */
export async function buildRosterWorkbook(sheetData: RosterSheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = sheetData.centerName;
  const sheet = workbook.addWorksheet('值班表', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: '1:2',
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', ySplit: 2 }],
  });

  const headers: string[] = [...rosterSheetColumns, ...(sheetData.withPhones ? rosterPhoneColumns : [])];
  const widths = [12, 9, 22, 16, 14, 14, 26, ...(sheetData.withPhones ? [16, 16, 30] : [])];
  sheet.columns = widths.map((width) => ({ width }));

  const title = sheetData.status === 'draft' ? `${sheetData.title}（草稿）` : sheetData.title;
  sheet.addRow([title]);
  sheet.mergeCells(1, 1, 1, headers.length);
  const titleCell = sheet.getCell(1, 1);
  titleCell.font = { name: '方正小标宋简体', size: 18, bold: true };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 36;

  const headerRow = sheet.addRow(headers);
  headerRow.height = 22;
  headerRow.eachCell((cell) => {
    cell.font = { name: '黑体', size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = thinBorder;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  });

  for (const row of sheetData.rows) {
    const values: string[] = [
      row.dateLabel,
      row.weekdayLabel,
      row.dayTypeLabel,
      row.dutyLevelLabel,
      row.commander?.name ?? '',
      row.shiftLeader?.name ?? '',
      row.officers.map((officer) => officer.name).join('、'),
    ];
    if (sheetData.withPhones) {
      values.push(row.commander?.phone ?? '', row.shiftLeader?.phone ?? '', row.officers.map((officer) => officer.phone ?? '').filter((phone) => phone !== '').join('、'));
    }
    const added = sheet.addRow(values);
    added.height = 20;
    const restDay = row.dayType !== 'workday' && row.dayType !== 'makeup_workday';
    added.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { name: '仿宋_GB2312', size: 11 };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = thinBorder;
      if (restDay) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    });
  }

  const footer = sheet.addRow([`制表：${sheetData.centerName}　　导出时间：${sheetData.generatedAt.slice(0, 16).replace('T', ' ')}`]);
  sheet.mergeCells(footer.number, 1, footer.number, headers.length);
  footer.getCell(1).font = { name: '仿宋_GB2312', size: 10 };
  footer.getCell(1).alignment = { horizontal: 'right' };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
