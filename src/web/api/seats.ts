import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../app/api-client';

export interface Seat {
  id: string;
  name: string;
  isGeneral: boolean;
  units: { id: string; name: string }[];
  sortOrder: number;
  active: boolean;
}

export interface SeatActivation {
  id: string;
  reason: string;
  incidentId: string | null;
  startedAt: string;
  startedByName: string | null;
  endedAt: string | null;
  endedByName: string | null;
  active: boolean;
}

export interface SeatStaffView {
  date: string;
  rosterPublished: boolean;
  activation: SeatActivation | null;
  seats: {
    seat: Seat;
    standby: { personId: string; name: string }[];
    occupants: { checkinId: string; personId: string; name: string; checkedInAt: string }[];
  }[];
}

export interface SeatLogEntry {
  id: string;
  seatId: string;
  at: string;
  authorName: string;
  content: string;
}

export interface StandbySchedule {
  month: string;
  seats: Seat[];
  editableSeatIds: string[];
  /** People who may stand by at each seat, by seat id. */
  candidates: Record<string, { personId: string; name: string }[]>;
  assignments: { seatId: string; date: string; personId: string; name: string; source: 'manual' | 'submission' }[];
}

const key = ['seats'] as const;

export function useSeats() {
  return useQuery({ queryKey: [...key, 'config'], queryFn: () => apiGet<{ seats: Seat[] }>('/api/seats') });
}

export function useSeatStaff() {
  return useQuery({ queryKey: [...key, 'staff'], queryFn: () => apiGet<SeatStaffView>('/api/seats/staff'), refetchInterval: 60_000 });
}

export function useSeatLog(seatId: string | null) {
  return useQuery({
    queryKey: [...key, 'log', seatId],
    queryFn: () => apiGet<{ entries: SeatLogEntry[] }>(`/api/seats/${encodeURIComponent(seatId!)}/log`),
    enabled: seatId !== null,
  });
}

export function useActivations() {
  return useQuery({ queryKey: [...key, 'activations'], queryFn: () => apiGet<{ activations: SeatActivation[]; total: number }>('/api/seats/activations', { pageSize: 10 }) });
}

export function useStandbySchedule(month: string) {
  return useQuery({ queryKey: [...key, 'standby', month], queryFn: () => apiGet<StandbySchedule>(`/api/seats/standby/${month}`) });
}

function useSeatMutation<T>(mutationFn: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: key }) });
}

export function useActivateSeats() {
  return useSeatMutation((input: { reason: string; incidentId: string | null }) => apiSend('POST', '/api/seats/activations', input));
}

export function useEndActivation() {
  return useSeatMutation((id: string) => apiSend('POST', `/api/seats/activations/${encodeURIComponent(id)}/end`));
}

export function useSeatCheck() {
  return useSeatMutation(({ seatId, action }: { seatId: string; action: 'check-in' | 'check-out' }) => apiSend('POST', `/api/seats/${encodeURIComponent(seatId)}/${action}`, {}));
}

export function useAddSeatLog() {
  return useSeatMutation(({ seatId, content }: { seatId: string; content: string }) => apiSend('POST', `/api/seats/${encodeURIComponent(seatId)}/log`, { content }));
}

export function useUpdateSeat() {
  return useSeatMutation(({ id, patch }: { id: string; patch: Partial<{ name: string; unitIds: string[]; sortOrder: number; active: boolean }> }) =>
    apiSend('PATCH', `/api/seats/${encodeURIComponent(id)}`, patch),
  );
}

export function useUpdateStandby() {
  return useSeatMutation(({ month, entries }: { month: string; entries: { seatId: string; date: string; personId: string | null }[] }) =>
    apiSend('PUT', `/api/seats/standby/${month}`, { entries }),
  );
}

export function useFillStandby() {
  return useSeatMutation((month: string) => apiSend<{ filled: number }>('POST', `/api/seats/standby/${month}/from-submissions`));
}
