import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend, isApiError } from '../app/api-client';
import type { Role } from '../../shared/roles';
import type { DayType, DutyLevel } from './calendar';

export type DutyPost = 'commander' | 'shiftLeader' | 'officer';

export const dutyPostLabels: Record<DutyPost, string> = {
  commander: '值班指挥长',
  shiftLeader: '值班长',
  officer: '值班员',
};

export interface RosterSlot {
  personId: string;
  name: string;
}

export interface RosterIssue {
  date: string;
  role: DutyPost;
  severity: string;
  code: string;
  message: string;
}

export interface RosterDay {
  date: string;
  dayType: DayType;
  dutyLevel: DutyLevel;
  name: string | null;
  official: boolean;
  commander: RosterSlot | null;
  shiftLeader: RosterSlot | null;
  officers: RosterSlot[];
  officersNeeded: number;
  flags: string[];
}

type Counts = Record<'workday' | 'weekend' | 'holiday' | 'sensitive' | 'total', number>;

export interface FairnessReport {
  window: { from: string; to: string };
  roles: { role: DutyPost; people: { personId: string; name: string; counts: Counts; baseline: Counts }[]; spread: Counts }[];
}

export interface Roster {
  month: string;
  status: 'draft' | 'published';
  generatedAt: string;
  publishedAt: string | null;
  publishedBy: string | null;
  official: boolean;
  days: RosterDay[];
  fairness: FairnessReport;
  gaps: RosterIssue[];
  warnings: RosterIssue[];
}

export interface RosterChange {
  id: string;
  at: string;
  kind: string;
  date: string | null;
  role: DutyPost | null;
  fromPerson: string | null;
  toPerson: string | null;
  actorName: string | null;
  approvedBy: string | null;
  note: string | null;
}

export interface TodayDuty {
  date: string;
  dayType: DayType;
  dayTypeLabel: string;
  dutyLevel: DutyLevel;
  dutyLevelLabel: string;
  name: string | null;
  official: boolean;
  published: boolean;
  commander: RosterSlot | null;
  shiftLeader: RosterSlot | null;
  officers: RosterSlot[];
  startsAt: string;
  endsAt: string;
}

export interface Candidate {
  personId: string;
  name: string;
  categoryCount: number;
  totalCount: number;
  lastDutyDate: string | null;
}

export type LeaveStatus = 'requested' | 'approved' | 'rejected';

export interface Leave {
  id: string;
  personId: string;
  personName: string;
  from: string;
  to: string;
  reason: string;
  status: LeaveStatus;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  affectedDuties: { date: string; role: DutyPost }[];
}

export type DutyRequestStatus = 'pending_counterpart' | 'pending_approval' | 'approved' | 'rejected' | 'cancelled';

export const dutyRequestStatusLabels: Record<DutyRequestStatus, string> = {
  pending_counterpart: '待对方确认',
  pending_approval: '待审批',
  approved: '已批准',
  rejected: '未通过',
  cancelled: '已撤回',
};

export interface DutyRequest {
  id: string;
  kind: 'swap' | 'substitution';
  status: DutyRequestStatus;
  role: DutyPost;
  date: string;
  requesterPersonId: string;
  requesterName: string;
  counterpartPersonId: string;
  counterpartName: string;
  counterpartDate: string | null;
  reason: string;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  canAgree: boolean;
  canApprove: boolean;
  canCancel: boolean;
}

export interface DutyRequestInput {
  kind: 'swap' | 'substitution';
  date: string;
  role: DutyPost;
  counterpartPersonId: string;
  counterpartDate?: string | null;
  reason: string;
  requesterPersonId?: string | null;
}

export function useTodayDuty() {
  return useQuery({ queryKey: ['roster', 'today'], queryFn: () => apiGet<TodayDuty>('/api/duty/today'), refetchInterval: 60_000 });
}

/** Loads the month's roster, or null when it has not been generated yet. */
export function useRoster(month: string) {
  return useQuery({
    queryKey: ['roster', 'month', month],
    queryFn: async () => {
      try {
        return await apiGet<Roster>(`/api/rosters/${month}`);
      } catch (error) {
        if (isApiError(error, 'NOT_FOUND')) return null;
        throw error;
      }
    },
  });
}

export function useRosterChanges(month: string) {
  return useQuery({ queryKey: ['roster', 'changes', month], queryFn: () => apiGet<{ changes: RosterChange[] }>(`/api/rosters/${month}/changes`) });
}

export function useCandidates(date: string | null, role: DutyPost) {
  return useQuery({
    queryKey: ['roster', 'candidates', date, role],
    queryFn: () => apiGet<{ candidates: Candidate[] }>('/api/roster-candidates', { date, role }),
    enabled: date !== null,
  });
}

export function useLeaves(scope: 'mine' | 'all') {
  return useQuery({ queryKey: ['roster', 'leaves', scope], queryFn: () => apiGet<{ leaves: Leave[] }>('/api/duty-leaves', { scope }) });
}

export function useDutyRequests(scope: 'mine' | 'to_handle' | 'all') {
  return useQuery({ queryKey: ['roster', 'requests', scope], queryFn: () => apiGet<{ requests: DutyRequest[] }>('/api/duty-requests', { scope }) });
}

function useRosterMutation<TInput, TResult = unknown>(send: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => client.invalidateQueries({ queryKey: ['roster'] }) });
}

export function useGenerateRoster() {
  return useRosterMutation((input: { month: string; confirmRegenerate?: boolean }) =>
    apiSend<Roster>('POST', `/api/rosters/${input.month}/generate`, { confirmRegenerate: input.confirmRegenerate ?? false }),
  );
}

export function usePublishRoster() {
  return useRosterMutation((month: string) => apiSend<Roster>('POST', `/api/rosters/${month}/publish`));
}

export function useAdjustPost() {
  return useRosterMutation((input: { month: string; date: string; role: DutyPost; slot: number; personId: string }) => {
    const { month, ...body } = input;
    return apiSend<Roster>('PUT', `/api/rosters/${month}/posts`, body);
  });
}

export function useSetOfficersOnDate() {
  return useRosterMutation((input: { date: string; officers: number }) => apiSend('PUT', `/api/roster-officer-counts/${input.date}`, { officers: input.officers }));
}

export function useRequestLeave() {
  return useRosterMutation((input: { personId?: string | null; from: string; to: string; reason: string }) => apiSend('POST', '/api/duty-leaves', input));
}

export function useDecideLeave() {
  return useRosterMutation((input: { id: string; approve: boolean; note?: string | null }) =>
    apiSend('POST', `/api/duty-leaves/${input.id}/decision`, { approve: input.approve, note: input.note ?? null }),
  );
}

export function useCreateDutyRequest() {
  return useRosterMutation((input: DutyRequestInput) => apiSend('POST', '/api/duty-requests', input));
}

export function useAnswerDutyRequest() {
  return useRosterMutation((input: { id: string; agree: boolean }) => apiSend('POST', `/api/duty-requests/${input.id}/answer`, { agree: input.agree }));
}

export function useDecideDutyRequest() {
  return useRosterMutation((input: { id: string; approve: boolean; note?: string | null }) =>
    apiSend('POST', `/api/duty-requests/${input.id}/decision`, { approve: input.approve, note: input.note ?? null }),
  );
}

export function useCancelDutyRequest() {
  return useRosterMutation((id: string) => apiSend('POST', `/api/duty-requests/${id}/cancel`));
}

export interface RosterSettings {
  officersPerDay: Record<DayType, number>;
  minRestDays: number;
  fairnessWindow: 'calendar_year' | 'rolling_year';
  approverRoles: Record<DutyPost, Role[]>;
}

export function useRosterSettings() {
  return useQuery({ queryKey: ['roster', 'settings'], queryFn: () => apiGet<{ settings: RosterSettings }>('/api/roster-settings') });
}

export function useSaveRosterSettings() {
  return useRosterMutation((settings: RosterSettings) => apiSend<{ settings: RosterSettings }>('PUT', '/api/roster-settings', settings));
}
