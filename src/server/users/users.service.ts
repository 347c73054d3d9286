import { sql } from 'kysely';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import { generatePassword, hashPassword } from '../auth/password.js';
import { readPasswordPolicy } from '../auth/auth.service.js';
import { deleteUserSessions } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import type { UsersTable } from '../db/platform-tables.js';
import { fromDbBool, fromDbJson, newId, toDbBool, toDbInstant, toDbJson } from '../db/sql-values.js';
import { AppError, notFound } from '../errors.js';
import type { Role } from '../../shared/roles.js';

export interface Account {
  id: string;
  username: string;
  name: string;
  roles: Role[];
  unitId: string;
  unitName: string;
  personId: string | null;
  active: boolean;
  locked: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
}

export interface AccountInput {
  username: string;
  name: string;
  roles: Role[];
  unitId: string;
  personId?: string | null;
}

/** The three administrators are kept apart: one account may hold at most one of these roles. */
const separatedRoles: Role[] = ['sys_admin', 'security_admin', 'audit_admin'];

/**
 * Checks who may manage an account (三员分立): the security administrator
 * manages the administrator accounts and the system administrator every
 * other account, so the system administrator cannot make itself an auditor
 * or switch off the one who audits it. No administrator changes their own account here.
 */
export function checkAccountManager(actorRoles: readonly Role[], actorUserId: string | null, targetUserId: string | null, affectedRoles: readonly Role[]): void {
  if (targetUserId !== null && targetUserId === actorUserId) {
    throw new AppError('FORBIDDEN', '不能修改自己账号的角色或状态，请由其他管理员办理。');
  }
  const touchesAdministrator = affectedRoles.some((role) => separatedRoles.includes(role));
  if (touchesAdministrator && !actorRoles.includes('security_admin')) {
    throw new AppError('FORBIDDEN', '系统管理员、安全管理员、审计管理员账号只能由安全管理员管理（三员分立），请联系安全管理员办理。');
  }
  if (!touchesAdministrator && !actorRoles.includes('sys_admin')) {
    throw new AppError('FORBIDDEN', '业务账号由系统管理员管理，请联系系统管理员办理。');
  }
}

export function checkRoleSeparation(roles: Role[]): void {
  const admins = roles.filter((role) => separatedRoles.includes(role));
  if (admins.length > 1) {
    throw new AppError('VALIDATION_FAILED', '「角色」系统管理员、安全管理员、审计管理员必须由不同账号担任（三员分立），请只选择其中一个。');
  }
  if (roles.includes('hall_display') && roles.length > 1) {
    throw new AppError('VALIDATION_FAILED', '「角色」指挥大厅显示屏账号只能有这一个角色。');
  }
}

function toAccount(row: UsersTable & { unit_name: string }, now: Date): Account {
  const locked = row.locked_until !== null && new Date(row.locked_until) > now;
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    roles: fromDbJson<Role[]>(row.roles, []),
    unitId: row.unit_id,
    unitName: row.unit_name,
    personId: row.person_id,
    active: fromDbBool(row.active),
    locked,
    lockedUntil: locked ? row.locked_until : null,
    mustChangePassword: fromDbBool(row.must_change_password),
    lastLoginAt: row.last_login_at,
  };
}

function accountsBase(db: Executor) {
  return db.selectFrom('users').innerJoin('units', 'units.id', 'users.unit_id');
}

export async function searchAccounts(ctx: AppContext, query: { q?: string; page: number; pageSize: number }) {
  let base = accountsBase(ctx.db.kysely);
  if (query.q) {
    const pattern = `%${query.q}%`;
    base = base.where((eb) => eb.or([eb('users.username', 'like', pattern), eb('users.name', 'like', pattern)]));
  }
  const counted = await base.select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll('users')
    .select('units.name as unit_name')
    .orderBy('users.username')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const now = ctx.clock.now();
  return { total: Number(counted.count), users: rows.map((row) => toAccount(row, now)) };
}

export async function getAccount(ctx: AppContext, id: string): Promise<Account> {
  const row = await accountsBase(ctx.db.kysely).selectAll('users').select('units.name as unit_name').where('users.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('账号');
  return toAccount(row, ctx.clock.now());
}

async function assertReferences(db: Executor, unitId: string, personId: string | null | undefined): Promise<void> {
  const unit = await db.selectFrom('units').select('id').where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw new AppError('VALIDATION_FAILED', '「单位」所选单位不存在，请重新选择。');
  if (personId) {
    const person = await db.selectFrom('people').select('unit_id').where('id', '=', personId).executeTakeFirst();
    if (!person) throw new AppError('VALIDATION_FAILED', '「人员」所选人员不存在，请重新选择。');
    if (person.unit_id !== unitId) throw new AppError('VALIDATION_FAILED', '「人员」所选人员不属于该账号的单位，请核对。');
  }
}

/** Inserts an account inside a transaction; used by the API, the CLI and the demo seed. */
export async function insertAccount(
  trx: Executor,
  actor: AuditActor,
  input: AccountInput,
  passwordHash: string,
  mustChangePassword: boolean,
  now: Date,
): Promise<string> {
  checkRoleSeparation(input.roles);
  await assertReferences(trx, input.unitId, input.personId);
  const existing = await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
  if (existing) throw new AppError('DUPLICATE', `用户名「${input.username}」已被使用，请换一个。`);
  const id = newId();
  await trx
    .insertInto('users')
    .values({
      id,
      username: input.username,
      name: input.name,
      password_hash: passwordHash,
      roles: toDbJson(input.roles),
      unit_id: input.unitId,
      person_id: input.personId ?? null,
      active: 1,
      must_change_password: toDbBool(mustChangePassword),
      failed_logins: 0,
      locked_until: null,
      password_changed_at: mustChangePassword ? null : toDbInstant(now),
      last_login_at: null,
      created_at: toDbInstant(now),
      updated_at: toDbInstant(now),
    })
    .execute();
  await appendAudit(trx, actor, { action: 'user.create', entityType: 'user', entityId: id, summary: `新增账号 ${input.username}`, after: input }, now);
  return id;
}

export async function createAccount(ctx: AppContext, actor: AuditActor, actorRoles: readonly Role[], input: AccountInput): Promise<{ account: Account; initialPassword: string }> {
  checkAccountManager(actorRoles, actor.userId, null, input.roles);
  const now = ctx.clock.now();
  const initialPassword = generatePassword(await readPasswordPolicy(ctx));
  const passwordHash = await hashPassword(initialPassword, ctx.config.passwordHashCost);
  const id = await ctx.db.kysely.transaction().execute((trx) => insertAccount(trx, actor, input, passwordHash, true, now));
  ctx.log.info({ userId: id }, 'account created');
  return { account: await getAccount(ctx, id), initialPassword };
}

export async function updateAccount(
  ctx: AppContext,
  actor: AuditActor,
  actorRoles: readonly Role[],
  id: string,
  patch: Partial<AccountInput> & { active?: boolean },
): Promise<Account> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('账号');
    checkAccountManager(actorRoles, actor.userId, id, [...fromDbJson<Role[]>(before.roles, []), ...(patch.roles ?? [])]);
    if (patch.roles) checkRoleSeparation(patch.roles);
    await assertReferences(trx, patch.unitId ?? before.unit_id, patch.personId === undefined ? before.person_id : patch.personId);
    const changes: Partial<UsersTable> = { updated_at: toDbInstant(now) };
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.roles !== undefined) changes.roles = toDbJson(patch.roles);
    if (patch.unitId !== undefined) changes.unit_id = patch.unitId;
    if (patch.personId !== undefined) changes.person_id = patch.personId;
    if (patch.active !== undefined) changes.active = toDbBool(patch.active);
    await trx.updateTable('users').set(changes).where('id', '=', id).execute();
    if (patch.active === false || patch.roles !== undefined) {
      // Changed roles take effect at once: the account signs in again.
      await deleteUserSessions(trx, id);
    }
    const { password_hash: _hash, ...beforeVisible } = before;
    await appendAudit(trx, actor, { action: 'user.update', entityType: 'user', entityId: id, summary: `修改账号 ${before.username}`, before: beforeVisible, after: patch }, now);
  });
  ctx.log.info({ userId: id }, 'account updated');
  return getAccount(ctx, id);
}

export async function resetAccountPassword(ctx: AppContext, actor: AuditActor, id: string): Promise<string> {
  const now = ctx.clock.now();
  const password = generatePassword(await readPasswordPolicy(ctx));
  const passwordHash = await hashPassword(password, ctx.config.passwordHashCost);
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('username').where('id', '=', id).executeTakeFirst();
    if (!user) throw notFound('账号');
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: 1, failed_logins: 0, locked_until: null, updated_at: toDbInstant(now) })
      .where('id', '=', id)
      .execute();
    await deleteUserSessions(trx, id);
    await appendAudit(trx, actor, { action: 'user.reset_password', entityType: 'user', entityId: id, summary: `重置账号 ${user.username} 的密码` }, now);
  });
  ctx.log.info({ userId: id }, 'password reset');
  return password;
}

export async function unlockAccount(ctx: AppContext, actor: AuditActor, id: string): Promise<Account> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select(['username', 'locked_until']).where('id', '=', id).executeTakeFirst();
    if (!user) throw notFound('账号');
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null, updated_at: toDbInstant(now) }).where('id', '=', id).execute();
    await appendAudit(trx, actor, { action: 'user.unlock', entityType: 'user', entityId: id, summary: `解锁账号 ${user.username}`, before: { lockedUntil: user.locked_until } }, now);
  });
  ctx.log.info({ userId: id }, 'account unlocked');
  return getAccount(ctx, id);
}
