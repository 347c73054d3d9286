/**
 * Provincial video roll calls (视频点名): the windows of each date, the
 * answer sheet of the standard phrases filled from the day's data, the
 * rehabilitation center's daily figures and the record of each call.
 */
import { DAY_TYPE_LABELS, type DayType } from '../../domain/calendar/index.js';
import { DEFAULT_ROLL_CALL_DAY_TYPES, DEFAULT_ROLL_CALL_WINDOWS, rollCallWindows } from '../../domain/patrols/index.js';
import { addDays, zonedParts, type IsoDate } from '../../domain/time.js';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import type { SessionUser } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import { fromDbJson, newId, toDbInstant, toDbJson } from '../db/sql-values.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { seesAllUnits } from '../http/request-context.js';
import { showInstant } from '../patrols/common.js';
import { dayOf, daysOf, staffOn, type DutyPerson } from '../patrols/duty-sources.js';
import { openPatrolProblems } from '../patrols/problems.service.js';
import { abnormalPlatforms } from '../platform-checks/platform-checks.service.js';
import { readSetting, writeSetting } from '../settings.js';
import { readNightCheckSettings } from '../night-checks/night-checks.service.js';
import { dayIncidents } from './day-incidents.js';

export interface RollCallSettings {
  windows: { start: string; end: string }[];
  dayTypes: DayType[];
  /** Unit whose liaison enters the daily figures of the rehabilitation center. */
  rehabUnitName: string;
  /** Preparation checklist shown before each window (点名准备). */
  checklist: string[];
}

export const ROLL_CALL_SETTINGS_KEY = 'rollCalls.settings';
export const DEFAULT_ROLL_CALL_SETTINGS: RollCallSettings = {
  windows: DEFAULT_ROLL_CALL_WINDOWS.map((window) => ({ ...window })),
  dayTypes: [...DEFAULT_ROLL_CALL_DAY_TYPES],
  rehabUnitName: '海口市罗牛山强制隔离戒毒所',
  checklist: [
    '提前调试视频点名终端，确认通讯联通、信号正常、视频清晰',
    '值班指挥长、值班长、值班员在岗在位，着装规范',
    '核实戒毒所当日戒毒人员数量、一日活动及监管安全秩序情况',
    '掌握本地区干警在岗在位、工作履职情况',
    '梳理当日重大活动、重要事件及突发案事件、重要舆情',
    '打印或打开点名应答单，准备记录点名情况',
  ],
};

export async function readRollCallSettings(db: Executor): Promise<RollCallSettings> {
  return readSetting(db, ROLL_CALL_SETTINGS_KEY, DEFAULT_ROLL_CALL_SETTINGS);
}

export async function saveRollCallSettings(ctx: AppContext, actor: AuditActor, settings: RollCallSettings): Promise<RollCallSettings> {
  for (const window of settings.windows) {
    if (window.end <= window.start) {
      throw new AppError('VALIDATION_FAILED', `「点名时段」${window.start}-${window.end} 的结束时间应晚于开始时间，请修改。`);
    }
  }
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await readRollCallSettings(trx);
    await writeSetting(trx, ROLL_CALL_SETTINGS_KEY, settings, now, actor.userId);
    await appendAudit(trx, actor, { action: 'roll_call.settings', entityType: 'setting', entityId: ROLL_CALL_SETTINGS_KEY, summary: '修改视频点名设置', before, after: settings }, now);
  });
  return settings;
}

export interface RollCallWindowView {
  date: IsoDate;
  startTime: string;
  endTime: string;
  start: string;
  end: string;
}

export interface RollCallDay {
  date: IsoDate;
  dayType: DayType;
  dayTypeLabel: string;
  name: string | null;
  windows: RollCallWindowView[];
}

export async function windowsBetween(ctx: AppContext, db: Executor, from: IsoDate, to: IsoDate): Promise<RollCallDay[]> {
  const settings = await readRollCallSettings(db);
  const days: RollCallDay[] = [];
  for (const day of await daysOf(ctx, db, from, to)) {
    const date = day.date;
    const windows = rollCallWindows(date, day.dayType, { timeZone: ctx.config.timeZone, windows: settings.windows, dayTypes: settings.dayTypes });
    days.push({
      date,
      dayType: day.dayType,
      dayTypeLabel: DAY_TYPE_LABELS[day.dayType],
      name: day.name,
      windows: windows.map((window) => ({
        date,
        startTime: window.startTime,
        endTime: window.endTime,
        start: showInstant(ctx, toDbInstant(window.start)),
        end: showInstant(ctx, toDbInstant(window.end)),
      })),
    });
  }
  return days;
}

/** Days looked ahead for the next window; holidays and sensitive periods are rarely further apart. */
const LOOKAHEAD_DAYS = 45;

/** Roll-call state for the hall screen: the open window, if any, and the next one. */
export async function rollCallStatus(ctx: AppContext, db: Executor, now: Date): Promise<{ open: RollCallWindowView | null; next: RollCallWindowView | null; checklist: string[] }> {
  const settings = await readRollCallSettings(db);
  const today = zonedParts(now, ctx.config.timeZone).date;
  let open: RollCallWindowView | null = null;
  let next: RollCallWindowView | null = null;
  for (let offset = 0; offset <= LOOKAHEAD_DAYS && next === null; offset += 1) {
    const date = addDays(today, offset);
    const [day] = await windowsBetween(ctx, db, date, date);
    for (const window of day?.windows ?? []) {
      const start = new Date(window.start).getTime();
      const end = new Date(window.end).getTime();
      if (start <= now.getTime() && now.getTime() <= end) open = window;
      else if (start > now.getTime() && next === null) next = window;
    }
  }
  return { open, next, checklist: settings.checklist };
}

export interface RehabDaily {
  date: IsoDate;
  unitId: string;
  inmateCount: number;
  policeOnDuty: string;
  activities: string;
  orderStatus: string;
  submittedByName: string;
  updatedAt: string;
}

async function rehabUnitId(db: Executor): Promise<string | null> {
  const settings = await readRollCallSettings(db);
  const unit = await db.selectFrom('units').select('id').where('name', '=', settings.rehabUnitName).executeTakeFirst();
  return unit?.id ?? null;
}

export async function getRehabDaily(ctx: AppContext, db: Executor, date: IsoDate): Promise<RehabDaily | null> {
  const row = await db.selectFrom('rehab_daily_reports').selectAll().where('date', '=', date).executeTakeFirst();
  if (!row) return null;
  return {
    date: row.date,
    unitId: row.unit_id,
    inmateCount: row.inmate_count,
    policeOnDuty: row.police_on_duty,
    activities: row.activities,
    orderStatus: row.order_status,
    submittedByName: row.submitted_by_name,
    updatedAt: showInstant(ctx, row.updated_at),
  };
}

export interface RehabDailyInput {
  inmateCount: number;
  policeOnDuty: string;
  activities: string;
  orderStatus: string;
}

/** Stores the rehabilitation center's figures of a date (entered by its liaison, or by the center). */
export async function saveRehabDaily(ctx: AppContext, user: SessionUser, actor: AuditActor, date: IsoDate, input: RehabDailyInput): Promise<RehabDaily> {
  const unitId = await rehabUnitId(ctx.db.kysely);
  if (!unitId) throw new AppError('INVALID_STATE', '未找到视频点名设置中的戒毒所单位，请系统管理员检查“戒毒所单位名称”设置。');
  if (!seesAllUnits(user) && user.unitId !== unitId) throw forbidden('只有戒毒所信息员或指挥中心值班人员可以填报戒毒所每日情况。');
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('rehab_daily_reports').selectAll().where('date', '=', date).executeTakeFirst();
    const values = {
      unit_id: unitId,
      inmate_count: input.inmateCount,
      police_on_duty: input.policeOnDuty,
      activities: input.activities,
      order_status: input.orderStatus,
      submitted_by: user.id,
      submitted_by_name: user.name,
      updated_at: toDbInstant(now),
    };
    if (before) await trx.updateTable('rehab_daily_reports').set(values).where('date', '=', date).execute();
    else await trx.insertInto('rehab_daily_reports').values({ date, ...values }).execute();
    await appendAudit(trx, actor, { action: 'rehab_daily.save', entityType: 'rehab_daily_report', entityId: date, summary: `填报 ${date} 戒毒所每日情况（戒毒人员${input.inmateCount}名）`, before, after: input }, now);
  });
  return (await getRehabDaily(ctx, ctx.db.kysely, date))!;
}

export interface AnswerSheetItem {
  /** The province's question, as the standard phrases word it. */
  question: string;
  /** The prepared answer, filled from the day's data. */
  answer: string;
  /** Facts the officer must still supply before reading the reply aloud. */
  missing: string[];
}

export interface AnswerSheet {
  date: IsoDate;
  dayType: DayType;
  dayTypeLabel: string;
  centerName: string;
  commander: DutyPerson | null;
  shiftLeader: DutyPerson | null;
  officers: DutyPerson[];
  rehab: RehabDaily | null;
  items: AnswerSheetItem[];
}

function namesOf(people: DutyPerson[]): string {
  return people.map((person) => person.name).join('、');
}

/** Builds the answer sheet of a date following the standard phrases of the roll call (点名应答单). */
export async function answerSheet(ctx: AppContext, db: Executor, date: IsoDate): Promise<AnswerSheet> {
  const day = await dayOf(ctx, db, date);
  const staff = await staffOn(ctx, db, date);
  const rehab = await getRehabDaily(ctx, db, date);
  const center = await db.selectFrom('units').select('name').where('kind', '=', 'command_center').executeTakeFirst();
  const centerName = center?.name ?? '指挥中心';
  const officerNames = namesOf(staff.officers);
  const nightSettings = await readNightCheckSettings(db);
  const majorEvents = nightSettings.majorEventDates.filter((entry) => entry.date === date).map((entry) => entry.name);
  const incidents = await dayIncidents(ctx, db, date);
  const problems = await openPatrolProblems(ctx, db);
  const platforms = await abnormalPlatforms(ctx, db);

  const unknown = '（未排班）';
  const items: AnswerSheetItem[] = [
    {
      question: `您好！${centerName}，我是司法厅指挥中心指挥长（值班长、值班员）**，听到请回复！`,
      answer: `司法厅指挥中心，我是${centerName}值班员${staff.officers[0]?.name ?? '**'}，现在通讯已联通，信号正常、视频清晰，请指示！`,
      missing: officerNames ? [] : ['当日值班员'],
    },
    {
      question: '请报告今天值班人员在岗在位情况。',
      answer: `今天值班的指挥长是${staff.commander?.name ?? unknown}，值班长是${staff.shiftLeader?.name ?? unknown}，值班员是${officerNames || unknown}，报告完毕！`,
      missing: [
        ...(staff.commander ? [] : ['值班指挥长']),
        ...(staff.shiftLeader ? [] : ['值班长']),
        ...(officerNames ? [] : ['值班员']),
      ],
    },
    {
      question: '请报告今天本地区干警在岗在位、工作履职相关情况。',
      answer: rehab
        ? `今天本地区各级指挥室（值班室）值班人员在岗在位，戒毒所干警在岗在位情况：${rehab.policeOnDuty}。报告完毕！`
        : '今天本地区各级指挥室（值班室）值班人员在岗在位，戒毒所干警在岗在位情况：（戒毒所尚未填报）。报告完毕！',
      missing: rehab ? [] : ['戒毒所干警在岗在位情况'],
    },
    {
      question: '请报告今天戒毒人员数量、一日活动及监管安全秩序等情况。',
      answer: rehab
        ? `今天戒毒所共有戒毒人员${rehab.inmateCount}名。一日活动：${rehab.activities}。监管安全秩序：${rehab.orderStatus}。报告完毕！`
        : '（戒毒所尚未填报当日戒毒人员数量、一日活动及监管安全秩序情况，请联系戒毒所信息员。）',
      missing: rehab ? [] : ['戒毒人员数量', '一日活动', '监管安全秩序'],
    },
    {
      question: '请报告本地区当日有无重大活动、重要事件、司法行政机关总体履职情况。',
      answer: `${day.name ? `今天是${day.name}（${DAY_TYPE_LABELS[day.dayType]}），` : ''}${majorEvents.length > 0 ? `本地区当日重大活动：${majorEvents.join('、')}` : '本地区当日无重大活动'}；全市司法行政机关按要求落实值班值守，总体履职正常。报告完毕！`,
      missing: [],
    },
    {
      question: '请报告一下本地区有无重大突发案事件、重要舆情等信息。',
      answer: incidents.available
        ? incidents.titles.length > 0
          ? `本地区当日发生突发案事件${incidents.titles.length}起：${incidents.titles.join('；')}。报告完毕！`
          : '本地区当日无重大突发案事件、重要舆情。报告完毕！'
        : '本地区当日无重大突发案事件、重要舆情（请值班员核实）。报告完毕！',
      missing: incidents.available ? [] : ['突发案事件、舆情（请人工核实）'],
    },
    {
      question: '有无其他需要报告的事项。',
      answer: [
        problems.total > 0 ? `视频巡查、夜查发现的问题尚有${problems.total}个正在整改（其中逾期${problems.overdue}个）` : '',
        platforms.length > 0 ? `${platforms.map((platform) => platform.platformName).join('、')}运行异常，正在跟进处理` : '监管平台运行正常',
      ]
        .filter((part) => part !== '')
        .join('；') + '。报告完毕！',
      missing: [],
    },
    {
      question: '（司法厅指挥长、值班长需要问询了解的其他情况）',
      answer: '如实报告情况……报告完毕！',
      missing: [],
    },
  ];
  return {
    date,
    dayType: day.dayType,
    dayTypeLabel: DAY_TYPE_LABELS[day.dayType],
    centerName,
    commander: staff.commander,
    shiftLeader: staff.shiftLeader,
    officers: staff.officers,
    rehab,
    items,
  };
}

export interface RollCallInput {
  calledAt: Date;
  caller: string;
  answeredBy: string;
  items: { question: string; answer: string }[];
  remarks?: string | null;
}

export interface RollCallRecord {
  id: string;
  date: IsoDate;
  calledAt: string;
  caller: string;
  answeredBy: string;
  items: { question: string; answer: string }[];
  remarks: string | null;
  createdAt: string;
}

export async function recordRollCall(ctx: AppContext, actor: AuditActor & { userId: string }, input: RollCallInput): Promise<RollCallRecord> {
  const now = ctx.clock.now();
  if (input.calledAt.getTime() > now.getTime() + 5 * 60_000) {
    throw new AppError('VALIDATION_FAILED', '「点名时间」晚于当前时间，请填写实际点名的时间。', { fields: [{ field: 'calledAt', message: '不能晚于当前时间' }] });
  }
  const id = newId();
  const date = zonedParts(input.calledAt, ctx.config.timeZone).date;
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto('roll_call_records')
      .values({
        id,
        date,
        called_at: toDbInstant(input.calledAt),
        caller: input.caller,
        answered_by: input.answeredBy,
        items_json: toDbJson(input.items),
        remarks: input.remarks ?? null,
        recorded_by: actor.userId,
        created_at: toDbInstant(now),
      })
      .execute();
    await appendAudit(trx, actor, { action: 'roll_call.record', entityType: 'roll_call_record', entityId: id, summary: `登记视频点名（${input.caller}点名，${input.answeredBy}应答）`, after: input }, now);
  });
  ctx.log.info({ rollCallId: id, date }, 'roll call recorded');
  return (await listRollCalls(ctx, ctx.db.kysely, { id }))[0]!;
}

export async function listRollCalls(ctx: AppContext, db: Executor, filter: { id?: string; from?: IsoDate; to?: IsoDate }): Promise<RollCallRecord[]> {
  let query = db.selectFrom('roll_call_records').selectAll();
  if (filter.id) query = query.where('id', '=', filter.id);
  if (filter.from) query = query.where('date', '>=', filter.from);
  if (filter.to) query = query.where('date', '<=', filter.to);
  const rows = await query.orderBy('called_at', 'desc').execute();
  if (filter.id && rows.length === 0) throw notFound('点名记录');
  return rows.map((row) => ({
    id: row.id,
    date: row.date,
    calledAt: showInstant(ctx, row.called_at),
    caller: row.caller,
    answeredBy: row.answered_by,
    items: fromDbJson<{ question: string; answer: string }[]>(row.items_json, []),
    remarks: row.remarks,
    createdAt: showInstant(ctx, row.created_at),
  }));
}
