/**
 * Demo seats and submissions: the default seats, a standby schedule for this
 * month and the next, and this month's staff submissions with one department
 * on time, one late and the rest missing, so the pages have data to show.
 */
import { datesBetween, monthBounds } from '../../domain/time.js';
import { appendAudit, systemActor } from '../audit/audit-log.js';
import { currentDutyDate } from '../calendar/calendar.service.js';
import type { AppContext } from '../context.js';
import { fromDbJson, newId, toDbInstant, toDbJson } from '../db/sql-values.js';
import type { DemoSeeder } from '../seed/demo-registry.js';
import { nextMonth, planStandbyRotation, type SubmissionEntry } from '../submissions/submission-rules.js';
import { submissionDeadlineFor } from '../submissions/submissions.service.js';
import type { DutyRole } from '../../shared/roles.js';
import { ensureDefaultSeats, listSeats, type Seat } from './seats.service.js';

export const seatsDemoSeeder: DemoSeeder = {
  name: 'seats',
  async run(ctx) {
    await ensureDefaultSeats(ctx);
    const month = currentDutyDate(ctx).slice(0, 7);
    const seats = (await listSeats(ctx, ctx.db.kysely, { activeOnly: true })).filter((seat) => !seat.isGeneral);
    const standbyPeople = await standbyPeopleBySeat(ctx, seats);

    await seedStandby(ctx, month, seats, standbyPeople);
    await seedStandby(ctx, nextMonth(month), seats, standbyPeople);
    await seedSubmissions(ctx, month, seats, standbyPeople);
  },
};

async function standbyPeopleBySeat(ctx: AppContext, seats: readonly Seat[]): Promise<Map<string, { id: string; name: string }[]>> {
  const people = await ctx.db.kysely.selectFrom('people').select(['id', 'name', 'unit_id', 'duty_roles']).where('active', '=', 1).orderBy('name').execute();
  const standby = people.filter((person) => fromDbJson<DutyRole[]>(person.duty_roles, []).includes('seat_standby'));
  return new Map(seats.map((seat) => [seat.id, standby.filter((person) => seat.units.some((unit) => unit.id === person.unit_id))]));
}

async function seedStandby(ctx: AppContext, month: string, seats: readonly Seat[], peopleBySeat: Map<string, { id: string; name: string }[]>): Promise<void> {
  const { first, last } = monthBounds(month);
  const dates = datesBetween(first, last);
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    for (const seat of seats) {
      const people = peopleBySeat.get(seat.id) ?? [];
      for (const item of planStandbyRotation(dates, people.map((person) => person.id), new Set())) {
        await trx
          .insertInto('seat_standby')
          .values({ id: newId(), seat_id: seat.id, date: item.date, person_id: item.personId, source: 'manual', updated_at: toDbInstant(now), updated_by: null })
          .execute();
      }
    }
    await appendAudit(trx, systemActor, { action: 'seat.standby.update', entityType: 'seat_standby', entityId: month, summary: `载入演示数据：${month}席位备勤安排` }, now);
  });
}

/** Inserts two submissions with chosen times: the correction office two days early, the rehabilitation center a day late. */
async function seedSubmissions(ctx: AppContext, month: string, seats: readonly Seat[], peopleBySeat: Map<string, { id: string; name: string }[]>): Promise<void> {
  const deadline = await submissionDeadlineFor(ctx, ctx.db.kysely, month);
  const plans = [
    { seatName: '社区矫正', at: new Date(deadline.getTime() - 2 * 86_400_000), by: '邓伟' },
    { seatName: '戒毒管理', at: new Date(deadline.getTime() + 86_400_000 + 3 * 3_600_000), by: '符丽珍' },
  ];
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    for (const plan of plans) {
      const seat = seats.find((candidate) => candidate.name === plan.seatName);
      const unit = seat?.units[0];
      const people = seat ? (peopleBySeat.get(seat.id) ?? []) : [];
      // A submission is only possible before now; an empty seat department has nothing to submit.
      if (!seat || !unit || people.length === 0 || plan.at.getTime() > now.getTime()) continue;
      const entries: SubmissionEntry[] = [{ role: 'seat_standby', seatId: seat.id, seatName: seat.name, people: people.map((person) => ({ personId: person.id, name: person.name })) }];
      await trx
        .insertInto('duty_submissions')
        .values({
          id: newId(), month, unit_id: unit.id, first_submitted_at: toDbInstant(plan.at), submitted_at: toDbInstant(plan.at),
          submitted_by_user_id: null, submitted_by_name: plan.by, entries: toDbJson(entries), note: null, revision: 1,
        })
        .execute();
    }
    const missing = await trx.selectFrom('units').select('id').where('name', '=', '海口市未成年人法制教育中心').executeTakeFirst();
    const remindedAt = addDaysInstant(deadline, 1);
    if (missing && remindedAt.getTime() <= now.getTime()) {
      await trx
        .insertInto('submission_reminders')
        .values({ id: newId(), month, unit_id: missing.id, reminded_at: toDbInstant(remindedAt), reminded_by_user_id: null, reminded_by_name: '王晓明' })
        .execute();
    }
    await appendAudit(trx, systemActor, { action: 'submission.seed', entityType: 'duty_submission', entityId: month, summary: `载入演示数据：${month}月度人员报送` }, now);
  });
}

function addDaysInstant(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * 86_400_000);
}
