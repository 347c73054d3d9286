/** Incidents (突发案事件): types of the API and TanStack Query hooks. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiDownload, apiGet, apiSend } from '../app/api-client';

export type IncidentGrade = 'general' | 'larger' | 'major' | 'especially_major';
export type ReportChannel = 'phone' | 'written' | 'system';
export type IncidentStatus = 'received' | 'reported' | 'handling' | 'tracking' | 'summarizing' | 'archived';
export type ReportKind = 'written' | 'follow_up' | 'verification' | 'final';

export const gradeLabels: Record<IncidentGrade, string> = { general: '一般', larger: '较大', major: '重大', especially_major: '特别重大' };
export const gradeColors: Record<IncidentGrade, string> = { general: 'blue', larger: 'gold', major: 'orange', especially_major: 'red' };
export const channelLabels: Record<ReportChannel, string> = { phone: '电话报告', written: '书面报告', system: '系统报送' };
export const statusLabels: Record<IncidentStatus, string> = { received: '接报', reported: '报告', handling: '处置', tracking: '跟踪协调', summarizing: '总结分析', archived: '归档' };
export const statusOrder: IncidentStatus[] = ['received', 'reported', 'handling', 'tracking', 'summarizing', 'archived'];

export interface PersonRef {
  personId: string;
  name: string;
}

export interface IncidentDeadline {
  kind: 'written_report' | 'verification' | 'follow_up';
  label: string;
  due: string;
  doneAt: string | null;
}

export interface Incident {
  id: string;
  serialNumber: string;
  title: string;
  unitId: string;
  unitName: string;
  grade: IncidentGrade;
  gradeLabel: string;
  type: string | null;
  earlySign: boolean;
  place: string | null;
  occurredAt: string;
  discoveredAt: string;
  receivedAt: string;
  channel: ReportChannel;
  channelLabel: string;
  reporterName: string | null;
  reporterContact: string | null;
  onSiteCommanderName: string | null;
  onSiteCommanderContact: string | null;
  contactsHidden: boolean;
  facts: string | null;
  casualties: string | null;
  trend: string | null;
  measures: string | null;
  publicOpinion: string | null;
  background: string | null;
  attachmentIds: string[];
  reportDeadline: string;
  reportedLate: boolean;
  delayMinutes: number;
  lateLabel: string | null;
  needsWrittenSupplement: boolean;
  writtenReportDue: string;
  writtenReportAt: string | null;
  verificationDue: string;
  verifiedAt: string | null;
  finalReportAt: string | null;
  missingElements: string[];
  deadlines: IncidentDeadline[];
  followUpCount: number;
  status: IncidentStatus;
  statusLabel: string;
  dutyDate: string;
  commander: PersonRef | null;
  shiftLeader: PersonRef | null;
  officers: PersonRef[];
  summary: { process: string | null; handling: string | null; lessons: string | null };
  createdAt: string;
  updatedAt: string;
}

export interface TimelineEntry {
  id: string;
  seq: number;
  kind: string;
  label: string;
  at: string;
  actorName: string | null;
  note: string | null;
  data: Record<string, unknown>;
}

export interface IncidentReport {
  id: string;
  kind: ReportKind;
  number: number;
  label: string;
  content: string;
  reportedAt: string;
  createdByName: string | null;
}

export interface IncidentOrder {
  id: string;
  content: string;
  assignee: string;
  issuedByName: string | null;
  issuedAt: string;
  status: 'open' | 'done';
  result: string | null;
  doneAt: string | null;
  doneByName: string | null;
}

/** Actions the signed-in user may take on the incident now, as computed by the server. */
export interface IncidentActions {
  steps: { step: WorkflowStepKind; label: string; noteRequired: string | null }[];
  canEdit: boolean;
  canReport: boolean;
  canIssueOrders: boolean;
  canCompleteOrders: boolean;
  canActivateSeats: boolean;
}

export interface IncidentDetail {
  incident: Incident;
  timeline: TimelineEntry[];
  reports: IncidentReport[];
  orders: IncidentOrder[];
  actions: IncidentActions;
}

export interface IncidentElements {
  type?: string | null;
  earlySign?: boolean;
  place?: string | null;
  reporterName?: string | null;
  reporterContact?: string | null;
  onSiteCommanderName?: string | null;
  onSiteCommanderContact?: string | null;
  facts?: string | null;
  casualties?: string | null;
  trend?: string | null;
  measures?: string | null;
  publicOpinion?: string | null;
  background?: string | null;
  attachmentIds?: string[];
}

export interface IncidentInput extends IncidentElements {
  title: string;
  unitId: string;
  grade: IncidentGrade;
  occurredAt: string;
  discoveredAt: string;
  receivedAt: string;
  channel: ReportChannel;
}

export type WorkflowStepKind =
  | 'report'
  | 'report_bureau_head'
  | 'start_handling'
  | 'notify_departments'
  | 'gather_facts'
  | 'first_measures'
  | 'av_link'
  | 'leader_instruction'
  | 'start_tracking'
  | 'summarize'
  | 'archive';

export const incidentsQueryKey = ['incidents'] as const;

export function useIncidents(scope: 'open' | 'all', page: number, pageSize = 20) {
  return useQuery({
    queryKey: [...incidentsQueryKey, 'list', { scope, page, pageSize }],
    queryFn: () => apiGet<{ items: Incident[]; total: number }>('/api/incidents', { scope, page, pageSize }),
  });
}

export function useIncident(id: string) {
  return useQuery({
    queryKey: [...incidentsQueryKey, 'detail', id],
    queryFn: () => apiGet<IncidentDetail>(`/api/incidents/${encodeURIComponent(id)}`),
  });
}

function useIncidentMutation<TVariables, TResult>(mutationFn: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentsQueryKey }) });
}

export function useCreateIncident() {
  return useIncidentMutation((input: IncidentInput) => apiSend<Incident>('POST', '/api/incidents', input));
}

export function useUpdateIncident(id: string) {
  return useIncidentMutation((patch: IncidentElements & { title?: string }) => apiSend<Incident>('PATCH', `/api/incidents/${encodeURIComponent(id)}`, patch));
}

export function useAddIncidentReport(id: string) {
  return useIncidentMutation((input: { kind: ReportKind; content: string; reportedAt?: string }) =>
    apiSend<Incident>('POST', `/api/incidents/${encodeURIComponent(id)}/reports`, input),
  );
}

export function useRecordStep(id: string) {
  return useIncidentMutation((input: { step: WorkflowStepKind; note?: string | null; summary?: { process: string; handling: string; lessons: string } }) =>
    apiSend<IncidentDetail>('POST', `/api/incidents/${encodeURIComponent(id)}/steps`, input),
  );
}

export function useIssueOrder(id: string) {
  return useIncidentMutation((input: { content: string; assignee: string }) => apiSend('POST', `/api/incidents/${encodeURIComponent(id)}/orders`, input));
}

export function useCompleteOrder(id: string) {
  return useIncidentMutation((input: { orderId: string; result: string }) =>
    apiSend('POST', `/api/incidents/${encodeURIComponent(id)}/orders/${encodeURIComponent(input.orderId)}/done`, { result: input.result }),
  );
}

export function useActivateSeats(id: string) {
  return useIncidentMutation((reason: string) => apiSend('POST', `/api/incidents/${encodeURIComponent(id)}/activate-seats`, { reason }));
}

export function downloadIncidentDocument(incident: Pick<Incident, 'id' | 'serialNumber'>): Promise<void> {
  return apiDownload(`/api/incidents/${encodeURIComponent(incident.id)}/export.docx`, `突发案事件处置情况-${incident.serialNumber}.docx`);
}
