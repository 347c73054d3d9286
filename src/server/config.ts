import path from 'node:path';

/** Runtime configuration, read once from the environment at start. */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** `postgres://` URL; when absent the embedded SQLite database under dataDir is used. */
  databaseUrl: string | null;
  timeZone: string;
  /** Handover time that starts a duty day, `HH:mm`. */
  handoverTime: string;
  adminPassword: string | null;
  demoPassword: string | null;
  /** Minutes of inactivity after which a session ends. */
  sessionIdleMinutes: number;
  /** Failed sign-ins in a row that lock an account. */
  maxFailedLogins: number;
  /** Minutes an account stays locked. */
  lockMinutes: number;
  /** 32 bytes, hex; SM4 key for phone numbers and other encrypted fields. */
  fieldKey: string | null;
  /** Whether to mark the session cookie Secure (behind HTTPS). */
  secureCookies: boolean;
  /** Maximum size of an uploaded file, bytes. */
  maxUploadBytes: number;
  logLevel: string;
  /** Argon2 cost preset; `test` is only for the test suite. */
  passwordHashCost: 'standard' | 'test';
  webhookUrl: string | null;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`Environment variable ${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.ZHIBAN_DATA_DIR || './data');
  const databaseUrl = env.DATABASE_URL && env.DATABASE_URL.trim() !== '' ? env.DATABASE_URL.trim() : null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const handoverTime = env.ZHIBAN_HANDOVER_TIME || '08:30';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(handoverTime)) {
    throw new Error(`ZHIBAN_HANDOVER_TIME must be HH:mm, got "${handoverTime}"`);
  }
  return {
    host: env.HOST || '127.0.0.1',
    port: intFromEnv(env, 'PORT', 8080),
    dataDir,
    databaseUrl,
    timeZone: env.ZHIBAN_TIME_ZONE || 'Asia/Shanghai',
    handoverTime,
    adminPassword: env.ZHIBAN_ADMIN_PASSWORD || null,
    demoPassword: env.ZHIBAN_DEMO_PASSWORD || null,
    sessionIdleMinutes: intFromEnv(env, 'ZHIBAN_SESSION_IDLE_MINUTES', 30),
    maxFailedLogins: intFromEnv(env, 'ZHIBAN_MAX_FAILED_LOGINS', 5),
    lockMinutes: intFromEnv(env, 'ZHIBAN_LOCK_MINUTES', 10),
    fieldKey: env.ZHIBAN_FIELD_KEY || null,
    secureCookies: env.ZHIBAN_SECURE_COOKIES === 'true',
    maxUploadBytes: intFromEnv(env, 'ZHIBAN_MAX_UPLOAD_BYTES', 20 * 1024 * 1024),
    logLevel: env.LOG_LEVEL || 'info',
    passwordHashCost: env.ZHIBAN_PASSWORD_HASH_COST === 'test' ? 'test' : 'standard',
    webhookUrl: env.ZHIBAN_WEBHOOK_URL || null,
  };
}
