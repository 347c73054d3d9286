import { DEFAULT_DAILY_REPORT_DEADLINES, type DailyReportDeadlines } from '../../domain/reports/index.js';
import type { AuditActor } from '../audit/audit-log.js';
import { appendAudit } from '../audit/audit-log.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import { invalidField } from '../errors.js';
import { readSetting, writeSetting } from '../settings.js';

/** Daily report settings: local `HH:mm` deadlines and the rectification period. */
export interface DailyReportSettings extends DailyReportDeadlines {
  /** Working days a unit recorded as late or missing has to rectify (限期整改). */
  rectificationWorkingDays: number;
  /** Local `HH:mm` by which each day's feedback on a leader's instruction is due. */
  instructionFeedbackTime: string;
}

export const DAILY_REPORT_SETTINGS_KEY = 'reports.daily';

/** Haikou's values: units by 15:00, collection by 15:30, report to the province by 16:00. */
export const DEFAULT_DAILY_REPORT_SETTINGS: DailyReportSettings = {
  ...DEFAULT_DAILY_REPORT_DEADLINES,
  rectificationWorkingDays: 3,
  instructionFeedbackTime: '23:59',
};

export async function readDailyReportSettings(db: Executor): Promise<DailyReportSettings> {
  return readSetting(db, DAILY_REPORT_SETTINGS_KEY, DEFAULT_DAILY_REPORT_SETTINGS);
}

export async function updateDailyReportSettings(ctx: AppContext, actor: AuditActor, patch: Partial<DailyReportSettings>): Promise<DailyReportSettings> {
  const now = ctx.clock.now();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await readDailyReportSettings(trx);
    const after = { ...before, ...patch };
    if (after.unitDeadline > after.collectionDeadline) {
      throw invalidField('单位报送截止时间', `（${after.unitDeadline}）不能晚于汇总截止时间（${after.collectionDeadline}），请调整。`);
    }
    if (after.collectionDeadline > after.provinceDeadline) {
      throw invalidField('汇总截止时间', `（${after.collectionDeadline}）不能晚于报省厅截止时间（${after.provinceDeadline}），请调整。`);
    }
    await writeSetting(trx, DAILY_REPORT_SETTINGS_KEY, after, now, actor.userId);
    await appendAudit(trx, actor, { action: 'reports.settings.update', entityType: 'setting', entityId: DAILY_REPORT_SETTINGS_KEY, summary: '修改零报告截止时间设置', before, after }, now);
    return after;
  });
}
