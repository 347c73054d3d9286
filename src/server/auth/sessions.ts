import crypto from 'node:crypto';
import { sm3Hex } from '../crypto/sm.js';
import type { Executor } from '../db/database.js';
import { fromDbBool, fromDbJson, toDbInstant } from '../db/sql-values.js';
import type { Role } from '../../shared/roles.js';

export const SESSION_COOKIE = 'zhiban_session';

/** The signed-in account attached to a request. */
export interface SessionUser {
  id: string;
  username: string;
  name: string;
  roles: Role[];
  unitId: string;
  personId: string | null;
  mustChangePassword: boolean;
  sessionId: string;
  sessionKind: 'user' | 'display';
}

export function newSessionToken(): { token: string; id: string } {
  const token = crypto.randomBytes(32).toString('base64url');
  return { token, id: sm3Hex(token) };
}

export function sessionIdFromToken(token: string): string {
  return sm3Hex(token);
}

export async function insertSession(
  trx: Executor,
  session: { id: string; userId: string; kind: 'user' | 'display'; at: Date; ip: string | null },
): Promise<void> {
  const at = toDbInstant(session.at);
  await trx
    .insertInto('sessions')
    .values({ id: session.id, user_id: session.userId, kind: session.kind, created_at: at, last_seen_at: at, ip: session.ip })
    .execute();
}

export type SessionLookup =
  | { status: 'valid'; user: SessionUser; lastSeenAt: Date }
  | { status: 'expired' }
  | { status: 'missing' };

/**
 * Finds the session of a cookie token. A user session idle for longer than
 * `idleMinutes` is deleted and reported expired; a display session never expires.
 */
export async function lookupSession(db: Executor, token: string, now: Date, idleMinutes: number): Promise<SessionLookup> {
  const id = sessionIdFromToken(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.kind',
      'sessions.last_seen_at',
      'users.id',
      'users.username',
      'users.name',
      'users.roles',
      'users.unit_id',
      'users.person_id',
      'users.active',
      'users.must_change_password',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row || !fromDbBool(row.active)) return { status: 'missing' };

  const lastSeenAt = new Date(row.last_seen_at);
  if (row.kind === 'user' && now.getTime() - lastSeenAt.getTime() > idleMinutes * 60_000) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return { status: 'expired' };
  }
  return {
    status: 'valid',
    lastSeenAt,
    user: {
      id: row.id,
      username: row.username,
      name: row.name,
      roles: fromDbJson<Role[]>(row.roles, []),
      unitId: row.unit_id,
      personId: row.person_id,
      mustChangePassword: fromDbBool(row.must_change_password),
      sessionId: row.session_id,
      sessionKind: row.kind,
    },
  };
}

export async function touchSession(db: Executor, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: toDbInstant(now) }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(db: Executor, userId: string, exceptSessionId?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
  await query.execute();
}
