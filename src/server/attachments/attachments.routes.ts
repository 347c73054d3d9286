import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { rolesAccess, staffRoles } from '../http/access.js';
import { currentUser } from '../http/auth-hook.js';
import { auditActorOf } from '../http/request-context.js';
import { idParam } from '../http/schemas.js';
import { readAttachment, storeAttachment } from './attachments.service.js';

const attachmentSchema = z.object({ id: z.string(), fileName: z.string(), mimeType: z.string(), size: z.number(), uploadedAt: z.string() });

export async function attachmentRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const access = { access: rolesAccess(staffRoles) };

  app.post(
    '/api/attachments',
    {
      config: access,
      schema: {
        tags: ['附件'],
        summary: '上传附件（图片、PDF、Word、Excel、MP4），返回附件编号',
        consumes: ['multipart/form-data'],
        response: { 201: z.object({ attachment: attachmentSchema }) },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('MALFORMED_REQUEST', '请以文件上传方式提交附件（字段名 file）。');
      const file = await request.file();
      if (!file) throw new AppError('VALIDATION_FAILED', '「附件」未收到上传的文件，请选择文件后重试。');
      const content = await file.toBuffer();
      if (file.file.truncated) {
        throw new AppError('FILE_TOO_LARGE', `「附件」文件超过${Math.round(ctx.config.maxUploadBytes / 1024 / 1024)}MB，请压缩后重新上传。`);
      }
      const user = currentUser(request);
      const attachment = await storeAttachment(ctx, { ...auditActorOf(request), userId: user.id, unitId: user.unitId }, file.filename, content);
      void reply.status(201);
      return { attachment };
    },
  );

  app.get(
    '/api/attachments/:id',
    { config: access, schema: { tags: ['附件'], summary: '下载附件', params: idParam } },
    async (request, reply) => {
      const { row, content } = await readAttachment(ctx, currentUser(request), request.params.id);
      void reply
        .header('Content-Type', row.mime_type)
        .header('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(row.file_name)}`)
        .header('X-Content-Type-Options', 'nosniff');
      return reply.send(content);
    },
  );
}
