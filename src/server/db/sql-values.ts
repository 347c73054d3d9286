/**
 * Portable value conventions, shared by every repository so SQLite and
 * PostgreSQL store the same text: instants are ISO 8601 UTC strings
 * (`2026-12-04T08:30:00.000Z`, sortable as text), dates are `YYYY-MM-DD`,
 * booleans are 0/1 integers and structured values are JSON text.
 */
import { randomUUID } from 'node:crypto';

export function newId(): string {
  return randomUUID();
}

export function toDbInstant(instant: Date): string {
  return instant.toISOString();
}

export function fromDbInstant(value: string): Date {
  return new Date(value);
}

export function toDbBool(value: boolean): number {
  return value ? 1 : 0;
}

export function fromDbBool(value: number | boolean | null | undefined): boolean {
  return value === 1 || value === true;
}

export function toDbJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

export function fromDbJson<T>(value: string | null | undefined, fallback: T): T {
  if (value === null || value === undefined || value === '') return fallback;
  return JSON.parse(value) as T;
}

export function toCount(value: string | number | bigint | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}
