/**
 * Import of a roster prepared by hand in Excel, into a month that has no
 * roster yet or only a draft. Every row is checked first; when any row is
 * invalid nothing is imported and the user gets the problems by row number.
 * The sheet layout is the export's, so an exported draft can be edited and
 * imported again (title row optional, phone columns ignored).
 */
import ExcelJS from 'exceljs';
import { addDays, datesBetween, isIsoDate, monthBounds, type IsoDate } from '../../domain/time.js';
import { DUTY_ROLE_LABELS, type DutyRole } from '../../domain/roster/index.js';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import type { AssignmentRole } from '../db/calendar-roster-tables.js';
import { fromDbJson, newId, toDbInstant, toDbJson } from '../db/sql-values.js';
import { AppError, invalidState } from '../errors.js';
import type { DutyRole as PersonDutyRole } from '../../shared/roles.js';
import { dateLabel } from './roster-export.js';
import { insertChange, insertPost } from './roster.service.js';
import { loadApprovedLeave } from './rotation.js';

export interface RosterImportProblem {
  row: number;
  field: string;
  message: string;
}

interface ImportedDay {
  row: number;
  date: IsoDate;
  commander: { personId: string; name: string };
  shiftLeader: { personId: string; name: string };
  officers: { personId: string; name: string }[];
}

const personRoleOf: Record<DutyRole, PersonDutyRole> = { commander: 'commander', shiftLeader: 'shift_leader', officer: 'officer' };

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('result' in value && value.result !== undefined) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('').trim();
  }
  return String(value).trim();
}

/** Reads "2026-03-01", "2026/3/1" or "3月1日" (in `month`) as a date; null when unreadable. */
export function parseSheetDate(text: string, month: string): IsoDate | null {
  const full = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (full) {
    const date = `${full[1]}-${full[2]!.padStart(2, '0')}-${full[3]!.padStart(2, '0')}`;
    return isIsoDate(date) ? date : null;
  }
  const short = /^(\d{1,2})月(\d{1,2})日$/.exec(text);
  if (short) {
    const date = `${month.slice(0, 4)}-${short[1]!.padStart(2, '0')}-${short[2]!.padStart(2, '0')}`;
    return isIsoDate(date) ? date : null;
  }
  return null;
}

/** Splits a cell of several names ("王晓明、李婷"). */
function splitNames(text: string): string[] {
  return text.split(/[、,，;；\s]+/).filter((part) => part !== '');
}

async function eligibleByName(db: Executor): Promise<Record<DutyRole, Map<string, { personId: string; name: string }[]>>> {
  const people = await db.selectFrom('people').select(['id', 'name', 'duty_roles']).where('active', '=', 1).execute();
  const result: Record<DutyRole, Map<string, { personId: string; name: string }[]>> = { commander: new Map(), shiftLeader: new Map(), officer: new Map() };
  for (const person of people) {
    const roles = fromDbJson<PersonDutyRole[]>(person.duty_roles, []);
    for (const role of ['commander', 'shiftLeader', 'officer'] as const) {
      if (!roles.includes(personRoleOf[role])) continue;
      const list = result[role].get(person.name) ?? [];
      list.push({ personId: person.id, name: person.name });
      result[role].set(person.name, list);
    }
  }
  return result;
}

/** Parses and checks the sheet against the month; returns the days or the list of problems. */
export async function parseRosterSheet(db: Executor, month: string, file: Buffer): Promise<{ days: ImportedDay[]; problems: RosterImportProblem[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new AppError('IMPORT_FAILED', '无法读取文件，请上传 Excel（.xlsx）格式的值班表，可先导出本月值班表作为模板。');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('IMPORT_FAILED', '文件中没有工作表，请按导出的值班表格式填写。');

  let headerRowNumber = 0;
  let header: string[] = [];
  for (let rowNumber = 1; rowNumber <= Math.min(5, sheet.rowCount); rowNumber += 1) {
    const values = (sheet.getRow(rowNumber).values as ExcelJS.CellValue[]).slice(1).map(cellText);
    if (values.includes('日期')) {
      headerRowNumber = rowNumber;
      header = values;
      break;
    }
  }
  const required = ['日期', '值班指挥长', '值班长', '值班员'];
  const missingColumns = required.filter((name) => !header.includes(name));
  if (headerRowNumber === 0 || missingColumns.length > 0) {
    const missing = headerRowNumber === 0 ? required : missingColumns;
    throw new AppError('IMPORT_FAILED', `表头缺少列：${missing.join('、')}，请按导出的值班表格式填写。`, { rows: [{ row: headerRowNumber || 1, field: '表头', message: `缺少列：${missing.join('、')}` }] });
  }
  const column = (name: string) => header.indexOf(name) + 1;

  const { first, last } = monthBounds(month);
  const eligible = await eligibleByName(db);
  const leave = await loadApprovedLeave(db, first, last);
  const problems: RosterImportProblem[] = [];
  const days: ImportedDay[] = [];
  const rowOfDate = new Map<IsoDate, number>();

  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= headerRowNumber) return;
    const text = (name: string) => cellText(row.getCell(column(name)).value);
    const dateText = text('日期');
    const names = { commander: text('值班指挥长'), shiftLeader: text('值班长'), officer: text('值班员') };
    if (dateText === '' && names.commander === '' && names.shiftLeader === '' && names.officer === '') return;
    // The export's footer line ("制表：…") sits in the first column of a merged row.
    if (dateText.startsWith('制表')) return;
    const problem = (field: string, message: string) => problems.push({ row: rowNumber, field, message });

    const date = parseSheetDate(dateText, month);
    if (dateText === '') problem('日期', '不能为空');
    else if (!date) problem('日期', `“${dateText}”不是有效日期，应填写如“3月1日”或“2026-03-01”`);
    else if (date < first || date > last) problem('日期', `${date}不在${month}月内`);
    else if (rowOfDate.has(date)) problem('日期', `${dateLabel(date)}与第${rowOfDate.get(date)}行重复`);
    if (date) rowOfDate.set(date, rowOfDate.get(date) ?? rowNumber);

    const match = (role: DutyRole, name: string) => {
      const found = eligible[role].get(name) ?? [];
      if (found.length === 0) {
        problem(DUTY_ROLE_LABELS[role], `“${name}”不是可担任${DUTY_ROLE_LABELS[role]}的在用人员，请核对姓名或先在人员管理中设置其值班角色`);
        return null;
      }
      if (found.length > 1) {
        problem(DUTY_ROLE_LABELS[role], `可担任${DUTY_ROLE_LABELS[role]}的人员中有${found.length}人名为“${name}”，无法区分，请导入后在排班页面手工指定`);
        return null;
      }
      return found[0]!;
    };
    const commander = names.commander === '' ? (problem('值班指挥长', '不能为空'), null) : match('commander', names.commander);
    const shiftLeader = names.shiftLeader === '' ? (problem('值班长', '不能为空'), null) : match('shiftLeader', names.shiftLeader);
    const officerNames = splitNames(names.officer);
    if (officerNames.length === 0) problem('值班员', '至少填写一名值班员');
    const officers = officerNames.map((name) => match('officer', name));

    const people = [commander, shiftLeader, ...officers].filter((person) => person !== null);
    const seen = new Set<string>();
    for (const person of people) {
      if (seen.has(person.personId)) problem('人员', `${person.name}在同一天担任两个岗位，同一人一天只能担任一个岗位`);
      seen.add(person.personId);
      if (date && leave.some((range) => range.personId === person.personId && range.from <= date && date <= range.to)) {
        problem('人员', `${person.name}在${dateLabel(date)}已获准请假，请安排其他人员`);
      }
    }

    if (date && commander && shiftLeader && officers.every((officer) => officer !== null) && officers.length > 0) {
      days.push({ row: rowNumber, date, commander, shiftLeader, officers: officers as { personId: string; name: string }[] });
    }
  });

  const missingDates = datesBetween(first, last).filter((date) => !rowOfDate.has(date));
  if (missingDates.length > 0) {
    problems.push({ row: headerRowNumber, field: '日期', message: `缺少${missingDates.map(dateLabel).join('、')}的值班安排，整月每天都要填写` });
  }

  // A person on duty two days running, within the file or next to the neighbouring months' rosters.
  const neighbours = await db
    .selectFrom('roster_assignments')
    .select(['person_id', 'date'])
    .where('date', 'in', [addDays(first, -1), addDays(last, 1)])
    .execute();
  const dutyDates = new Map<string, Set<IsoDate>>();
  const remember = (personId: string, date: IsoDate) => dutyDates.set(personId, (dutyDates.get(personId) ?? new Set()).add(date));
  for (const row of neighbours) remember(row.person_id, row.date);
  for (const day of days) for (const person of [day.commander, day.shiftLeader, ...day.officers]) remember(person.personId, day.date);
  for (const day of days) {
    for (const person of [day.commander, day.shiftLeader, ...day.officers]) {
      if (dutyDates.get(person.personId)?.has(addDays(day.date, 1))) {
        problems.push({ row: day.row, field: '人员', message: `${person.name}在${dateLabel(day.date)}和次日连续值班，不能连续两天值班` });
      }
    }
  }

  problems.sort((a, b) => a.row - b.row);
  return { days, problems };
}

/**
 * Imports a hand-made roster into a month without a roster or with a draft,
 * replacing the draft's posts. A published month is refused, because after
 * publication the roster changes only through swaps and substitutions.
 */
export async function importRoster(ctx: AppContext, actor: AuditActor, month: string, file: Buffer): Promise<{ days: number }> {
  const existing = await ctx.db.kysely.selectFrom('rosters').select(['status']).where('month', '=', month).executeTakeFirst();
  if (existing?.status === 'published') {
    throw invalidState(`${month}的排班已发布，不能再导入；发布后的排班只能通过换班、替班调整。`);
  }
  const { days, problems } = await parseRosterSheet(ctx.db.kysely, month, file);
  if (problems.length > 0) {
    throw new AppError('IMPORT_FAILED', `导入文件有${problems.length}处错误，未导入任何排班，请按错误清单修改后重新导入。`, { rows: problems });
  }

  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const roster = await trx.selectFrom('rosters').select(['id', 'status']).where('month', '=', month).executeTakeFirst();
    if (roster?.status === 'published') throw invalidState(`${month}的排班已发布，不能再导入。`);
    await trx.deleteFrom('roster_assignments').where('month', '=', month).execute();
    for (const day of days) {
      await insertPost(trx, month, day.date, 'commander', 0, day.commander, false, 'adjusted', now);
      await insertPost(trx, month, day.date, 'shiftLeader', 0, day.shiftLeader, false, 'adjusted', now);
      for (const [index, officer] of day.officers.entries()) {
        await insertPost(trx, month, day.date, 'officer' satisfies AssignmentRole, index, officer, false, 'adjusted', now);
      }
    }
    if (roster) {
      await trx.updateTable('rosters').set({ generated_at: toDbInstant(now), generated_by: actor.userId, updated_at: toDbInstant(now) }).where('id', '=', roster.id).execute();
    } else {
      await trx
        .insertInto('rosters')
        .values({
          id: newId(), month, status: 'draft', generated_at: toDbInstant(now), generated_by: actor.userId,
          published_at: null, published_by: null, published_by_name: null,
          report_json: toDbJson({ gapReport: [], warnings: [] }), updated_at: toDbInstant(now),
        })
        .execute();
    }
    await insertChange(trx, actor, { month, kind: 'adjust', note: `从 Excel 导入整月排班（${days.length}天）` }, now);
    await appendAudit(trx, actor, { action: 'roster.import', entityType: 'roster', entityId: month, summary: `从 Excel 导入${month}排班草稿（${days.length}天）` }, now);
  });
  ctx.log.info({ month, days: days.length }, 'roster imported from Excel');
  return { days: days.length };
}
