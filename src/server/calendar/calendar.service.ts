/**
 * 值班日历: the State Council arrangements shipped in the domain module, the
 * administrator's overrides and the center's sensitive periods, read from the
 * database and classified with the pure calendar rules.
 *
 * Past duty days never change: overrides and sensitive periods may only touch
 * dates from today's duty date on, so a past day keeps its day type and duty
 * level however the calendar is edited later.
 */
import {
  CalendarInputError,
  classifyDay,
  classifyRange,
  createCalendarContext,
  type CalendarContext,
  type CalendarOverride,
  type ClassifiedDay,
  type OfficialDayType,
  type SensitivePeriod,
} from '../../domain/calendar/index.js';
import { addDays, datesBetween, dutyDateOf, type IsoDate } from '../../domain/time.js';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import type { CalendarOverridesTable, SensitivePeriodsTable } from '../db/calendar-roster-tables.js';
import { newId, toDbInstant } from '../db/sql-values.js';
import { AppError, invalidField, notFound } from '../errors.js';

/** Maximum days of one `GET /api/calendar/days` request: one year, leap years included. */
export const MAX_CALENDAR_QUERY_DAYS = 366;

export interface SensitivePeriodView {
  id: string;
  name: string;
  startDate: IsoDate;
  endDate: IsoDate;
  note: string | null;
  updatedAt: string;
}

export interface CalendarOverrideView {
  id: string;
  date: IsoDate;
  dayType: OfficialDayType;
  name: string | null;
  note: string | null;
  updatedAt: string;
}

export interface SensitivePeriodInput {
  name: string;
  startDate: IsoDate;
  endDate: IsoDate;
  note?: string | null;
}

export interface CalendarOverrideInput {
  date: IsoDate;
  dayType: OfficialDayType;
  name?: string | null;
  note?: string | null;
}

/** Turns a domain input error into the API's validation error, keeping its Chinese message. */
export function toValidationError(error: unknown): unknown {
  if (error instanceof CalendarInputError) {
    return new AppError('VALIDATION_FAILED', error.message, { fields: [{ field: error.field, message: error.message }] });
  }
  return error;
}

/** Today's duty date: before the handover time (08:30 by default) it is still yesterday's duty day. */
export function currentDutyDate(ctx: AppContext): IsoDate {
  return dutyDateOf(ctx.clock.now(), ctx.config.timeZone, ctx.config.handoverTime);
}

/** Builds the calendar context from the shipped arrangements, the overrides and the sensitive periods. */
export async function loadCalendarContext(_ctx: AppContext, db: Executor): Promise<CalendarContext> {
  const overrides = await db.selectFrom('calendar_overrides').selectAll().orderBy('date').execute();
  const periods = await db.selectFrom('sensitive_periods').selectAll().orderBy('start_date').execute();
  try {
    return createCalendarContext({
      overrides: overrides.map(toDomainOverride),
      sensitivePeriods: periods.map(toDomainPeriod),
    });
  } catch (error) {
    throw toValidationError(error);
  }
}

export async function classifyDate(ctx: AppContext, db: Executor, date: IsoDate): Promise<ClassifiedDay> {
  const context = await loadCalendarContext(ctx, db);
  try {
    return classifyDay(date, context);
  } catch (error) {
    throw toValidationError(error);
  }
}

/** Classifies `from` to `to` inclusive, at most `MAX_CALENDAR_QUERY_DAYS` days. */
export async function classifyDates(ctx: AppContext, db: Executor, from: IsoDate, to: IsoDate): Promise<ClassifiedDay[]> {
  if (to < from) {
    throw invalidField('结束日期', `${to} 早于开始日期 ${from}，请调换或修改日期`);
  }
  const count = datesBetween(from, to).length;
  if (count > MAX_CALENDAR_QUERY_DAYS) {
    throw invalidField('结束日期', `查询范围为 ${count} 天，超过上限 ${MAX_CALENDAR_QUERY_DAYS} 天，请缩小日期范围`);
  }
  const context = await loadCalendarContext(ctx, db);
  try {
    return classifyRange(from, to, context);
  } catch (error) {
    throw toValidationError(error);
  }
}

// --- Sensitive periods -----------------------------------------------------

export async function listSensitivePeriods(db: Executor): Promise<SensitivePeriodView[]> {
  const rows = await db.selectFrom('sensitive_periods').selectAll().orderBy('start_date', 'desc').orderBy('name').execute();
  return rows.map(toPeriodView);
}

export async function createSensitivePeriod(ctx: AppContext, actor: AuditActor, input: SensitivePeriodInput): Promise<SensitivePeriodView> {
  const now = ctx.clock.now();
  const today = currentDutyDate(ctx);
  checkPeriodDates(input);
  if (input.startDate < today) {
    throw invalidField('开始日期', `${input.startDate} 早于今天的值班日 ${today}，已过去的值班日不能再改为重要敏感时期，请从今天或以后开始`);
  }

  const id = newId();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto('sensitive_periods')
      .values({
        id,
        name: input.name,
        start_date: input.startDate,
        end_date: input.endDate,
        note: input.note ?? null,
        created_at: toDbInstant(now),
        created_by: actor.userId,
        updated_at: toDbInstant(now),
      })
      .execute();
    await appendAudit(trx, actor, {
      action: 'sensitive_period.create',
      entityType: 'sensitive_period',
      entityId: id,
      summary: `新增重要敏感时期“${input.name}”（${input.startDate} 至 ${input.endDate}）`,
      after: input,
    }, now);
  });
  ctx.log.info({ sensitivePeriodId: id }, 'sensitive period created');
  return getSensitivePeriod(ctx.db.kysely, id);
}

/**
 * Changes a period. Dates before today's duty date must keep their state:
 * a started period keeps its start date and cannot end before yesterday.
 */
export async function updateSensitivePeriod(
  ctx: AppContext,
  actor: AuditActor,
  id: string,
  input: SensitivePeriodInput,
): Promise<SensitivePeriodView> {
  const now = ctx.clock.now();
  const today = currentDutyDate(ctx);
  checkPeriodDates(input);

  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('sensitive_periods').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('重要敏感时期');
    assertPastUnchanged(before, input, today);

    await trx
      .updateTable('sensitive_periods')
      .set({ name: input.name, start_date: input.startDate, end_date: input.endDate, note: input.note ?? null, updated_at: toDbInstant(now) })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, actor, {
      action: 'sensitive_period.update',
      entityType: 'sensitive_period',
      entityId: id,
      summary: `修改重要敏感时期“${input.name}”（${input.startDate} 至 ${input.endDate}）`,
      before: toPeriodView(before),
      after: input,
    }, now);
  });
  ctx.log.info({ sensitivePeriodId: id }, 'sensitive period updated');
  return getSensitivePeriod(ctx.db.kysely, id);
}

export async function deleteSensitivePeriod(ctx: AppContext, actor: AuditActor, id: string): Promise<void> {
  const now = ctx.clock.now();
  const today = currentDutyDate(ctx);

  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('sensitive_periods').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('重要敏感时期');
    if (before.start_date < today) {
      throw new AppError(
        'INVALID_STATE',
        `重要敏感时期“${before.name}”已于 ${before.start_date} 开始，删除会改变已过去的值班日；如需提前结束，请把结束日期改为 ${today} 或以后`,
      );
    }
    await trx.deleteFrom('sensitive_periods').where('id', '=', id).execute();
    await appendAudit(trx, actor, {
      action: 'sensitive_period.delete',
      entityType: 'sensitive_period',
      entityId: id,
      summary: `删除重要敏感时期“${before.name}”`,
      before: toPeriodView(before),
    }, now);
  });
  ctx.log.info({ sensitivePeriodId: id }, 'sensitive period deleted');
}

async function getSensitivePeriod(db: Executor, id: string): Promise<SensitivePeriodView> {
  const row = await db.selectFrom('sensitive_periods').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('重要敏感时期');
  return toPeriodView(row);
}

function checkPeriodDates(input: SensitivePeriodInput): void {
  if (input.endDate < input.startDate) {
    throw invalidField('结束日期', `${input.endDate} 早于开始日期 ${input.startDate}，请修改`);
  }
  const days = datesBetween(input.startDate, input.endDate).length;
  if (days > MAX_CALENDAR_QUERY_DAYS) {
    throw invalidField('结束日期', `重要敏感时期长达 ${days} 天，超过上限 ${MAX_CALENDAR_QUERY_DAYS} 天，请缩短或分段设置`);
  }
}

function assertPastUnchanged(before: SensitivePeriodsTable, input: SensitivePeriodInput, today: IsoDate): void {
  const wasSensitive = (date: IsoDate) => before.start_date <= date && date <= before.end_date;
  const willBeSensitive = (date: IsoDate) => input.startDate <= date && date <= input.endDate;
  const earliest = [before.start_date, input.startDate].sort()[0]!;
  if (earliest >= today) return;

  for (const date of datesBetween(earliest, addDays(today, -1))) {
    if (wasSensitive(date) !== willBeSensitive(date)) {
      throw invalidField('开始日期', `修改会改变已过去的值班日 ${date} 的日期类型；已过去的日期不能修改，请只调整 ${today} 及以后的日期`);
    }
  }
  if (before.name !== input.name && before.start_date < today) {
    throw invalidField('名称', `重要敏感时期“${before.name}”已开始，名称已用于过去的值班日，不能修改；如需新名称，请从今天起另设一个时期`);
  }
}

// --- Official-calendar overrides ---------------------------------------------

export async function listCalendarOverrides(db: Executor, year?: number): Promise<CalendarOverrideView[]> {
  let query = db.selectFrom('calendar_overrides').selectAll();
  if (year !== undefined) query = query.where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`);
  const rows = await query.orderBy('date').execute();
  return rows.map(toOverrideView);
}

/** Sets the day type of one date, replacing an earlier override of that date. */
export async function upsertCalendarOverride(ctx: AppContext, actor: AuditActor, input: CalendarOverrideInput): Promise<CalendarOverrideView> {
  const now = ctx.clock.now();
  const today = currentDutyDate(ctx);
  if (input.date < today) {
    throw invalidField('日期', `${input.date} 早于今天的值班日 ${today}，已过去的值班日不能调整日期类型`);
  }
  const needsName = input.dayType === 'holiday' || input.dayType === 'makeup_workday';
  if (needsName && !input.name) {
    throw invalidField('节日名称', '法定节假日和调休上班日须填写所属节日，如“春节”');
  }
  const name = needsName ? input.name ?? null : null;

  const id = await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('calendar_overrides').selectAll().where('date', '=', input.date).executeTakeFirst();
    const rowId = before?.id ?? newId();
    if (before) {
      await trx
        .updateTable('calendar_overrides')
        .set({ day_type: input.dayType, name, note: input.note ?? null, updated_at: toDbInstant(now) })
        .where('id', '=', rowId)
        .execute();
    } else {
      await trx
        .insertInto('calendar_overrides')
        .values({
          id: rowId,
          date: input.date,
          day_type: input.dayType,
          name,
          note: input.note ?? null,
          created_at: toDbInstant(now),
          created_by: actor.userId,
          updated_at: toDbInstant(now),
        })
        .execute();
    }
    await appendAudit(trx, actor, {
      action: before ? 'calendar_override.update' : 'calendar_override.create',
      entityType: 'calendar_override',
      entityId: rowId,
      summary: `调整 ${input.date} 的日期类型`,
      before: before ? toOverrideView(before) : undefined,
      after: { ...input, name },
    }, now);
    return rowId;
  });
  ctx.log.info({ calendarOverrideId: id, date: input.date }, 'calendar override saved');
  const row = await ctx.db.kysely.selectFrom('calendar_overrides').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return toOverrideView(row);
}

export async function deleteCalendarOverride(ctx: AppContext, actor: AuditActor, id: string): Promise<void> {
  const now = ctx.clock.now();
  const today = currentDutyDate(ctx);
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('calendar_overrides').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('日期调整');
    if (before.date < today) {
      throw new AppError('INVALID_STATE', `${before.date} 已过去，删除这条调整会改变过去的值班日，不能删除`);
    }
    await trx.deleteFrom('calendar_overrides').where('id', '=', id).execute();
    await appendAudit(trx, actor, {
      action: 'calendar_override.delete',
      entityType: 'calendar_override',
      entityId: id,
      summary: `删除 ${before.date} 的日期类型调整`,
      before: toOverrideView(before),
    }, now);
  });
  ctx.log.info({ calendarOverrideId: id }, 'calendar override deleted');
}

// --- Mappers ---------------------------------------------------------------

function toDomainOverride(row: CalendarOverridesTable): CalendarOverride {
  return { date: row.date, dayType: row.day_type, name: row.name };
}

function toDomainPeriod(row: SensitivePeriodsTable): SensitivePeriod {
  return { id: row.id, name: row.name, startDate: row.start_date, endDate: row.end_date };
}

function toPeriodView(row: SensitivePeriodsTable): SensitivePeriodView {
  return { id: row.id, name: row.name, startDate: row.start_date, endDate: row.end_date, note: row.note, updatedAt: row.updated_at };
}

function toOverrideView(row: CalendarOverridesTable): CalendarOverrideView {
  return { id: row.id, date: row.date, dayType: row.day_type, name: row.name, note: row.note, updatedAt: row.updated_at };
}
