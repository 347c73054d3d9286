import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestApp } from '../support/app.js';
import { newId, toDbInstant } from '../../src/server/db/sql-values.js';

let keyCounter = 0;

/** Returns a new idempotency key for one submission. */
export function freshKey(): string {
  keyCounter += 1;
  return `test-key-${Date.now()}-${keyCounter}-${Math.random().toString(36).slice(2, 8)}`;
}

export function zeroReport(date?: string) {
  return { kind: 'zero', ...(date ? { date } : {}) };
}

export function itemsReport(items: Array<Record<string, unknown>>, date?: string) {
  return { kind: 'items', items, ...(date ? { date } : {}) };
}

export const sampleItem = {
  category: 'rule_of_law',
  title: '开展“宪法进社区”法治宣传活动',
  content: '在海秀街道开展法治宣传，发放资料300余份，解答群众咨询45人次。',
  place: '秀英区海秀街道',
  source: '区司法局普法股',
};

/** Submits as a signed-in liaison with a new idempotency key. */
export async function submit(t: TestApp, cookie: string, body: unknown, key = freshKey()) {
  return t.request('POST', '/api/daily-reports', { cookie, body, headers: { 'idempotency-key': key } });
}

export async function unitIdOf(t: TestApp, name: string): Promise<string> {
  const row = await t.ctx.db.kysely.selectFrom('units').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}

export async function personIdOfUser(t: TestApp, username: string): Promise<{ personId: string; name: string }> {
  const row = await t.ctx.db.kysely.selectFrom('users').select(['person_id', 'name']).where('username', '=', username).executeTakeFirstOrThrow();
  return { personId: row.person_id!, name: row.name };
}

/** Makes `username` the duty commander of `date` in the final roster. */
export async function setDutyCommander(t: TestApp, date: string, username: string): Promise<void> {
  const person = await personIdOfUser(t, username);
  const db = t.ctx.db.kysely;
  await db.deleteFrom('roster_assignments').where('date', '=', date).where('role', '=', 'commander').execute();
  await db
    .insertInto('roster_assignments')
    .values({
      id: newId(),
      month: date.slice(0, 7),
      date,
      role: 'commander',
      slot: 0,
      person_id: person.personId,
      person_name: person.name,
      planned_person_id: null,
      planned_person_name: null,
      source: 'generated',
      flag: null,
      updated_at: toDbInstant(new Date()),
    })
    .execute();
}

/** Returns the XML of a .docx body. */
export function docxText(content: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docx-'));
  const file = path.join(dir, 'document.docx');
  fs.writeFileSync(file, content);
  return execFileSync('unzip', ['-p', file, 'word/document.xml']).toString();
}
