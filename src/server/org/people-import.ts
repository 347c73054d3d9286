/**
 * Import of people from an Excel sheet (.xlsx). Every row is checked first;
 * when any row is invalid nothing is imported and the user gets the list of
 * problems by row number.
 */
import ExcelJS from 'exceljs';
import type { AuditActor } from '../audit/audit-log.js';
import type { AppContext } from '../context.js';
import { fromDbBool } from '../db/sql-values.js';
import { AppError } from '../errors.js';
import { appendAudit } from '../audit/audit-log.js';
import { limits } from '../../shared/limits.js';
import { dutyRoleLabels, type DutyRole } from '../../shared/roles.js';
import { insertPerson, type PersonInput } from './people.service.js';

export const importColumns = ['姓名', '单位', '职务', '是否警察', '手机号码', '办公电话', '可担任值班角色'] as const;

export interface ImportProblem {
  row: number;
  field: string;
  message: string;
}

const roleByLabel = new Map<string, DutyRole>(Object.entries(dutyRoleLabels).map(([role, label]) => [label, role as DutyRole]));

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('result' in value && value.result !== undefined) return String(value.result).trim();
    if ('richText' in value) return value.richText.map((part) => part.text).join('').trim();
  }
  return String(value).trim();
}

export async function buildImportTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('人员');
  sheet.addRow([...importColumns]);
  sheet.addRow(['张三', '办公室', '科员', '否', '13800000000', '0898-66000000', '值班员']);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  const notes = workbook.addWorksheet('填写说明');
  notes.addRow(['列名', '说明']);
  notes.addRow(['姓名', `必填，${limits.personName.max}个字以内`]);
  notes.addRow(['单位', '必填，须与系统中的单位名称完全一致']);
  notes.addRow(['职务', `选填，${limits.position.max}个字以内`]);
  notes.addRow(['是否警察', '填“是”或“否”，留空视为“否”']);
  notes.addRow(['手机号码 / 办公电话', '选填，5到20位，只能包含数字、空格和+-()']);
  notes.addRow(['可担任值班角色', '选填，可填多个，用顿号或逗号分隔：值班指挥长、值班长、值班员、席位备勤']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function parsePeopleSheet(ctx: AppContext, file: Buffer): Promise<{ people: PersonInput[]; problems: ImportProblem[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new AppError('IMPORT_FAILED', '无法读取文件，请上传 Excel（.xlsx）格式的人员表，可先下载导入模板。');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('IMPORT_FAILED', '文件中没有工作表，请使用导入模板填写。');

  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(cellText);
  const missing = importColumns.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new AppError('IMPORT_FAILED', `表头缺少列：${missing.join('、')}，请使用导入模板填写。`, { rows: [{ row: 1, field: '表头', message: `缺少列：${missing.join('、')}` }] });
  }
  const column = (name: (typeof importColumns)[number]) => header.indexOf(name) + 1;

  const units = await ctx.db.kysely.selectFrom('units').select(['id', 'name', 'short_name', 'active']).execute();
  const unitByName = new Map<string, { id: string; active: boolean }>();
  for (const unit of units) {
    unitByName.set(unit.name, { id: unit.id, active: fromDbBool(unit.active) });
    if (unit.short_name) unitByName.set(unit.short_name, { id: unit.id, active: fromDbBool(unit.active) });
  }

  const people: PersonInput[] = [];
  const problems: ImportProblem[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const text = (name: (typeof importColumns)[number]) => cellText(row.getCell(column(name)).value);
    const values = importColumns.map((name) => text(name));
    if (values.every((value) => value === '')) return;
    const problem = (field: string, message: string) => problems.push({ row: rowNumber, field, message });

    const name = text('姓名');
    if (name === '') problem('姓名', '不能为空');
    else if (name.length > limits.personName.max) problem('姓名', `不能超过${limits.personName.max}个字`);

    const unitName = text('单位');
    const unit = unitByName.get(unitName);
    if (unitName === '') problem('单位', '不能为空');
    else if (!unit) problem('单位', `系统中没有名为“${unitName}”的单位，请核对单位名称`);
    else if (!unit.active) problem('单位', `单位“${unitName}”已停用`);

    const position = text('职务');
    if (position.length > limits.position.max) problem('职务', `不能超过${limits.position.max}个字`);

    const policeText = text('是否警察');
    if (!['', '是', '否'].includes(policeText)) problem('是否警察', `应填“是”或“否”，实际为“${policeText}”`);

    for (const field of ['手机号码', '办公电话'] as const) {
      const phone = text(field);
      if (phone !== '' && !limits.phone.pattern.test(phone)) problem(field, `“${phone}”不是有效的电话号码`);
    }

    const dutyRoles: DutyRole[] = [];
    for (const label of text('可担任值班角色').split(/[、,，;；\s]+/).filter((part) => part !== '')) {
      const role = roleByLabel.get(label);
      if (role) dutyRoles.push(role);
      else problem('可担任值班角色', `“${label}”不是有效的值班角色，应为值班指挥长、值班长、值班员或席位备勤`);
    }

    people.push({
      name,
      unitId: unit?.id ?? '',
      position: position || null,
      isPolice: policeText === '是',
      mobilePhone: text('手机号码') || null,
      officePhone: text('办公电话') || null,
      dutyRoles: [...new Set(dutyRoles)],
    });
  });

  if (people.length === 0 && problems.length === 0) {
    problems.push({ row: 2, field: '全部', message: '表中没有人员数据' });
  }
  return { people, problems };
}

export async function importPeople(ctx: AppContext, actor: AuditActor, file: Buffer): Promise<number> {
  const { people, problems } = await parsePeopleSheet(ctx, file);
  if (problems.length > 0) {
    throw new AppError('IMPORT_FAILED', `导入文件有${problems.length}处错误，未导入任何人员，请按错误清单修改后重新导入。`, { rows: problems });
  }
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    for (const person of people) {
      await insertPerson(ctx, trx, actor, person, now);
    }
    await appendAudit(trx, actor, { action: 'person.import', entityType: 'person', summary: `从 Excel 导入人员 ${people.length} 人` }, now);
  });
  ctx.log.info({ count: people.length }, 'people imported');
  return people.length;
}
