import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { fromDbBool, fromDbJson, toDbBool, toDbInstant } from '../db/sql-values.js';
import { readSetting, writeSetting } from '../settings.js';
import type { Role } from '../../shared/roles.js';
import {
  checkPasswordPolicy,
  defaultPasswordPolicy,
  hashPassword,
  verifyPassword,
  type PasswordPolicy,
} from './password.js';
import { deleteUserSessions, insertSession, newSessionToken } from './sessions.js';

export const PASSWORD_POLICY_KEY = 'security.password_policy';

export interface LoginResult {
  token: string;
  user: { id: string; username: string; name: string; roles: Role[]; unitId: string; mustChangePassword: boolean };
}

export async function readPasswordPolicy(ctx: AppContext): Promise<PasswordPolicy> {
  return readSetting(ctx.db.kysely, PASSWORD_POLICY_KEY, defaultPasswordPolicy);
}

export async function savePasswordPolicy(ctx: AppContext, actor: AuditActor, policy: PasswordPolicy): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await readSetting(trx, PASSWORD_POLICY_KEY, defaultPasswordPolicy);
    await writeSetting(trx, PASSWORD_POLICY_KEY, policy, now, actor.userId);
    await appendAudit(trx, actor, { action: 'security.password_policy', entityType: 'setting', entityId: PASSWORD_POLICY_KEY, summary: '修改密码策略', before, after: policy }, now);
  });
}

function minutesUntil(later: Date, now: Date): number {
  return Math.max(1, Math.ceil((later.getTime() - now.getTime()) / 60_000));
}

/**
 * Signs a user in. Failed attempts count up; the attempt that reaches the
 * limit locks the account for the configured minutes.
 */
export async function login(ctx: AppContext, username: string, password: string, ip: string | null): Promise<LoginResult> {
  const now = ctx.clock.now();
  const db = ctx.db.kysely;
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const actor: AuditActor = { userId: user?.id ?? null, name: user?.name ?? username, unitId: user?.unit_id ?? null, ip };

  if (!user) {
    ctx.log.info({ username, ip }, 'sign-in failed: unknown user');
    throw new AppError('INVALID_CREDENTIALS', `用户名或密码错误，请重新输入；连续错误${ctx.config.maxFailedLogins}次账号将被锁定。`);
  }
  if (user.locked_until && new Date(user.locked_until) > now) {
    ctx.log.info({ userId: user.id, ip }, 'sign-in rejected: account locked');
    const minutes = minutesUntil(new Date(user.locked_until), now);
    throw new AppError('ACCOUNT_LOCKED', `密码连续错误次数过多，账号已锁定，请${minutes}分钟后再试，或联系安全管理员解锁。`, { retryAfterMinutes: minutes });
  }
  if (!fromDbBool(user.active)) {
    ctx.log.info({ userId: user.id, ip }, 'sign-in rejected: account disabled');
    throw new AppError('ACCOUNT_DISABLED');
  }

  const valid = await verifyPassword(user.password_hash, password);
  if (!valid) {
    const failures = user.failed_logins + 1;
    const locks = failures >= ctx.config.maxFailedLogins;
    const lockedUntil = locks ? new Date(now.getTime() + ctx.config.lockMinutes * 60_000) : null;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ failed_logins: locks ? 0 : failures, locked_until: lockedUntil ? toDbInstant(lockedUntil) : user.locked_until, updated_at: toDbInstant(now) })
        .where('id', '=', user.id)
        .execute();
      await appendAudit(trx, actor, {
        action: locks ? 'auth.locked' : 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        summary: locks ? `连续${failures}次密码错误，账号 ${user.username} 被锁定${ctx.config.lockMinutes}分钟` : `账号 ${user.username} 登录失败（第${failures}次）`,
      }, now);
    });
    ctx.log.info({ userId: user.id, ip, failures, locked: locks }, 'sign-in failed: wrong password');
    if (locks) {
      throw new AppError('ACCOUNT_LOCKED', `密码连续错误${failures}次，账号已锁定${ctx.config.lockMinutes}分钟，请稍后再试，或联系安全管理员解锁。`, { retryAfterMinutes: ctx.config.lockMinutes });
    }
    // The message is the same as for an unknown user, so it does not reveal which usernames exist.
    throw new AppError('INVALID_CREDENTIALS', `用户名或密码错误，请重新输入；连续错误${ctx.config.maxFailedLogins}次账号将被锁定。`);
  }

  const roles = fromDbJson<Role[]>(user.roles, []);
  const policy = await readPasswordPolicy(ctx);
  const passwordExpired =
    policy.maxAgeDays > 0 &&
    user.password_changed_at !== null &&
    now.getTime() - new Date(user.password_changed_at).getTime() > policy.maxAgeDays * 86_400_000;
  const mustChangePassword = fromDbBool(user.must_change_password) || passwordExpired;
  const session = newSessionToken();
  const kind = roles.includes('hall_display') ? 'display' : 'user';

  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        failed_logins: 0,
        locked_until: null,
        last_login_at: toDbInstant(now),
        must_change_password: toDbBool(mustChangePassword),
        updated_at: toDbInstant(now),
      })
      .where('id', '=', user.id)
      .execute();
    await insertSession(trx, { id: session.id, userId: user.id, kind, at: now, ip });
    await appendAudit(trx, actor, { action: 'auth.login', entityType: 'user', entityId: user.id, summary: `账号 ${user.username} 登录` }, now);
  });
  ctx.log.info({ userId: user.id, ip, sessionKind: kind }, 'signed in');

  return {
    token: session.token,
    user: { id: user.id, username: user.username, name: user.name, roles, unitId: user.unit_id, mustChangePassword },
  };
}

export async function changePassword(
  ctx: AppContext,
  actor: AuditActor & { userId: string },
  sessionId: string,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const now = ctx.clock.now();
  const db = ctx.db.kysely;
  const user = await db.selectFrom('users').selectAll().where('id', '=', actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, currentPassword))) {
    // Wrong current passwords count like wrong sign-ins, so a left-open session cannot be used to guess.
    const failures = user.failed_logins + 1;
    const locks = failures >= ctx.config.maxFailedLogins;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ failed_logins: locks ? 0 : failures, locked_until: locks ? toDbInstant(new Date(now.getTime() + ctx.config.lockMinutes * 60_000)) : user.locked_until, updated_at: toDbInstant(now) })
        .where('id', '=', user.id)
        .execute();
      if (locks) await deleteUserSessions(trx, user.id);
      await appendAudit(trx, actor, { action: locks ? 'auth.locked' : 'auth.change_password_failed', entityType: 'user', entityId: user.id, summary: `账号 ${user.username} 修改密码时当前密码错误（第${failures}次）` }, now);
    });
    ctx.log.info({ userId: user.id, failures, locked: locks }, 'password change failed: wrong current password');
    if (locks) {
      throw new AppError('ACCOUNT_LOCKED', `当前密码连续错误${failures}次，账号已锁定${ctx.config.lockMinutes}分钟并退出登录，请稍后再试。`);
    }
    throw new AppError('WRONG_CURRENT_PASSWORD');
  }
  const policy = await readPasswordPolicy(ctx);
  const problems = checkPasswordPolicy(newPassword, policy, user.username);
  if (currentPassword === newPassword) problems.push('新密码不能与当前密码相同');
  if (problems.length > 0) {
    throw new AppError('WEAK_PASSWORD', `「新密码」不符合安全策略：${problems.join('；')}。`, { problems });
  }
  const passwordHash = await hashPassword(newPassword, ctx.config.passwordHashCost);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: 0, password_changed_at: toDbInstant(now), updated_at: toDbInstant(now) })
      .where('id', '=', user.id)
      .execute();
    // The account's other sessions end, so anyone signed in with the old password is signed out.
    await deleteUserSessions(trx, user.id, sessionId);
    await appendAudit(trx, actor, { action: 'auth.change_password', entityType: 'user', entityId: user.id, summary: `账号 ${user.username} 修改密码` }, now);
  });
  ctx.log.info({ userId: user.id }, 'password changed');
}
