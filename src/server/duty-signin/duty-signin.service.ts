/** Duty sign-in and sign-out (在岗在位) and the on-site hours they add up to. */
import { onSiteHoursRequired } from '../../domain/calendar/index.js';
import { DUTY_POST_LABELS, onSiteShortfalls, type DutyPost, type PostHours, type SignInPeriod } from '../../domain/duty-report/index.js';
import { dutyDateOf, formatInstant, type IsoDate } from '../../domain/time.js';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import type { SessionUser } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import { newId, toDbInstant } from '../db/sql-values.js';
import { dutyDayRange } from '../duty-log/duty-log.service.js';
import { AppError, forbidden, invalidState } from '../errors.js';
import { dutyStaffOn, type FinalRosterDay } from '../roster/duty-staff.js';

/** Lists the duty staff of a day as one list of posts. */
export function dutyStaffPosts(staff: FinalRosterDay): { post: DutyPost; personId: string; name: string }[] {
  return [
    ...(staff.commander ? [{ post: 'commander' as const, ...staff.commander }] : []),
    ...(staff.shiftLeader ? [{ post: 'shiftLeader' as const, ...staff.shiftLeader }] : []),
    ...staff.officers.map((officer) => ({ post: 'officer' as const, ...officer })),
  ];
}

export async function signinPeriodsByPerson(db: Executor, date: IsoDate): Promise<Map<string, SignInPeriod[]>> {
  const rows = await db.selectFrom('duty_signins').selectAll().where('duty_date', '=', date).orderBy('signed_in_at').execute();
  const map = new Map<string, SignInPeriod[]>();
  for (const row of rows) {
    const list = map.get(row.person_id) ?? [];
    list.push({ signedInAt: row.signed_in_at, signedOutAt: row.signed_out_at });
    map.set(row.person_id, list);
  }
  return map;
}

export interface SigninBoard {
  date: IsoDate;
  dutyLevel: string;
  staff: (PostHours & { postLabel: string; onPost: boolean; periods: { signedInAt: string; signedOutAt: string | null }[] })[];
}

/** Returns who is on post now and each duty person's hours against the requirement. */
export async function signinBoard(ctx: AppContext, db: Executor, date: IsoDate): Promise<SigninBoard> {
  const staff = await dutyStaffOn(ctx, db, date);
  const periods = await signinPeriodsByPerson(db, date);
  const range = dutyDayRange(ctx, date);
  const rows = onSiteShortfalls(dutyStaffPosts(staff), periods, onSiteHoursRequired(staff.dutyLevel), range, ctx.clock.now());
  const tz = ctx.config.timeZone;
  return {
    date,
    dutyLevel: staff.dutyLevel,
    staff: rows.map((row) => {
      const own = periods.get(row.personId) ?? [];
      return {
        ...row,
        postLabel: DUTY_POST_LABELS[row.post],
        onPost: own.some((period) => period.signedOutAt === null),
        periods: own.map((period) => ({
          signedInAt: formatInstant(new Date(period.signedInAt), tz),
          signedOutAt: period.signedOutAt ? formatInstant(new Date(period.signedOutAt), tz) : null,
        })),
      };
    }),
  };
}

/** Signs the current user in on the duty day of now; only a person on that day's duty may. */
export async function signIn(ctx: AppContext, user: SessionUser, actor: AuditActor): Promise<{ dutyDate: IsoDate; signedInAt: string }> {
  const now = ctx.clock.now();
  const date = dutyDateOf(now, ctx.config.timeZone, ctx.config.handoverTime);
  const staff = await dutyStaffOn(ctx, ctx.db.kysely, date);
  const post = dutyStaffPosts(staff).find((entry) => entry.personId === user.personId);
  if (!post) throw forbidden(`您不在 ${date} 的值班人员名单中（以换班替班后的值班表为准），无需签到。`);

  await ctx.db.kysely.transaction().execute(async (trx) => {
    const open = await trx.selectFrom('duty_signins').select('id').where('person_id', '=', post.personId).where('signed_out_at', 'is', null).executeTakeFirst();
    if (open) throw invalidState('您已签到且尚未签退，请勿重复签到。');
    const id = newId();
    await trx.insertInto('duty_signins').values({
      id, duty_date: date, person_id: post.personId, person_name: post.name, post: post.post, signed_in_at: toDbInstant(now), signed_out_at: null,
    }).execute();
    await appendAudit(trx, actor, { action: 'duty_signin.sign_in', entityType: 'duty_signin', entityId: id, summary: `${DUTY_POST_LABELS[post.post]}${post.name}签到（${date}）` }, now);
  });
  return { dutyDate: date, signedInAt: formatInstant(now, ctx.config.timeZone) };
}

/** Closes the current user's open sign-in period. */
export async function signOut(ctx: AppContext, user: SessionUser, actor: AuditActor): Promise<{ dutyDate: IsoDate; signedOutAt: string }> {
  const now = ctx.clock.now();
  if (!user.personId) throw new AppError('FORBIDDEN', '您的账号未关联人员，不能签退。');
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const open = await trx.selectFrom('duty_signins').selectAll().where('person_id', '=', user.personId!).where('signed_out_at', 'is', null).executeTakeFirst();
    if (!open) throw invalidState('您当前没有未签退的签到记录，请先签到。');
    await trx.updateTable('duty_signins').set({ signed_out_at: toDbInstant(now) }).where('id', '=', open.id).execute();
    await appendAudit(trx, actor, { action: 'duty_signin.sign_out', entityType: 'duty_signin', entityId: open.id, summary: `${open.person_name}签退（${open.duty_date}）` }, now);
    return { dutyDate: open.duty_date, signedOutAt: formatInstant(now, ctx.config.timeZone) };
  });
}
