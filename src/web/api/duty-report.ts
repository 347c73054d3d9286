/** Duty log, duty report, handover meeting, sign-in and "my duty": API types and TanStack Query hooks. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiDownload, apiGet, apiSend } from '../app/api-client';
import { centerDutyDate } from '../app/time';

export interface PersonSlot {
  personId: string;
  name: string;
}

export type DutyLogSource =
  | 'reports' | 'bulletins' | 'instructions' | 'incidents' | 'documents' | 'phone_records' | 'patrols'
  | 'night_checks' | 'roll_calls' | 'seats' | 'platform_checks' | 'handover' | 'signin' | 'free';

export const dutyLogSourceLabels: Record<DutyLogSource, string> = {
  reports: '要情报送',
  bulletins: '司法要情',
  instructions: '领导批示',
  incidents: '突发案事件',
  documents: '文电',
  phone_records: '电话记录',
  patrols: '视频巡查',
  night_checks: '夜查',
  roll_calls: '视频点名',
  seats: '联合坐席',
  platform_checks: '平台检查',
  handover: '交接班',
  signin: '签到签退',
  free: '其他事项',
};

export interface DutyLogEntry {
  at: string;
  source: DutyLogSource;
  sourceLabel: string;
  who: string | null;
  what: string;
  link: string | null;
  problem: boolean;
}

export interface DutyLog {
  date: string;
  entries: DutyLogEntry[];
  groups: { source: DutyLogSource; label: string; count: number; problems: number }[];
}

export interface ReportSection {
  key: string;
  heading: string;
  text: string;
}

export type DutyReportStatus = 'none' | 'draft' | 'signed' | 'revised' | 'sent';

export interface DutyReport {
  date: string;
  status: DutyReportStatus;
  statusLabel: string;
  staffRows: string[][];
  sections: ReportSection[];
  generated: ReportSection[];
  shiftLeader: PersonSlot | null;
  draftedBy: string | null;
  signedBy: string | null;
  signedAt: string | null;
  revisedBy: string | null;
  revisedAt: string | null;
  sentAt: string | null;
  sentBy: string | null;
  sentTo: string | null;
  versions: { version: number; kind: 'signed' | 'revised'; createdAt: string; createdBy: string; sections: ReportSection[] }[];
}

export interface HandoverParticipant extends PersonSlot {
  post: string;
  shift: 'previous' | 'current';
  label: string;
  attended: boolean;
}

export interface Handover {
  date: string;
  startsAt: string;
  endsAt: string;
  dayType: string;
  commanderLed: boolean;
  chair: (PersonSlot & { label: string }) | null;
  participants: HandoverParticipant[];
  previousOfficerReport: string | null;
  previousLeaderReport: string | null;
  leaderInstructions: string | null;
  matters: string | null;
  record: string | null;
  confirmedAt: string | null;
  confirmedBy: string | null;
  saved: boolean;
}

export interface HandoverInput {
  attendedPersonIds: string[];
  previousOfficerReport?: string | null;
  previousLeaderReport?: string | null;
  leaderInstructions?: string | null;
  matters?: string | null;
  record?: string | null;
}

export interface ResponsibleShift {
  date: string;
  awaitingHandover: boolean;
  commander: PersonSlot | null;
  shiftLeader: PersonSlot | null;
  officers: PersonSlot[];
}

export type TaskStatus = 'done' | 'due' | 'overdue' | 'upcoming';
export const taskStatusLabels: Record<TaskStatus, string> = { done: '已完成', due: '进行中', overdue: '已超时', upcoming: '未开始' };
export const taskStatusColors: Record<TaskStatus, string> = { done: 'green', due: 'blue', overdue: 'red', upcoming: 'default' };

export interface MyDuty {
  date: string;
  dayType: string;
  posts: { post: 'commander' | 'shiftLeader' | 'officer'; label: string; tasks: { key: string; title: string; detail: string; start: string; due: string; status: TaskStatus; link: string }[] }[];
  responsible: ResponsibleShift;
}

export interface SigninBoard {
  date: string;
  dutyLevel: string;
  staff: {
    post: string;
    postLabel: string;
    personId: string;
    name: string;
    required: number;
    actual: number;
    shortfall: number;
    onPost: boolean;
    periods: { signedInAt: string; signedOutAt: string | null }[];
  }[];
}

/** Today's duty date: a duty day runs from the handover time in the center's zone to the same time the next day. */
export function currentDutyDate(): string {
  return centerDutyDate();
}

const key = ['duty-report'] as const;

function useInvalidatingMutation<TVariables, TResult>(mutationFn: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: key }) });
}

export function useDutyLog(date: string, source: DutyLogSource | undefined, text: string) {
  return useQuery({ queryKey: [...key, 'log', date, source, text], queryFn: () => apiGet<DutyLog>(`/api/duty-log/${date}`, { source, text }) });
}

export function useAddDutyLogEntry() {
  return useInvalidatingMutation((input: { at?: string; content: string }) => apiSend<{ id: string; dutyDate: string }>('POST', '/api/duty-log/entries', input));
}

export function useDutyReport(date: string) {
  return useQuery({ queryKey: [...key, 'report', date], queryFn: () => apiGet<DutyReport>(`/api/duty-reports/${date}`) });
}

type SectionsInput = { date: string; sections: { key: string; text: string }[] };

export function useSaveDutyReport() {
  return useInvalidatingMutation(({ date, sections }: SectionsInput) => apiSend<DutyReport>('PUT', `/api/duty-reports/${date}`, { sections }));
}

export function useReviseDutyReport() {
  return useInvalidatingMutation(({ date, sections }: SectionsInput) => apiSend<DutyReport>('POST', `/api/duty-reports/${date}/revise`, { sections }));
}

export function useSignDutyReport() {
  return useInvalidatingMutation((date: string) => apiSend<DutyReport>('POST', `/api/duty-reports/${date}/sign`));
}

export function useSendDutyReport() {
  return useInvalidatingMutation((date: string) => apiSend<DutyReport>('POST', `/api/duty-reports/${date}/send`));
}

export function downloadDutyReport(date: string): Promise<void> {
  return apiDownload(`/api/duty-reports/${date}/export.docx`, `值班报告${date}.docx`);
}

export function useHandover(date: string) {
  return useQuery({ queryKey: [...key, 'handover', date], queryFn: () => apiGet<Handover>(`/api/handover/${date}`) });
}

export function useResponsibleShift() {
  return useQuery({ queryKey: [...key, 'responsible'], queryFn: () => apiGet<ResponsibleShift>('/api/handover/responsible'), refetchInterval: 60_000 });
}

export function useSaveHandover() {
  return useInvalidatingMutation(({ date, input }: { date: string; input: HandoverInput }) => apiSend<Handover>('PUT', `/api/handover/${date}`, input));
}

export function useConfirmHandover() {
  return useInvalidatingMutation((date: string) => apiSend<Handover>('POST', `/api/handover/${date}/confirm`));
}

export function useMyDuty() {
  return useQuery({ queryKey: [...key, 'my-duty'], queryFn: () => apiGet<MyDuty>('/api/my-duty'), refetchInterval: 60_000 });
}

export function useSigninBoard(date: string) {
  return useQuery({ queryKey: [...key, 'signins', date], queryFn: () => apiGet<SigninBoard>('/api/duty-signins', { date }), refetchInterval: 60_000 });
}

export function useSignIn() {
  return useInvalidatingMutation(() => apiSend<{ dutyDate: string; signedInAt: string }>('POST', '/api/duty-signins/sign-in'));
}

export function useSignOut() {
  return useInvalidatingMutation(() => apiSend<{ dutyDate: string; signedOutAt: string }>('POST', '/api/duty-signins/sign-out'));
}
