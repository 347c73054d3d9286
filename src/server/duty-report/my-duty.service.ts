/** "My duty today": the signed-in person's posts on a duty day and their tasks. */
import { dutyTasks, DUTY_POST_LABELS, type DutyFacts, type DutyPost, type DutyTask } from '../../domain/duty-report/index.js';
import type { IsoDate } from '../../domain/time.js';
import type { SessionUser } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import { dutyDayRange } from '../duty-log/duty-log.service.js';
import { dutyStaffPosts } from '../duty-signin/duty-signin.service.js';
import { responsibleShift, type ResponsibleShift } from '../handover/handover.service.js';
import { dailyStatusOf } from '../reports/daily-reports.service.js';
import { dutyStaffOn } from '../roster/duty-staff.js';

export interface MyDutyView {
  date: IsoDate;
  dayType: string;
  posts: { post: DutyPost; label: string; tasks: DutyTask[] }[];
  responsible: ResponsibleShift;
}

async function dutyFacts(ctx: AppContext, db: Executor, date: IsoDate): Promise<DutyFacts> {
  const range = dutyDayRange(ctx, date);
  const meeting = await db.selectFrom('handover_meetings').select('confirmed_at').where('duty_date', '=', date).executeTakeFirst();
  const status = await dailyStatusOf(ctx, db, date);
  const reminder = await db.selectFrom('report_reminders').select('id').where('report_date', '=', date).executeTakeFirst();
  const bulletins = await db.selectFrom('bulletins').select('status').where('report_date', '=', date).execute();
  const rollCalls = await db.selectFrom('roll_call_records').select('called_at').where('date', '=', date).execute();
  const plan = await db.selectFrom('night_check_plans').select('required_count').where('date', '=', date).executeTakeFirst();
  const checks = await db
    .selectFrom('night_check_records')
    .select('site_id')
    .where('checked_at', '>=', range.from)
    .where('checked_at', '<', range.to)
    .execute();
  const report = await db.selectFrom('duty_reports').select(['signed_at']).where('duty_date', '=', date).executeTakeFirst();
  return {
    handoverConfirmed: Boolean(meeting?.confirmed_at),
    reportsCollected: status.summary.missing === 0 || Boolean(reminder),
    bulletinReviewed: bulletins.some((bulletin) => bulletin.status !== 'draft'),
    provinceReported: bulletins.some((bulletin) => bulletin.status === 'sent'),
    rollCallsAt: rollCalls.map((row) => row.called_at),
    nightChecksPlanned: plan ? Number(plan.required_count) : 0,
    nightChecksDone: new Set(checks.map((row) => row.site_id)).size,
    reportDrafted: Boolean(report),
    reportSigned: Boolean(report?.signed_at),
  };
}

export async function myDuty(ctx: AppContext, user: SessionUser, date: IsoDate): Promise<MyDutyView> {
  const db = ctx.db.kysely;
  const now = ctx.clock.now();
  const staff = await dutyStaffOn(ctx, db, date);
  const mine = dutyStaffPosts(staff).filter((entry) => entry.personId === user.personId);
  const facts = mine.length > 0 ? await dutyFacts(ctx, db, date) : null;
  return {
    date,
    dayType: staff.dayType,
    posts: mine.map((entry) => ({
      post: entry.post,
      label: DUTY_POST_LABELS[entry.post],
      tasks: dutyTasks({ post: entry.post, date, dayType: staff.dayType, timeZone: ctx.config.timeZone, handoverTime: ctx.config.handoverTime, now, facts: facts! }),
    })),
    responsible: await responsibleShift(ctx, db, now),
  };
}
