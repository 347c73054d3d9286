import { describe, expect, it } from 'vitest';

import { DocumentSpecError, formatChineseDate } from '../../src/server/exports/official-document.js';

describe('formatChineseDate', () => {
  it.each([
    ['2026-12-04', '2026年12月4日'],
    ['2026-01-01', '2026年1月1日'],
    ['2024-02-29', '2024年2月29日'],
    ['2026-10-31', '2026年10月31日'],
  ])('formats %s as %s', (isoDate, expected) => {
    expect(formatChineseDate(isoDate)).toBe(expected);
  });

  it.each(['2026/12/04', '2026-12-4', '20261204', ''])('rejects malformed %j', (isoDate) => {
    expect(() => formatChineseDate(isoDate, '成文日期')).toThrow(/成文日期.*格式不正确.*2026-12-04/);
  });

  it.each(['2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-12-00'])(
    'rejects impossible date %s',
    (isoDate) => {
      expect(() => formatChineseDate(isoDate)).toThrow(/不是有效的日期/);
    },
  );

  it('names the field in the error', () => {
    const error = captureError(() => formatChineseDate('2026-02-30', '成文日期（signature.date）'));

    expect(error).toBeInstanceOf(DocumentSpecError);
    expect((error as DocumentSpecError).field).toBe('成文日期（signature.date）');
    expect((error as DocumentSpecError).code).toBe('INVALID_DOCUMENT_SPEC');
  });
});

function captureError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
