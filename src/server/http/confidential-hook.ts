import type { FastifyInstance } from 'fastify';
import { findClassificationMarks } from '../../domain/guard/index.js';
import { AppError } from '../errors.js';
import { labelForPath } from './field-labels.js';

// Secrets and opaque values are not free text.
const skippedKeys = new Set(['password', 'currentPassword', 'newPassword', 'idempotencyKey', 'token', 'contentBase64']);

interface Violation {
  path: string;
  mark: string;
}

// Control characters other than tab and line breaks, and UTF-16 halves
// without their partner, cannot be stored as valid text: the database would
// keep different bytes than the audit hash covered.
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const UNSTORABLE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function findUnstorableText(value: unknown, path: string): string | null {
  if (typeof value === 'string') return UNSTORABLE_TEXT.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnstorableText(item, `${path}/${index}`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const found = findUnstorableText(child, `${path}/${key}`);
      if (found !== null) return found;
    }
  }
  return null;
}

function collectViolations(value: unknown, path: string, found: Violation[]): void {
  if (typeof value === 'string') {
    const marks = findClassificationMarks(value);
    if (marks.length > 0) found.push({ path, mark: marks[0]!.mark });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => collectViolations(item, `${path}/${index}`, found));
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (!skippedKeys.has(key)) collectViolations(child, `${path}/${key}`, found);
    }
  }
}

/**
 * Installs the text checks on every request. A string in a JSON body or query
 * is rejected when it carries a classification mark (the confidential-content
 * guard) or characters that cannot be stored as valid text. Because the hook
 * sees every request, no module's free text can store classified content.
 */
export function installConfidentialGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const unstorable = findUnstorableText(request.body, '') ?? findUnstorableText(request.query, '');
    if (unstorable !== null) {
      const label = labelForPath(unstorable, request.url);
      throw new AppError('VALIDATION_FAILED', `「${label}」含有无法识别的字符（控制字符或不完整的编码），请删除后重新输入。`, {
        fields: [{ field: unstorable.replace(/^\//, '').replaceAll('/', '.'), label, message: '含有无法识别的字符' }],
      });
    }

    const found: Violation[] = [];
    collectViolations(request.body, '', found);
    collectViolations(request.query, '', found);
    if (found.length === 0) return;

    const fields = found.map((violation) => ({
      field: violation.path.replace(/^\//, '').replaceAll('/', '.'),
      label: labelForPath(violation.path, request.url),
      mark: violation.mark,
    }));
    const first = fields[0]!;
    throw new AppError(
      'CLASSIFIED_CONTENT',
      `「${first.label}」含有密级标识“${first.mark}”。本系统为非涉密系统，不得录入、存储涉密内容，请删除后重新提交；涉密信息请通过涉密渠道（机要交通或涉密网络）报送。`,
      { fields },
    );
  });
}
