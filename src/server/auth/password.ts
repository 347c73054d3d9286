import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id of @node-rs/argon2; its const enum cannot be imported under verbatimModuleSyntax.
const ARGON2ID = 2;

/** Password rules, set by the security administrator (安全管理员). */
export interface PasswordPolicy {
  minLength: number;
  /** How many of the four classes (lower case, upper case, digits, symbols) a password needs. */
  minClasses: number;
  /** Days after which a password must be changed; 0 means never. */
  maxAgeDays: number;
}

export const defaultPasswordPolicy: PasswordPolicy = { minLength: 8, minClasses: 3, maxAgeDays: 0 };

const costs = {
  // OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
  standard: { memoryCost: 19_456, timeCost: 2, parallelism: 1 },
  test: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
} as const;

export type HashCost = keyof typeof costs;

export async function hashPassword(plain: string, cost: HashCost): Promise<string> {
  return hash(plain, { algorithm: ARGON2ID, ...costs[cost] });
}

export async function verifyPassword(storedHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(storedHash, plain);
  } catch {
    return false;
  }
}

function characterClasses(password: string): number {
  let count = 0;
  if (/[a-z]/.test(password)) count += 1;
  if (/[A-Z]/.test(password)) count += 1;
  if (/[0-9]/.test(password)) count += 1;
  if (/[^a-zA-Z0-9]/.test(password)) count += 1;
  return count;
}

/** Returns the rules a password breaks, as Chinese sentences; empty when it is acceptable. */
export function checkPasswordPolicy(password: string, policy: PasswordPolicy, username?: string): string[] {
  const problems: string[] = [];
  if (password.length < policy.minLength) {
    problems.push(`密码长度至少为${policy.minLength}位`);
  }
  if (characterClasses(password) < policy.minClasses) {
    problems.push(`密码须包含小写字母、大写字母、数字、特殊符号中的至少${policy.minClasses}类`);
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('密码不得包含用户名');
  }
  if (/\s/.test(password)) {
    problems.push('密码不得包含空格');
  }
  return problems;
}

const alphabets = ['abcdefghjkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '@#%&*+=?'];

/** Generates a random password that meets the policy, without look-alike characters. */
export function generatePassword(policy: PasswordPolicy = defaultPasswordPolicy): string {
  const length = Math.max(policy.minLength, 12);
  const characters: string[] = alphabets.map((alphabet) => alphabet[crypto.randomInt(alphabet.length)]!);
  const all = alphabets.join('');
  while (characters.length < length) {
    characters.push(all[crypto.randomInt(all.length)]!);
  }
  for (let i = characters.length - 1; i > 0; i -= 1) {
    const j = crypto.randomInt(i + 1);
    [characters[i], characters[j]] = [characters[j]!, characters[i]!];
  }
  return characters.join('');
}
