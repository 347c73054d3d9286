import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, errorCatalogue, type ErrorCode } from '../errors.js';
import { labelForPath } from './field-labels.js';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

function send(reply: FastifyReply, status: number, code: string, message: string, details?: unknown): void {
  const body: ErrorBody = { error: { code, message } };
  if (details !== undefined) body.error.details = details;
  void reply.status(status).send(body);
}

function sendCatalogue(reply: FastifyReply, code: ErrorCode, details?: unknown): void {
  const entry = errorCatalogue[code];
  send(reply, entry.status, code, entry.message, details);
}

interface DatabaseError {
  code?: string;
  constraint?: string;
}

function isUniqueViolation(error: DatabaseError): boolean {
  return error.code === '23505' || error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

function isForeignKeyViolation(error: DatabaseError): boolean {
  return error.code === '23503' || error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/**
 * The one error handler: every error leaves as `{"error": {code, message, details}}`.
 * 4xx are logged at info, 5xx at error with the request id the user is shown.
 */
export function installErrorHandler(app: FastifyInstance, maxUploadBytes: number): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      request.log.info({ code: error.code, status: error.status }, 'request rejected');
      send(reply, error.status, error.code, error.message, error.details);
      return;
    }

    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((issue) => {
        const path = issue.instancePath || (issue.params as { issue?: { path?: unknown[] } })?.issue?.path?.join('/') || '';
        const label = labelForPath(path, request.url);
        return { field: path.replace(/^\//, '').replaceAll('/', '.'), label, message: issue.message };
      });
      const message = fields.map((field) => `「${field.label}」${field.message}`).join('；');
      request.log.info({ code: 'VALIDATION_FAILED', fields: fields.map((f) => f.field) }, 'request validation failed');
      send(reply, 400, 'VALIDATION_FAILED', `${message}。`, { fields });
      return;
    }

    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
      send(reply, 500, 'INTERNAL_ERROR', `${errorCatalogue.INTERNAL_ERROR.message}（错误编号：${request.id}）`, { errorId: request.id });
      return;
    }

    const databaseError = error as DatabaseError;
    if (isUniqueViolation(databaseError)) {
      request.log.info({ code: 'DUPLICATE' }, 'unique constraint violated');
      sendCatalogue(reply, 'DUPLICATE');
      return;
    }
    if (isForeignKeyViolation(databaseError)) {
      request.log.info({ code: 'VALIDATION_FAILED' }, 'foreign key violated');
      send(reply, 400, 'VALIDATION_FAILED', '引用的单位、人员或记录不存在，请重新选择。');
      return;
    }

    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      request.log.info({ code: error.code, status }, 'client error');
      if (status === 413) send(reply, 413, 'FILE_TOO_LARGE', `上传的文件超过${Math.floor(maxUploadBytes / 1024 / 1024)}MB的上限，请压缩或拆分后重新上传。`);
      else if (status === 415) sendCatalogue(reply, 'UNSUPPORTED_FILE_TYPE');
      else if (status === 429) sendCatalogue(reply, 'RATE_LIMITED');
      else if (status === 404) sendCatalogue(reply, 'ROUTE_NOT_FOUND');
      else send(reply, 400, 'MALFORMED_REQUEST', errorCatalogue.MALFORMED_REQUEST.message);
      return;
    }

    request.log.error({ err: error }, 'unhandled error');
    send(reply, 500, 'INTERNAL_ERROR', `${errorCatalogue.INTERNAL_ERROR.message}（错误编号：${request.id}）`, { errorId: request.id });
  });

  app.setNotFoundHandler((request, reply) => {
    request.log.info({ url: request.url }, 'route not found');
    sendCatalogue(reply, 'ROUTE_NOT_FOUND');
  });
}
