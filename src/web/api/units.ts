import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UnitKind } from '../../shared/roles';
import { apiGet, apiSend } from '../app/api-client';

export interface Unit {
  id: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  active: boolean;
  dutyRoomName: string | null;
  /** Null when the caller's role may not see phone numbers. */
  dutyRoomPhone: string | null;
  liaisonPersonId: string | null;
  liaisonName: string | null;
  sortOrder: number;
}

export interface UnitInput {
  name: string;
  shortName?: string | null;
  kind: UnitKind;
  dutyRoomName?: string | null;
  dutyRoomPhone?: string | null;
  liaisonPersonId?: string | null;
  sortOrder?: number;
  active?: boolean;
}

export const unitsQueryKey = ['units'] as const;

/** All units; `withPhones` asks for duty room phones, which the server shows only to roles that may read them and audits. */
export function useUnits(options: { withPhones?: boolean; enabled?: boolean } = {}) {
  const withPhones = options.withPhones ?? false;
  return useQuery({
    queryKey: [...unitsQueryKey, { withPhones }],
    queryFn: () => apiGet<{ units: Unit[] }>('/api/units', { withPhones: withPhones ? 'true' : undefined }).then((body) => body.units),
    enabled: options.enabled ?? true,
    staleTime: 60_000,
  });
}

export function useSaveUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: Partial<UnitInput> }) =>
      id ? apiSend<{ unit: Unit }>('PATCH', `/api/units/${encodeURIComponent(id)}`, input) : apiSend<{ unit: Unit }>('POST', '/api/units', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitsQueryKey }),
  });
}
