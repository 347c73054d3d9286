/**
 * 我的值班订阅: a personal calendar feed behind a secret URL. The token is 32
 * random bytes shown once; only its SM3 hash is stored, so a leaked database
 * does not reveal working feed addresses. Rotating replaces the token and
 * revoking ends it. Either way the old URL returns 404.
 */
import crypto from 'node:crypto';
import { DAY_TYPE_LABELS, DUTY_LEVEL_LABELS } from '../../domain/calendar/index.js';
import { DUTY_ROLE_LABELS, type DutyRole } from '../../domain/roster/index.js';
import { addDays, formatInstant } from '../../domain/time.js';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import { currentDutyDate } from '../calendar/calendar.service.js';
import type { AppContext } from '../context.js';
import { sm3Hex } from '../crypto/sm.js';
import { fromDbBool, fromDbInstant, newId, toDbInstant } from '../db/sql-values.js';
import { notFound } from '../errors.js';
import { finalRosterForRange } from './duty-staff.js';
import { centerName, dateLabel } from './roster-export.js';
import { buildCalendarFeed, type CalendarDuty } from './ical.js';

/** Days of past and future duties in a feed. */
const FEED_DAYS_BEFORE = 92;
const FEED_DAYS_AFTER = 184;

export interface CalendarFeedStatus {
  active: boolean;
  createdAt: string | null;
}

export function feedPath(token: string): string {
  return `/api/calendar-feeds/${token}.ics`;
}

export async function feedStatus(ctx: AppContext, personId: string): Promise<CalendarFeedStatus> {
  const row = await ctx.db.kysely.selectFrom('calendar_feeds').select('created_at').where('person_id', '=', personId).where('revoked_at', 'is', null).executeTakeFirst();
  return { active: row !== undefined, createdAt: row ? formatInstant(fromDbInstant(row.created_at), ctx.config.timeZone) : null };
}

/** Creates the person's feed, or replaces its token; returns the new token once. */
export async function rotateFeed(ctx: AppContext, actor: AuditActor, personId: string): Promise<{ token: string; createdAt: string }> {
  const now = ctx.clock.now();
  const token = crypto.randomBytes(32).toString('base64url');
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const revoked = await trx.updateTable('calendar_feeds').set({ revoked_at: toDbInstant(now) }).where('person_id', '=', personId).where('revoked_at', 'is', null).executeTakeFirst();
    await trx.insertInto('calendar_feeds').values({ id: newId(), person_id: personId, token_hash: sm3Hex(token), created_at: toDbInstant(now), revoked_at: null }).execute();
    const replaced = Number(revoked.numUpdatedRows) > 0;
    await appendAudit(trx, actor, { action: replaced ? 'calendar_feed.rotate' : 'calendar_feed.create', entityType: 'calendar_feed', entityId: personId, summary: replaced ? '更换值班订阅地址' : '开通值班订阅' }, now);
  });
  ctx.log.info({ personId }, 'calendar feed token issued');
  return { token, createdAt: formatInstant(now, ctx.config.timeZone) };
}

export async function revokeFeed(ctx: AppContext, actor: AuditActor, personId: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const result = await trx.updateTable('calendar_feeds').set({ revoked_at: toDbInstant(now) }).where('person_id', '=', personId).where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound('值班订阅');
    await appendAudit(trx, actor, { action: 'calendar_feed.revoke', entityType: 'calendar_feed', entityId: personId, summary: '停用值班订阅' }, now);
  });
  ctx.log.info({ personId }, 'calendar feed revoked');
}

/**
 * Returns the iCalendar text of the feed of a token, or null when the token is
 * unknown, revoked or belongs to a deactivated person. Only published days
 * appear, with the final staff after swaps and substitutions.
 */
export async function renderFeed(ctx: AppContext, token: string): Promise<string | null> {
  const db = ctx.db.kysely;
  const feed = await db
    .selectFrom('calendar_feeds')
    .innerJoin('people', 'people.id', 'calendar_feeds.person_id')
    .select(['calendar_feeds.id', 'people.id as person_id', 'people.name', 'people.active'])
    .where('calendar_feeds.token_hash', '=', sm3Hex(token))
    .where('calendar_feeds.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!feed || !fromDbBool(feed.active)) return null;

  const today = currentDutyDate(ctx);
  const days = await finalRosterForRange(ctx, db, addDays(today, -FEED_DAYS_BEFORE), addDays(today, FEED_DAYS_AFTER));
  const duties: CalendarDuty[] = [];
  for (const day of days) {
    if (!day.published) continue;
    const posts: [DutyRole, boolean][] = [
      ['commander', day.commander?.personId === feed.person_id],
      ['shiftLeader', day.shiftLeader?.personId === feed.person_id],
      ['officer', day.officers.some((officer) => officer.personId === feed.person_id)],
    ];
    for (const [role, held] of posts) {
      if (!held) continue;
      duties.push({
        date: day.date,
        roleKey: role,
        roleLabel: DUTY_ROLE_LABELS[role],
        details: [
          `${dateLabel(day.date)}，${day.name ? `${DAY_TYPE_LABELS[day.dayType]}（${day.name}）` : DAY_TYPE_LABELS[day.dayType]}，${DUTY_LEVEL_LABELS[day.dutyLevel]}`,
          `值班指挥长：${day.commander?.name ?? '未安排'}`,
          `值班长：${day.shiftLeader?.name ?? '未安排'}`,
          `值班员：${day.officers.map((officer) => officer.name).join('、') || '未安排'}`,
        ],
      });
    }
  }
  ctx.log.info({ feedId: feed.id, duties: duties.length }, 'calendar feed served');
  return buildCalendarFeed({
    centerName: await centerName(db),
    personId: feed.person_id,
    personName: feed.name,
    duties,
    timeZone: ctx.config.timeZone,
    handoverTime: ctx.config.handoverTime,
    now: ctx.clock.now(),
  });
}
