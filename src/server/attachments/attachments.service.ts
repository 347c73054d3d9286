import fs from 'node:fs';
import path from 'node:path';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import type { AppContext } from '../context.js';
import { sm3Hex } from '../crypto/sm.js';
import type { Executor } from '../db/database.js';
import { newId, toDbInstant } from '../db/sql-values.js';
import type { AttachmentsTable } from '../db/attachments-tables.js';
import { AppError, notFound } from '../errors.js';
import type { SessionUser } from '../auth/sessions.js';
import { seesAllUnits } from '../http/request-context.js';
import { acceptedExtensions, detectFileType } from './file-types.js';
import { findClassificationMarks } from '../../domain/guard/index.js';

export interface Attachment {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  uploadedAt: string;
}

export function toAttachment(row: AttachmentsTable): Attachment {
  return { id: row.id, fileName: row.file_name, mimeType: row.mime_type, size: row.size, uploadedAt: row.uploaded_at };
}

/** Strips directory parts and control characters so a name is safe to show and to send back. */
function cleanFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? 'file';
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const cleaned = base.replace(/[\u0000-\u001f\u007f]|[\uD800-\uDFFF]/g, '').trim();
  return cleaned.slice(0, 200) || 'file';
}

export async function storeAttachment(ctx: AppContext, actor: AuditActor & { userId: string; unitId: string }, fileName: string, content: Buffer): Promise<Attachment> {
  const name = cleanFileName(fileName);
  if (content.length === 0) throw new AppError('VALIDATION_FAILED', '「附件」文件为空，请重新选择文件。');
  const marks = findClassificationMarks(name);
  if (marks.length > 0) {
    throw new AppError('CLASSIFIED_CONTENT', `「附件文件名」含有密级标识“${marks[0]!.mark}”。本系统为非涉密系统，不得上传涉密文件，请通过涉密渠道报送。`);
  }
  const type = detectFileType(name, content.subarray(0, 16));
  if (!type) {
    throw new AppError('UNSUPPORTED_FILE_TYPE', `「附件」${name} 的类型不受支持或与扩展名不符，请上传以下类型的文件：${acceptedExtensions.join('、')}。`);
  }
  const now = ctx.clock.now();
  const id = newId();
  const month = now.toISOString().slice(0, 7);
  const relative = path.join('attachments', month, id);
  const absolute = path.join(ctx.config.dataDir, relative);
  fs.mkdirSync(path.dirname(absolute), { recursive: true });
  fs.writeFileSync(absolute, content);

  const row: AttachmentsTable = {
    id,
    file_name: name,
    mime_type: type.mimeType,
    size: content.length,
    sm3: sm3Hex(content),
    storage_path: relative,
    owner_type: null,
    owner_id: null,
    uploaded_by: actor.userId,
    uploaded_by_unit: actor.unitId,
    uploaded_at: toDbInstant(now),
  };
  try {
    await ctx.db.kysely.transaction().execute(async (trx) => {
      await trx.insertInto('attachments').values(row).execute();
      await appendAudit(trx, actor, { action: 'attachment.upload', entityType: 'attachment', entityId: id, summary: `上传附件 ${name}`, after: { fileName: name, size: content.length, mimeType: type.mimeType } }, now);
    });
  } catch (error) {
    fs.rmSync(absolute, { force: true });
    throw error;
  }
  ctx.log.info({ attachmentId: id, size: content.length }, 'attachment stored');
  return toAttachment(row);
}

/**
 * Links uploaded attachments to a record inside the record's transaction.
 * Only attachments uploaded by the same unit and not linked elsewhere can be linked.
 */
export async function linkAttachments(trx: Executor, ids: readonly string[], ownerType: string, ownerId: string, unitId?: string): Promise<void> {
  for (const id of new Set(ids)) {
    const row = await trx.selectFrom('attachments').select(['owner_type', 'owner_id', 'uploaded_by_unit', 'file_name']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('VALIDATION_FAILED', '「附件」所选附件不存在，请重新上传。');
    if (row.owner_id && !(row.owner_type === ownerType && row.owner_id === ownerId)) {
      throw new AppError('VALIDATION_FAILED', `「附件」${row.file_name} 已属于其他记录，请重新上传。`);
    }
    if (unitId && row.uploaded_by_unit !== unitId) {
      throw new AppError('FORBIDDEN', `不能使用其他单位上传的附件 ${row.file_name}。`);
    }
    await trx.updateTable('attachments').set({ owner_type: ownerType, owner_id: ownerId }).where('id', '=', id).execute();
  }
}

export async function attachmentsOf(db: Executor, ownerType: string, ownerId: string): Promise<Attachment[]> {
  const rows = await db.selectFrom('attachments').selectAll().where('owner_type', '=', ownerType).where('owner_id', '=', ownerId).orderBy('uploaded_at').execute();
  return rows.map(toAttachment);
}

export async function readAttachment(ctx: AppContext, user: SessionUser, id: string): Promise<{ row: AttachmentsTable; content: Buffer }> {
  const row = await ctx.db.kysely.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('附件');
  if (!seesAllUnits(user) && row.uploaded_by_unit !== user.unitId) {
    throw new AppError('FORBIDDEN', '只能查看本单位上传的附件。');
  }
  const absolute = path.join(ctx.config.dataDir, row.storage_path);
  if (!fs.existsSync(absolute)) {
    ctx.log.error({ attachmentId: id }, 'attachment file missing from the data directory');
    throw new AppError('NOT_FOUND', '附件文件已丢失，请联系系统管理员从备份恢复。');
  }
  return { row, content: fs.readFileSync(absolute) };
}
