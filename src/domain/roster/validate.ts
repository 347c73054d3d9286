import { DAY_TYPES } from '../calendar/types.js';
import { datesBetween, isIsoDate, monthBounds, type IsoDate } from '../time.js';
import { RosterInputError } from './errors.js';
import type { DateWindow } from './state.js';
import { DUTY_ROLES, DUTY_ROLE_LABELS, type GenerateRosterInput, type PriorAssignment, type RosterPerson, type Unavailability } from './types.js';

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Upper bounds that catch typing errors, not limits of the algorithm. */
const MAX_OFFICERS_PER_DAY = 50;
const MAX_REST_DAYS = 30;

export function validateMonth(month: string): { first: IsoDate; last: IsoDate } {
  if (!MONTH_PATTERN.test(month)) {
    throw new RosterInputError('month', `月份“${month}”无效，请填写 YYYY-MM 格式，例如 2026-03`);
  }
  return monthBounds(month);
}

/** Validates the generator's input and returns the fairness window it uses. */
export function validateGenerateInput(input: GenerateRosterInput): DateWindow {
  const { first, last } = validateMonth(input.month);

  const seen = new Set<IsoDate>();
  for (const day of input.days) {
    if (day.date < first || day.date > last || !isIsoDate(day.date)) {
      throw new RosterInputError('days', `日历中的日期“${day.date}”不属于 ${input.month}，请只传入该月的日期`);
    }
    if (seen.has(day.date)) {
      throw new RosterInputError('days', `日历中的日期 ${day.date} 重复，请每天只传入一次`);
    }
    seen.add(day.date);
  }
  for (const date of datesBetween(first, last)) {
    if (!seen.has(date)) {
      throw new RosterInputError('days', `日历缺少 ${date} 的日期类型，请传入 ${input.month} 每一天的日历`);
    }
  }

  for (const role of DUTY_ROLES) validateQueue(input.queues[role], role);
  (input.history ?? []).forEach((entry, index) => validateHistoryEntry(entry, index, first, last));
  (input.unavailability ?? []).forEach(validateUnavailability);
  validateOfficerCounts(input, first, last);
  validateLockedDays(input, first, last);

  const rest = input.minRestDays;
  if (rest !== undefined && (!Number.isInteger(rest) || rest < 0 || rest > MAX_REST_DAYS)) {
    throw new RosterInputError('minRestDays', `最小间隔天数“${rest}”无效，请填写 0 到 ${MAX_REST_DAYS} 之间的整数`);
  }

  return validateWindow(input, first, last);
}

export function validateQueue(queue: readonly RosterPerson[] | undefined, role: keyof typeof DUTY_ROLE_LABELS): void {
  const label = DUTY_ROLE_LABELS[role];
  if (!Array.isArray(queue)) {
    throw new RosterInputError(`queues.${role}`, `缺少${label}的轮值名单，请传入人员列表（可以为空列表）`);
  }
  const ids = new Set<string>();
  queue.forEach((person, index) => {
    if (!person.personId) {
      throw new RosterInputError(`queues.${role}[${index}].personId`, `${label}轮值名单第 ${index + 1} 人缺少人员编号，请补充`);
    }
    if (ids.has(person.personId)) {
      throw new RosterInputError(`queues.${role}`, `${label}轮值名单中“${person.name}”出现了两次，请删除重复的一条`);
    }
    if (person.joinedAt !== undefined && !isIsoDate(person.joinedAt)) {
      throw new RosterInputError(
        `queues.${role}[${index}].joinedAt`,
        `${label}“${person.name}”的加入日期“${person.joinedAt}”无效，请填写 YYYY-MM-DD 格式的日期`,
      );
    }
    ids.add(person.personId);
  });
}

export function validateHistoryEntry(entry: PriorAssignment, index: number, monthFirst?: IsoDate, monthLast?: IsoDate): void {
  const field = `history[${index}]`;
  if (!isIsoDate(entry.date)) {
    throw new RosterInputError(`${field}.date`, `历史排班第 ${index + 1} 条的日期“${entry.date}”无效，请填写 YYYY-MM-DD 格式的日期`);
  }
  if (!DUTY_ROLES.includes(entry.role)) {
    throw new RosterInputError(`${field}.role`, `历史排班 ${entry.date} 的岗位“${String(entry.role)}”无效，应为 commander、shiftLeader 或 officer`);
  }
  if (!DAY_TYPES.includes(entry.dayType)) {
    throw new RosterInputError(`${field}.dayType`, `历史排班 ${entry.date} 的日期类型“${String(entry.dayType)}”无效`);
  }
  if (monthFirst && monthLast && entry.date >= monthFirst && entry.date <= monthLast) {
    throw new RosterInputError(
      `${field}.date`,
      `历史排班中的 ${entry.date} 属于正在生成的月份，请改为通过锁定日期（lockedDays）传入`,
    );
  }
}

export function validateUnavailability(range: Unavailability, index: number): void {
  const field = `unavailability[${index}]`;
  if (!isIsoDate(range.from) || !isIsoDate(range.to)) {
    throw new RosterInputError(`${field}`, `第 ${index + 1} 条请假记录的日期无效，请填写 YYYY-MM-DD 格式的开始和结束日期`);
  }
  if (range.to < range.from) {
    throw new RosterInputError(`${field}.to`, `第 ${index + 1} 条请假记录的结束日期 ${range.to} 早于开始日期 ${range.from}，请修改`);
  }
}

function validateOfficerCounts(input: GenerateRosterInput, first: IsoDate, last: IsoDate): void {
  for (const [dayType, count] of Object.entries(input.officersPerDay ?? {})) {
    if (!DAY_TYPES.includes(dayType as never)) {
      throw new RosterInputError(`officersPerDay.${dayType}`, `每日值班员人数中的日期类型“${dayType}”无效`);
    }
    checkOfficerCount(count, `officersPerDay.${dayType}`);
  }
  for (const [date, count] of Object.entries(input.officersOnDate ?? {})) {
    if (!isIsoDate(date) || date < first || date > last) {
      throw new RosterInputError(`officersOnDate.${date}`, `指定值班员人数的日期“${date}”不属于 ${input.month}，请修改`);
    }
    checkOfficerCount(count, `officersOnDate.${date}`);
  }
}

function checkOfficerCount(count: number | undefined, field: string): void {
  if (count === undefined || !Number.isInteger(count) || count < 1 || count > MAX_OFFICERS_PER_DAY) {
    throw new RosterInputError(field, `值班员人数“${String(count)}”无效，请填写 1 到 ${MAX_OFFICERS_PER_DAY} 之间的整数`);
  }
}

function validateLockedDays(input: GenerateRosterInput, first: IsoDate, last: IsoDate): void {
  const seen = new Set<IsoDate>();
  (input.lockedDays ?? []).forEach((day, index) => {
    if (!isIsoDate(day.date) || day.date < first || day.date > last) {
      throw new RosterInputError(`lockedDays[${index}].date`, `锁定日期“${day.date}”不属于 ${input.month}，请修改`);
    }
    if (seen.has(day.date)) {
      throw new RosterInputError(`lockedDays[${index}].date`, `锁定日期 ${day.date} 重复，请每天只传入一次`);
    }
    seen.add(day.date);
  });
}

function validateWindow(input: GenerateRosterInput, first: IsoDate, last: IsoDate): DateWindow {
  if (!input.fairnessWindow) {
    const year = first.slice(0, 4);
    return { from: `${year}-01-01`, to: `${year}-12-31` };
  }

  const { from, to } = input.fairnessWindow;
  if (!isIsoDate(from) || !isIsoDate(to) || to < from) {
    throw new RosterInputError('fairnessWindow', `均衡统计区间“${from} 至 ${to}”无效，请填写有效的开始和结束日期`);
  }
  if (from > first || to < last) {
    throw new RosterInputError('fairnessWindow', `均衡统计区间 ${from} 至 ${to} 未覆盖 ${input.month}，请包含整个月份`);
  }
  return { from, to };
}
