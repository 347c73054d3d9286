import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { apiGet } from '../app/api-client';

export interface AuditEntry {
  seq: number;
  at: string;
  actorName: string | null;
  actorUnitId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  summary: string;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface AuditFilter {
  actorName?: string;
  unitId?: string;
  action?: string;
  entityType?: string;
  /** ISO instants. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  firstBadSeq?: number;
  reason?: string;
}

export function useAuditEntries(filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', filter],
    queryFn: () => apiGet<{ entries: AuditEntry[]; total: number }>('/api/audit', { ...filter }),
    placeholderData: keepPreviousData,
  });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => apiGet<AuditVerification>('/api/audit/verify') });
}
