#!/usr/bin/env node
/**
 * The `zhiban` command: serve, demo, db migrate, audit verify.
 * `npm start` runs `serve`; `npm run demo` runs `demo`.
 */
import { verifyAuditChain } from './audit/audit-log.js';
import { generatePassword } from './auth/password.js';
import { closeContext, createContext } from './bootstrap.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { startServer, stopOnSignals } from './main.js';
import { ensureAdministrator, seedDefaultUnits, seedDemo } from './seed/seed.js';
import { roleLabels, type Role } from '../shared/roles.js';

const usage = `用法 / usage: zhiban <command>

  serve          Start the server (production; no demo data).
  demo           Load the Haikou demo organization and data, then start the server.
  db migrate     Apply database migrations and exit.
  audit verify   Check the audit log's SM3 hash chain; exit code 1 when it was altered.
`;

async function serve(withDemo: boolean): Promise<void> {
  const config = loadConfig();
  const ctx = await createContext(config);
  await seedDefaultUnits(ctx);
  const admin = withDemo ? null : await ensureAdministrator(ctx, config.adminPassword);

  let demoPassword: string | null = null;
  let demoAccounts: Awaited<ReturnType<typeof seedDemo>>['accounts'] = [];
  if (withDemo) {
    demoPassword = config.demoPassword ?? generatePassword();
    const result = await seedDemo(ctx, demoPassword);
    demoAccounts = result.accounts;
    if (!result.created && !config.demoPassword) demoPassword = '（沿用首次载入演示数据时的密码 / unchanged since the first demo start）';
  }

  const server = await startServer(ctx);
  stopOnSignals(server, ctx.log);

  const lines = ['', `Zhiban 值班值守系统 is running at ${server.url}`, `  database: ${ctx.db.dialect}`];
  if (admin) {
    lines.push(
      admin.generated
        ? `  System administrator: admin / ${admin.password}  (shown once; change it at first sign-in)`
        : '  System administrator: admin (password from ZHIBAN_ADMIN_PASSWORD)',
    );
  }
  if (withDemo) {
    lines.push(`  Demo accounts (password: ${demoPassword}):`);
    for (const account of demoAccounts) {
      const labels = account.roles.map((role) => roleLabels[role as Role] ?? role).join('、');
      lines.push(`    ${account.username.padEnd(14)} ${account.name}（${account.unitName}，${labels}）`);
    }
  }
  lines.push('  Press Ctrl+C to stop.', '');
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function migrate(): Promise<void> {
  const db = openDatabase(loadConfig());
  try {
    const result = await migrateToLatest(db);
    const applied = result.results?.filter((item) => item.status === 'Success').map((item) => item.migrationName) ?? [];
    process.stdout.write(applied.length > 0 ? `Applied migrations: ${applied.join(', ')}\n` : 'Database is up to date.\n');
  } finally {
    await db.close();
  }
}

async function auditVerify(): Promise<number> {
  const ctx = await createContext(loadConfig());
  try {
    const result = await verifyAuditChain(ctx.db.kysely);
    if (result.ok) {
      process.stdout.write(`Audit log intact: ${result.rows} rows verified.\n`);
      return 0;
    }
    process.stdout.write(`Audit log ALTERED: first bad row seq=${result.firstBadSeq} (${result.reason}); ${result.rows} rows before it are intact.\n`);
    return 1;
  } finally {
    await closeContext(ctx);
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, sub] = argv;
  // The database, its WAL file, attachments and the key file are readable by this user only.
  process.umask(0o077);
  if (command === 'serve') {
    await serve(false);
    return -1;
  }
  if (command === 'demo') {
    await serve(true);
    return -1;
  }
  if (command === 'db' && sub === 'migrate') {
    await migrate();
    return 0;
  }
  if (command === 'audit' && sub === 'verify') return auditVerify();
  process.stdout.write(usage);
  return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`zhiban: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  },
);
