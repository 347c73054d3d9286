/**
 * Demo rosters: the previous, current and next month around the clock's
 * today, generated and published, with one approved leave and one approved
 * swap of two officers, so every page has a realistic roster to show.
 */
import { addDays, type IsoDate } from '../../domain/time.js';
import { systemActor, type AuditActor } from '../audit/audit-log.js';
import type { SessionUser } from '../auth/sessions.js';
import { currentDutyDate } from '../calendar/calendar.service.js';
import type { AppContext } from '../context.js';
import { fromDbJson } from '../db/sql-values.js';
import { AppError } from '../errors.js';
import type { DemoSeeder } from '../seed/demo-registry.js';
import type { Role } from '../../shared/roles.js';
import { answerDutyRequest, createDutyRequest, decideDutyRequest } from './duty-requests.service.js';
import { decideLeave, requestLeave } from './leave.service.js';
import { generateMonth, publishRoster } from './roster.service.js';

export const rosterDemoSeeder: DemoSeeder = {
  name: 'roster',
  async run(ctx, seed) {
    const today = currentDutyDate(ctx);
    const leader = await demoUser(ctx, 'leader');
    const commander = await demoUser(ctx, 'commander');
    if (!leader || !commander) return;

    const officerId = seed.personIdByKey.get('officer-5');
    const nextMonth = shiftMonth(today.slice(0, 7), 1);
    if (officerId) {
      const leave = await requestLeave(ctx, leader, actorOf(leader), { personId: officerId, from: `${nextMonth}-10`, to: `${nextMonth}-14`, reason: '公休假' });
      await decideLeave(ctx, commander, actorOf(commander), leave.id, true, '同意');
    }

    for (const month of [shiftMonth(today.slice(0, 7), -1), today.slice(0, 7), nextMonth]) {
      await generateMonth(ctx, systemActor, month);
      await publishRoster(ctx, actorOf(leader), month);
    }
    await seedSwap(ctx, leader, today);
  },
};

/** Swaps two officers' future duties, trying pairs until one passes the rest and leave rules. */
async function seedSwap(ctx: AppContext, approver: SessionUser, today: IsoDate): Promise<void> {
  const posts = await ctx.db.kysely
    .selectFrom('roster_assignments')
    .select(['date', 'person_id'])
    .where('role', '=', 'officer')
    .where('date', '>=', addDays(today, 2))
    .where('date', '<=', addDays(today, 20))
    .orderBy('date')
    .execute();

  for (const first of posts) {
    for (const second of posts) {
      if (second.date <= addDays(first.date, 2) || second.person_id === first.person_id) continue;
      try {
        const request = await createDutyRequest(ctx, approver, actorOf(approver), {
          kind: 'swap', date: first.date, role: 'officer', counterpartPersonId: second.person_id,
          counterpartDate: second.date, reason: '家中有事，与同事换班', requesterPersonId: first.person_id,
        });
        await answerDutyRequest(ctx, { ...approver, personId: second.person_id }, actorOf(approver), request.id, true);
        await decideDutyRequest(ctx, approver, actorOf(approver), request.id, true, '同意换班');
        return;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
    }
  }
  ctx.log.warn({ today }, 'demo swap not created: no eligible pair of officers');
}

async function demoUser(ctx: AppContext, username: string): Promise<SessionUser | null> {
  const row = await ctx.db.kysely.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id, username: row.username, name: row.name, roles: fromDbJson<Role[]>(row.roles, []), unitId: row.unit_id,
    personId: row.person_id, mustChangePassword: false, sessionId: 'demo-seed', sessionKind: 'user',
  };
}

function actorOf(user: SessionUser): AuditActor {
  return { userId: user.id, name: user.name, unitId: user.unitId, ip: null };
}

function shiftMonth(month: string, delta: number): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + delta);
  return date.toISOString().slice(0, 7);
}
