import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { VerificationMethod } from '../../domain/documents/index';
import { apiGet, apiSend } from '../app/api-client';

export type PhoneField = 'mobile' | 'office' | 'duty_room';

/** One line of the phone directory: a person or a unit's duty room. */
export interface DirectoryEntry {
  key: string;
  type: 'person' | 'unit';
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  position: string | null;
  available: PhoneField[];
  /** Null unless the caller's role may read numbers. */
  mobilePhone: string | null;
  officePhone: string | null;
  dutyRoomPhone: string | null;
  phonesVisible: boolean;
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

export interface Disclosure extends Omit<DisclosureInput, 'verificationNote'> {
  id: string;
  at: string;
  officerName: string;
  verificationNote: string | null;
  entryName: string;
}

export const PHONE_FIELD_LABELS: Record<PhoneField, string> = { mobile: '手机', office: '办公电话', duty_room: '值班室电话' };

const directoryKey = ['directory'] as const;

export function useDirectory(filter: { q?: string; unitId?: string; type?: 'person' | 'unit'; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...directoryKey, 'entries', filter],
    queryFn: () => apiGet<{ entries: DirectoryEntry[]; total: number; phonesVisible: boolean }>('/api/directory', { ...filter }),
    placeholderData: keepPreviousData,
  });
}

export function useDisclosures(month: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...directoryKey, 'disclosures', month],
    queryFn: () => apiGet<{ disclosures: Disclosure[] }>('/api/directory/disclosures', { month }).then((body) => body.disclosures),
    enabled: options.enabled ?? true,
  });
}

/** Records who asked for a number and why, and returns the number. */
export function useDisclose() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DisclosureInput) => apiSend<{ disclosure: Disclosure; phone: string }>('POST', '/api/directory/disclosures', input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [...directoryKey, 'disclosures'] });
    },
  });
}
