import { appendAudit, systemActor } from '../audit/audit-log.js';
import { checkPasswordPolicy, defaultPasswordPolicy, generatePassword, hashPassword } from '../auth/password.js';
import type { AppContext } from '../context.js';
import { newId, toDbInstant, toDbJson } from '../db/sql-values.js';
import { insertAccount } from '../users/users.service.js';
import { demoMobile, haikouAccounts, haikouPeople, haikouUnits } from './haikou.js';
import { demoSeeders, type DemoSeedContext } from './demo-registry.js';

/** Creates the shipped default units on an empty database; returns whether it did. */
export async function seedDefaultUnits(ctx: AppContext): Promise<boolean> {
  const existing = await ctx.db.kysely.selectFrom('units').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    for (const [index, unit] of haikouUnits.entries()) {
      await trx
        .insertInto('units')
        .values({
          id: newId(),
          name: unit.name,
          short_name: unit.shortName,
          kind: unit.kind,
          duty_room_name: unit.dutyRoomName,
          duty_room_phone: ctx.cipher.encrypt(unit.dutyRoomPhone),
          liaison_person_id: null,
          sort_order: index,
          active: 1,
          created_at: toDbInstant(now),
          updated_at: toDbInstant(now),
        })
        .execute();
    }
    await appendAudit(trx, systemActor, { action: 'unit.seed', entityType: 'unit', summary: `载入默认组织机构（${haikouUnits.length}个单位）` }, now);
  });
  ctx.log.info({ units: haikouUnits.length }, 'default units created');
  return true;
}

/**
 * Creates the system administrator `admin` when no account exists. Returns
 * the password to print once, or null when accounts already exist.
 */
export async function ensureAdministrator(ctx: AppContext, password: string | null): Promise<{ password: string; generated: boolean } | null> {
  const anyUser = await ctx.db.kysely.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) return null;
  const center = await ctx.db.kysely.selectFrom('units').select('id').where('kind', '=', 'command_center').executeTakeFirstOrThrow();
  if (password) {
    const problems = checkPasswordPolicy(password, defaultPasswordPolicy, 'admin');
    if (problems.length > 0) throw new Error(`ZHIBAN_ADMIN_PASSWORD does not meet the password policy: ${problems.join('; ')}`);
  }
  const chosen = password ?? generatePassword();
  const passwordHash = await hashPassword(chosen, ctx.config.passwordHashCost);
  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute((trx) =>
    insertAccount(trx, systemActor, { username: 'admin', name: '系统管理员', roles: ['sys_admin'], unitId: center.id }, passwordHash, password === null, now),
  );
  ctx.log.info({ username: 'admin', generated: password === null }, 'system administrator created');
  return { password: chosen, generated: password === null };
}

export interface DemoAccount {
  username: string;
  name: string;
  roles: string[];
  unitName: string;
}

/**
 * Loads the demo organization: people, liaisons, accounts and each module's
 * demo month. Does nothing when demo people already exist.
 */
export async function seedDemo(ctx: AppContext, password: string): Promise<{ created: boolean; accounts: DemoAccount[] }> {
  await seedDefaultUnits(ctx);
  const units = await ctx.db.kysely.selectFrom('units').select(['id', 'name']).execute();
  const unitIdByKey = new Map<string, string>();
  const unitNameByKey = new Map<string, string>();
  for (const unit of haikouUnits) {
    const row = units.find((candidate) => candidate.name === unit.name);
    if (row) {
      unitIdByKey.set(unit.key, row.id);
      unitNameByKey.set(unit.key, row.name);
    }
  }
  const accounts: DemoAccount[] = haikouAccounts.map((account) => ({
    username: account.username,
    name: account.name,
    roles: account.roles,
    unitName: unitNameByKey.get(account.unit) ?? '',
  }));

  const alreadySeeded = await ctx.db.kysely.selectFrom('people').select('id').limit(1).executeTakeFirst();
  if (alreadySeeded) return { created: false, accounts };

  const now = ctx.clock.now();
  const personIdByKey = new Map<string, string>();
  const passwordHash = await hashPassword(password, ctx.config.passwordHashCost);

  await ctx.db.kysely.transaction().execute(async (trx) => {
    for (const [index, person] of haikouPeople.entries()) {
      const id = newId();
      personIdByKey.set(person.key, id);
      await trx
        .insertInto('people')
        .values({
          id,
          name: person.name,
          unit_id: unitIdByKey.get(person.unit)!,
          position: person.position,
          is_police: person.isPolice ? 1 : 0,
          mobile_phone: ctx.cipher.encrypt(demoMobile(index)),
          office_phone: null,
          duty_roles: toDbJson(person.dutyRoles),
          active: 1,
          created_at: toDbInstant(now),
          updated_at: toDbInstant(now),
        })
        .execute();
    }
    for (const person of haikouPeople.filter((candidate) => candidate.key.startsWith('liaison-'))) {
      await trx
        .updateTable('units')
        .set({ liaison_person_id: personIdByKey.get(person.key)! })
        .where('id', '=', unitIdByKey.get(person.unit)!)
        .execute();
    }
    // Only the system administrator may already exist (from a production start).
    const existingUsernames = new Set((await trx.selectFrom('users').select('username').execute()).map((row) => row.username));
    for (const account of haikouAccounts) {
      if (existingUsernames.has(account.username)) continue;
      await insertAccount(
        trx,
        systemActor,
        {
          username: account.username,
          name: account.name,
          roles: account.roles,
          unitId: unitIdByKey.get(account.unit)!,
          personId: account.person ? personIdByKey.get(account.person)! : null,
        },
        passwordHash,
        false,
        now,
      );
    }
    await appendAudit(trx, systemActor, { action: 'demo.seed', entityType: 'system', summary: `载入演示数据：人员${haikouPeople.length}人、账号${haikouAccounts.length}个` }, now);
  });

  const seedContext: DemoSeedContext = { unitIdByKey, personIdByKey };
  for (const seeder of demoSeeders) {
    await seeder.run(ctx, seedContext);
    ctx.log.info({ seeder: seeder.name }, 'demo data loaded');
  }
  return { created: true, accounts };
}
