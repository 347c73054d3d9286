import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../app/api-client';

/** Mirrors submissionStatuses on the server: 已报送, 逾期报送, 未报送, 待报送. */
export type SubmissionStatus = 'submitted' | 'late' | 'missing' | 'pending';
export type SubmissionRole = 'commander' | 'shift_leader' | 'officer' | 'seat_standby';

export const submissionStatusLabels: Record<SubmissionStatus, string> = {
  submitted: '已报送',
  late: '逾期报送',
  missing: '未报送',
  pending: '待报送',
};

export const submissionStatusColors: Record<SubmissionStatus, string> = {
  submitted: 'success',
  late: 'warning',
  missing: 'error',
  pending: 'default',
};

export interface SubmissionEntry {
  role: SubmissionRole;
  seatId: string | null;
  seatName: string | null;
  people: { personId: string; name: string }[];
}

export interface UnitSubmission {
  unitId: string;
  unitName: string;
  submitsDutyStaff: boolean;
  seats: { id: string; name: string }[];
  status: SubmissionStatus;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  submittedByName: string | null;
  revision: number;
  entries: SubmissionEntry[];
  note: string | null;
  reminders: { at: string; byName: string }[];
}

export interface SubmissionOverview {
  month: string;
  deadline: string;
  units: UnitSubmission[];
  summary: { total: number; submitted: number; late: number; missing: number; pending: number };
}

export interface CandidateGroup {
  role: SubmissionRole;
  seatId: string | null;
  label: string;
  candidates: { personId: string; name: string; unitName: string }[];
}

const key = ['submissions'] as const;

export function useSubmissionOverview(month: string) {
  return useQuery({ queryKey: [...key, month], queryFn: () => apiGet<SubmissionOverview>(`/api/submissions/${month}`) });
}

export function useSubmissionForm(month: string, unitId: string | null) {
  return useQuery({
    queryKey: [...key, month, 'form', unitId],
    queryFn: () => apiGet<{ groups: CandidateGroup[] }>(`/api/submissions/${month}/units/${encodeURIComponent(unitId!)}/form`),
    enabled: unitId !== null,
  });
}

export function useSubmitStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ month, unitId, entries, note }: { month: string; unitId: string; entries: { role: SubmissionRole; seatId: string | null; personIds: string[] }[]; note: string | null }) =>
      apiSend<unknown>('POST', `/api/submissions/${month}/units/${encodeURIComponent(unitId)}`, { entries, note }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useRemindUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ month, unitId }: { month: string; unitId: string }) => apiSend<unknown>('POST', `/api/submissions/${month}/units/${encodeURIComponent(unitId)}/remind`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
