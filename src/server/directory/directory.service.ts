/**
 * 通讯录: the phone numbers of people and of the units' duty rooms. Numbers
 * are confidential: roles that need them see them (each read audited), and
 * anyone else gets a number only through a disclosure (号码提供登记) that
 * records who asked, how their identity was verified and why.
 */
import { sql } from 'kysely';
import { VERIFICATION_METHOD_LABELS, type VerificationMethod } from '../../domain/documents/index.js';
import { formatInstant, monthBounds, zonedInstant, addDays } from '../../domain/time.js';
import { appendAudit } from '../audit/audit-log.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import type { DirectoryDisclosuresTable } from '../db/documents-tables.js';
import { newId, toDbInstant } from '../db/sql-values.js';
import { invalidField, invalidState, notFound } from '../errors.js';
import type { Operator } from '../documents/documents.service.js';

export type PhoneField = DirectoryDisclosuresTable['phone_field'];

/** One line of the directory: a person or a unit's duty room. */
export interface DirectoryEntry {
  /** `person:<id>` or `unit:<id>`. */
  key: string;
  type: 'person' | 'unit';
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  position: string | null;
  /** Kinds of number on file, so a caller's request can name one without seeing it. */
  available: PhoneField[];
  mobilePhone: string | null;
  officePhone: string | null;
  dutyRoomPhone: string | null;
  phonesVisible: boolean;
}

export interface DirectoryQuery {
  q?: string;
  unitId?: string;
  type?: 'person' | 'unit';
  page: number;
  pageSize: number;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
}

/**
 * Searches the directory. Numbers are decrypted only when `showPhones` is
 * true; the caller audits that read.
 */
export async function searchDirectory(ctx: AppContext, db: Executor, query: DirectoryQuery, showPhones: boolean): Promise<{ entries: DirectoryEntry[]; total: number }> {
  const pattern = query.q ? likePattern(query.q) : null;
  let units = db.selectFrom('units').select(['id', 'name', 'duty_room_name', 'duty_room_phone', 'sort_order']).where('active', '=', 1);
  if (query.unitId) units = units.where('id', '=', query.unitId);
  if (pattern) units = units.where((eb) => eb.or([sql<boolean>`name like ${pattern} escape '\\'`, sql<boolean>`duty_room_name like ${pattern} escape '\\'`]));
  let people = db
    .selectFrom('people')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select(['people.id', 'people.name', 'people.position', 'people.mobile_phone', 'people.office_phone', 'people.unit_id', 'units.name as unit_name', 'units.sort_order'])
    .where('people.active', '=', 1);
  if (query.unitId) people = people.where('people.unit_id', '=', query.unitId);
  if (pattern) {
    people = people.where((eb) =>
      eb.or([sql<boolean>`people.name like ${pattern} escape '\\'`, sql<boolean>`people.position like ${pattern} escape '\\'`, sql<boolean>`units.name like ${pattern} escape '\\'`]),
    );
  }

  const unitRows = query.type === 'person' ? [] : await units.orderBy('sort_order').execute();
  const personRows = query.type === 'unit' ? [] : await people.orderBy('units.sort_order').orderBy('people.name').execute();
  const entries: (DirectoryEntry & { sortOrder: number; rank: number })[] = [
    ...unitRows.map((row) => ({
      key: `unit:${row.id}`,
      type: 'unit' as const,
      id: row.id,
      name: row.duty_room_name ?? `${row.name}值班室`,
      unitId: row.id,
      unitName: row.name,
      position: null,
      available: row.duty_room_phone ? (['duty_room'] as PhoneField[]) : [],
      mobilePhone: null,
      officePhone: null,
      dutyRoomPhone: showPhones ? ctx.cipher.decryptOptional(row.duty_room_phone) : null,
      phonesVisible: showPhones,
      sortOrder: Number(row.sort_order),
      rank: 0,
    })),
    ...personRows.map((row) => ({
      key: `person:${row.id}`,
      type: 'person' as const,
      id: row.id,
      name: row.name,
      unitId: row.unit_id,
      unitName: row.unit_name,
      position: row.position,
      available: [...(row.mobile_phone ? ['mobile' as const] : []), ...(row.office_phone ? ['office' as const] : [])],
      mobilePhone: showPhones ? ctx.cipher.decryptOptional(row.mobile_phone) : null,
      officePhone: showPhones ? ctx.cipher.decryptOptional(row.office_phone) : null,
      dutyRoomPhone: null,
      phonesVisible: showPhones,
      sortOrder: Number(row.sort_order),
      rank: 1,
    })),
  ];
  entries.sort((a, b) => a.sortOrder - b.sortOrder || a.rank - b.rank || a.name.localeCompare(b.name, 'zh-CN'));
  const start = (query.page - 1) * query.pageSize;
  const page = entries.slice(start, start + query.pageSize).map(({ sortOrder: _sortOrder, rank: _rank, ...entry }) => entry);
  return { entries: page, total: entries.length };
}

export interface DisclosureInput {
  entryType: 'person' | 'unit';
  entryId: string;
  phoneField: PhoneField;
  requesterName: string;
  requesterUnit: string;
  verification: VerificationMethod;
  verificationNote?: string | null;
  reason: string;
}

/** 号码提供登记 as the API returns it. */
export interface Disclosure {
  id: string;
  at: string;
  officerName: string;
  requesterName: string;
  requesterUnit: string;
  verification: VerificationMethod;
  verificationNote: string | null;
  reason: string;
  entryType: 'person' | 'unit';
  entryId: string;
  entryName: string;
  phoneField: PhoneField;
}

const phoneFieldLabels: Record<PhoneField, string> = { mobile: '手机', office: '办公电话', duty_room: '值班室电话' };

function toDisclosure(row: DirectoryDisclosuresTable, timeZone: string): Disclosure {
  return {
    id: row.id,
    at: formatInstant(new Date(row.at), timeZone),
    officerName: row.officer_name,
    requesterName: row.requester_name,
    requesterUnit: row.requester_unit,
    verification: row.verification,
    verificationNote: row.verification_note,
    reason: row.reason,
    entryType: row.entry_type,
    entryId: row.entry_id,
    entryName: row.entry_name,
    phoneField: row.phone_field,
  };
}

async function loadNumber(ctx: AppContext, db: Executor, input: DisclosureInput): Promise<{ name: string; encrypted: string | null }> {
  if (input.entryType === 'unit') {
    if (input.phoneField !== 'duty_room') throw invalidField('号码类型', '单位只提供值班室电话，请选择“值班室电话”');
    const unit = await db.selectFrom('units').select(['name', 'duty_room_name', 'duty_room_phone']).where('id', '=', input.entryId).executeTakeFirst();
    if (!unit) throw notFound('通讯录条目');
    return { name: unit.duty_room_name ?? unit.name, encrypted: unit.duty_room_phone };
  }
  if (input.phoneField === 'duty_room') throw invalidField('号码类型', '个人没有值班室电话，请选择手机或办公电话');
  const person = await db
    .selectFrom('people')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select(['people.name', 'people.mobile_phone', 'people.office_phone', 'units.name as unit_name'])
    .where('people.id', '=', input.entryId)
    .executeTakeFirst();
  if (!person) throw notFound('通讯录条目');
  return { name: `${person.unit_name} ${person.name}`, encrypted: input.phoneField === 'mobile' ? person.mobile_phone : person.office_phone };
}

/**
 * Records a disclosure and returns the number. The record and its audit row
 * ('confidential.read') commit before the number leaves the server, so no
 * number is given without a verification on file.
 */
export async function discloseNumber(ctx: AppContext, operator: Operator, input: DisclosureInput): Promise<{ disclosure: Disclosure; phone: string }> {
  if (input.verification === 'other' && !input.verificationNote) {
    throw invalidField('核实说明', '核实方式为“其他”时，请写明如何核实了对方身份');
  }
  const now = ctx.clock.now();
  const result = await ctx.db.kysely.transaction().execute(async (trx) => {
    const entry = await loadNumber(ctx, trx, input);
    if (!entry.encrypted) throw invalidState(`${entry.name}没有登记${phoneFieldLabels[input.phoneField]}，请选择其他号码。`);
    const row: DirectoryDisclosuresTable = {
      id: newId(),
      at: toDbInstant(now),
      officer_user_id: operator.userId,
      officer_name: operator.name,
      requester_name: input.requesterName,
      requester_unit: input.requesterUnit,
      verification: input.verification,
      verification_note: input.verificationNote ?? null,
      reason: input.reason,
      entry_type: input.entryType,
      entry_id: input.entryId,
      entry_name: entry.name,
      phone_field: input.phoneField,
    };
    await trx.insertInto('directory_disclosures').values(row).execute();
    await appendAudit(trx, operator.actor, {
      action: 'confidential.read',
      entityType: 'directory_disclosure',
      entityId: row.id,
      summary: `向${input.requesterUnit}${input.requesterName}提供${entry.name}的${phoneFieldLabels[input.phoneField]}（${VERIFICATION_METHOD_LABELS[input.verification]}）`,
      after: { ...input, entryName: entry.name },
    }, now);
    return { row, phone: ctx.cipher.decrypt(entry.encrypted) };
  });
  ctx.log.info({ disclosureId: result.row.id, entryType: input.entryType, entryId: input.entryId }, 'phone number disclosed after verification');
  return { disclosure: toDisclosure(result.row, ctx.config.timeZone), phone: result.phone };
}

/** Returns the disclosures of one month (号码提供登记月度清单), oldest first. */
export async function disclosuresOfMonth(ctx: AppContext, db: Executor, month: string): Promise<Disclosure[]> {
  const { first, last } = monthBounds(month);
  const timeZone = ctx.config.timeZone;
  const rows = await db
    .selectFrom('directory_disclosures')
    .selectAll()
    .where('at', '>=', toDbInstant(zonedInstant(first, '00:00', timeZone)))
    .where('at', '<', toDbInstant(zonedInstant(addDays(last, 1), '00:00', timeZone)))
    .orderBy('at')
    .execute();
  return rows.map((row) => toDisclosure(row, timeZone));
}
