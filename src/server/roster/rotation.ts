/** Loaders that turn the database into the rotation domain's inputs. */
import { classifyDay, type CalendarContext } from '../../domain/calendar/index.js';
import type { DutyRole, PriorAssignment, RosterPerson, Unavailability } from '../../domain/roster/index.js';
import type { IsoDate } from '../../domain/time.js';
import type { Executor } from '../db/database.js';
import type { AssignmentRole } from '../db/calendar-roster-tables.js';
import { fromDbJson } from '../db/sql-values.js';
import type { DutyRole as PersonDutyRole } from '../../shared/roles.js';

/** Person duty role (people.duty_roles) that feeds each roster post. */
export const QUEUE_SOURCE: Readonly<Record<DutyRole, PersonDutyRole>> = {
  commander: 'commander',
  shiftLeader: 'shift_leader',
  officer: 'officer',
};

const ROLES: readonly AssignmentRole[] = ['commander', 'shiftLeader', 'officer'];

/**
 * Adds people who newly hold a duty role to that role's rotation, at the end
 * of the queue. The first people of a role are founding members; anyone added
 * later joins on `joinedOn`, so the generator gives them no catch-up load.
 */
export async function syncRotationMembers(trx: Executor, joinedOn: IsoDate): Promise<void> {
  const people = await eligiblePeople(trx);
  const members = await trx.selectFrom('duty_rotation_members').selectAll().execute();

  for (const role of ROLES) {
    const existing = members.filter((member) => member.role === role);
    const known = new Set(existing.map((member) => member.person_id));
    const founding = existing.length === 0;
    let position = existing.reduce((max, member) => Math.max(max, member.position), -1);
    for (const person of people) {
      if (!person.dutyRoles.includes(QUEUE_SOURCE[role]) || known.has(person.id)) continue;
      position += 1;
      await trx
        .insertInto('duty_rotation_members')
        .values({ person_id: person.id, role, joined_on: founding ? null : joinedOn, position })
        .execute();
    }
  }
}

/** Rotation queue per role: active people who still hold the duty role, in rotation order. */
export async function loadQueues(db: Executor): Promise<Record<DutyRole, RosterPerson[]>> {
  const people = await eligiblePeople(db);
  const byId = new Map(people.map((person) => [person.id, person]));
  const members = await db.selectFrom('duty_rotation_members').selectAll().orderBy('position').execute();

  const queues: Record<DutyRole, RosterPerson[]> = { commander: [], shiftLeader: [], officer: [] };
  for (const member of members) {
    const person = byId.get(member.person_id);
    if (!person || !person.dutyRoles.includes(QUEUE_SOURCE[member.role])) continue;
    queues[member.role].push({
      personId: person.id,
      name: person.name,
      ...(member.joined_on ? { joinedAt: member.joined_on } : {}),
    });
  }
  return queues;
}

/** Duties held from `from` to `to` (inclusive), excluding `skipMonth`, with day types from the calendar. */
export async function loadAssignmentsAsHistory(
  db: Executor,
  calendar: CalendarContext,
  from: IsoDate,
  to: IsoDate,
  skipMonth?: string,
): Promise<PriorAssignment[]> {
  let query = db.selectFrom('roster_assignments').select(['date', 'role', 'person_id']).where('date', '>=', from).where('date', '<=', to);
  if (skipMonth) query = query.where('month', '!=', skipMonth);
  const rows = await query.orderBy('date').execute();

  const dayTypes = new Map<IsoDate, PriorAssignment['dayType']>();
  return rows.map((row) => {
    let dayType = dayTypes.get(row.date);
    if (!dayType) {
      dayType = classifyDay(row.date, calendar).dayType;
      dayTypes.set(row.date, dayType);
    }
    return { date: row.date, role: row.role, personId: row.person_id, dayType };
  });
}

/** Approved leave overlapping `from` to `to`. */
export async function loadApprovedLeave(db: Executor, from: IsoDate, to: IsoDate): Promise<Unavailability[]> {
  const rows = await db
    .selectFrom('duty_leaves')
    .select(['person_id', 'from_date', 'to_date', 'reason'])
    .where('status', '=', 'approved')
    .where('from_date', '<=', to)
    .where('to_date', '>=', from)
    .execute();
  return rows.map((row) => ({ personId: row.person_id, from: row.from_date, to: row.to_date, reason: row.reason }));
}

interface EligiblePerson {
  id: string;
  name: string;
  dutyRoles: PersonDutyRole[];
}

async function eligiblePeople(db: Executor): Promise<EligiblePerson[]> {
  const rows = await db
    .selectFrom('people')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select(['people.id', 'people.name', 'people.duty_roles'])
    .where('people.active', '=', 1)
    .orderBy('units.sort_order')
    .orderBy('people.name')
    .orderBy('people.id')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, dutyRoles: fromDbJson<PersonDutyRole[]>(row.duty_roles, []) }));
}
