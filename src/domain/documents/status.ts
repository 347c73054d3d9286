import type { DocumentStatus } from './labels.js';

export interface DocumentProgress {
  closure: 'archived' | 'destroyed' | null;
  reported: boolean;
  transfers: { signed: boolean }[];
}

/**
 * Derives a document's status from what has happened to it: a closure wins,
 * then any unsigned transfer, then all transfers signed, then the report.
 */
export function documentStatusOf(progress: DocumentProgress): DocumentStatus {
  if (progress.closure) return progress.closure;
  if (progress.transfers.some((transfer) => !transfer.signed)) return 'awaiting_signature';
  if (progress.transfers.length > 0) return 'signed';
  return progress.reported ? 'reported' : 'registered';
}

/** Returns the Chinese reason a document cannot be closed yet, or null when it can. */
export function closureBlocker(progress: DocumentProgress): string | null {
  if (progress.closure === 'archived') return '该文电已归档，不能再次归档或销毁。';
  if (progress.closure === 'destroyed') return '该文电已销毁，不能再次归档或销毁。';
  const unsigned = progress.transfers.filter((transfer) => !transfer.signed).length;
  if (unsigned > 0) return `还有${unsigned}个承办单位未签收，请签收完毕后再归档或销毁。`;
  return null;
}
