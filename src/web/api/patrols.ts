/** Hooks of video patrols, problems and rectification, night checks, roll calls and platform checks. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DayType } from '../../domain/calendar/types';
import type { CheckMethod, PatrollerRole, PlatformStatus, ProblemKind, ProblemSource, ProblemStatus, SiteKind } from '../../domain/patrols/labels';
import { apiGet, apiSend } from '../app/api-client';

export interface PatrolSite {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  kind: SiteKind;
  checkMethod: CheckMethod;
  active: boolean;
  sortOrder: number;
  note: string | null;
}

export interface PatrolProblem {
  id: string;
  siteId: string | null;
  siteName: string | null;
  unitId: string;
  unitName: string;
  kind: ProblemKind;
  description: string;
  evidenceIds: string[];
  source: ProblemSource;
  sourceId: string | null;
  foundByName: string;
  foundAt: string;
  deadline: string;
  status: ProblemStatus;
  overdue: boolean;
  report: { text: string | null; attachmentIds: string[]; headName: string | null; headConfirmed: boolean; submittedAt: string | null } | null;
  verifiedByName: string | null;
  verifiedAt: string | null;
  verifyNote: string | null;
  returnedCount: number;
}

export interface PatrolRecord {
  id: string;
  patrolledAt: string;
  dutyDate: string;
  patrollerRole: PatrollerRole;
  patrollerName: string;
  method: CheckMethod;
  summary: string | null;
  items: { siteId: string; siteName: string; unitName: string; position: number; observation: string; hasProblem: boolean; attachmentIds: string[] }[];
  problemIds: string[];
}

export interface Finding {
  kind: ProblemKind;
  description: string;
}

export interface PatrolInput {
  patrolledAt: string;
  patrollerRole: PatrollerRole;
  method: CheckMethod;
  summary?: string | null;
  items: { siteId: string; observation: string; attachmentIds?: string[]; problem?: Finding | null }[];
}

export interface PlanDetail {
  date: string;
  sampleRatio: number;
  activeSites: number;
  dayType: DayType;
  majorEvent: boolean;
  requiredCount: number;
  windowStart: string;
  windowEnd: string;
  sites: { siteId: string; name: string; unitName: string; checkMethod: CheckMethod; plannedAt: string; checked: boolean }[];
  records: { id: string; siteId: string; siteName: string; unitName: string; checkedAt: string; method: CheckMethod; reached: boolean; answeredBy: string | null; inPost: boolean; findings: string | null; planned: boolean; inWindow: boolean }[];
  coverage: { planned: number; plannedChecked: number; checkedSites: number; coverageRatio: number; requiredCount: number; meetsRule: boolean; outsideWindow: number };
  followUps: PatrolProblem[];
}

export interface NightCheckInput {
  siteId: string;
  checkedAt: string;
  method: CheckMethod;
  reached: boolean;
  answeredBy?: string | null;
  inPost: boolean;
  findings?: string | null;
  problem?: Finding | null;
  evidenceIds?: string[];
}

interface CountRow {
  key: string;
  label: string;
  count: number;
}

export interface MonthlyAnalysis {
  month: string;
  patrols: number;
  problems: number;
  closed: number;
  open: number;
  overdue: number;
  byUnit: CountRow[];
  bySite: CountRow[];
  byKind: CountRow[];
  byWeek: CountRow[];
  repeats: { unitName: string; siteName: string | null; kindLabel: string; count: number }[];
  rectification: { reported: number; onTime: number; meanHoursToReport: number | null; meanHoursToClose: number | null };
  nightChecks: { nights: number; nightsMeetingRule: number; requiredChecks: number; checkedSites: number; rows: { date: string; requiredCount: number; checkedSites: number; meetsRule: boolean }[] };
}

export interface RollCallWindow {
  date: string;
  startTime: string;
  endTime: string;
  start: string;
  end: string;
}

export interface RollCallDay {
  date: string;
  dayType: DayType;
  dayTypeLabel: string;
  name: string | null;
  windows: RollCallWindow[];
}

export interface RehabDaily {
  date: string;
  inmateCount: number;
  policeOnDuty: string;
  activities: string;
  orderStatus: string;
  submittedByName: string;
  updatedAt: string;
}

export interface AnswerSheet {
  date: string;
  dayTypeLabel: string;
  centerName: string;
  commander: { name: string } | null;
  shiftLeader: { name: string } | null;
  officers: { name: string }[];
  rehab: RehabDaily | null;
  items: { question: string; answer: string; missing: string[] }[];
}

export interface RollCallRecord {
  id: string;
  date: string;
  calledAt: string;
  caller: string;
  answeredBy: string;
  items: { question: string; answer: string }[];
  remarks: string | null;
}

export interface SupervisedPlatform {
  id: string;
  name: string;
  active: boolean;
  sortOrder: number;
}

export interface PlatformCheck {
  id: string;
  platformId: string;
  platformName: string;
  dutyDate: string;
  checkedAt: string;
  status: PlatformStatus;
  note: string | null;
  recordedByName: string;
  restoredAt: string | null;
  restoredNote: string | null;
  restoredByName: string | null;
}

const keys = {
  sites: ['patrol-sites'] as const,
  patrols: ['patrols'] as const,
  problems: ['patrol-problems'] as const,
  plans: ['night-check-plans'] as const,
  analysis: ['patrol-analysis'] as const,
  rollCalls: ['roll-calls'] as const,
  rehab: ['rehab-daily'] as const,
  platforms: ['supervised-platforms'] as const,
  platformChecks: ['platform-checks'] as const,
};

export function usePatrolSites(activeOnly = false) {
  return useQuery({
    queryKey: [...keys.sites, { activeOnly }],
    queryFn: () => apiGet<{ sites: PatrolSite[] }>('/api/patrol-sites', { activeOnly: activeOnly ? 'true' : undefined }).then((body) => body.sites),
  });
}

export function useSaveSite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: Partial<PatrolSite> }) =>
      id ? apiSend<{ site: PatrolSite }>('PATCH', `/api/patrol-sites/${encodeURIComponent(id)}`, input) : apiSend<{ site: PatrolSite }>('POST', '/api/patrol-sites', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.sites }),
  });
}

export function usePatrols(from: string, to: string) {
  return useQuery({
    queryKey: [...keys.patrols, from, to],
    queryFn: () => apiGet<{ patrols: PatrolRecord[] }>('/api/patrols', { from, to }).then((body) => body.patrols),
  });
}

export function useCreatePatrol() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PatrolInput) => apiSend<{ patrol: PatrolRecord }>('POST', '/api/patrols', input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.patrols });
      void queryClient.invalidateQueries({ queryKey: keys.problems });
    },
  });
}

export function useProblems(filter: { status?: ProblemStatus; month?: string; overdueOnly?: boolean }) {
  return useQuery({
    queryKey: [...keys.problems, filter],
    queryFn: () =>
      apiGet<{ problems: PatrolProblem[] }>('/api/patrol-problems', { status: filter.status, month: filter.month, overdueOnly: filter.overdueOnly ? 'true' : undefined }).then((body) => body.problems),
  });
}

export function useProblemAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: 'rectification' | 'close' | 'return'; body: unknown }) =>
      apiSend<{ problem: PatrolProblem }>('POST', `/api/patrol-problems/${encodeURIComponent(id)}/${action}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.problems }),
  });
}

export function useNightCheckPlan(date: string) {
  return useQuery({
    queryKey: [...keys.plans, date],
    queryFn: () => apiGet<{ plan: PlanDetail }>(`/api/night-checks/plans/${date}`).then((body) => body.plan),
    retry: false,
  });
}

export function useCreatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { date: string; majorEvent?: boolean }) => apiSend<unknown>('POST', '/api/night-checks/plans', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.plans }),
  });
}

export function useRecordNightCheck(date: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NightCheckInput) => apiSend<unknown>('POST', `/api/night-checks/plans/${date}/records`, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.plans });
      void queryClient.invalidateQueries({ queryKey: keys.problems });
    },
  });
}

export function useMonthlyAnalysis(month: string) {
  return useQuery({
    queryKey: [...keys.analysis, month],
    queryFn: () => apiGet<{ analysis: MonthlyAnalysis }>('/api/patrols/analysis', { month }).then((body) => body.analysis),
  });
}

export function useRollCallWindows() {
  return useQuery({
    queryKey: [...keys.rollCalls, 'windows'],
    queryFn: () => apiGet<{ days: RollCallDay[]; checklist: string[] }>('/api/roll-calls/windows'),
  });
}

export function useAnswerSheet(date: string) {
  return useQuery({
    queryKey: [...keys.rollCalls, 'sheet', date],
    queryFn: () => apiGet<{ sheet: AnswerSheet }>('/api/roll-calls/answer-sheet', { date }).then((body) => body.sheet),
  });
}

export function useRollCalls() {
  return useQuery({
    queryKey: [...keys.rollCalls, 'records'],
    queryFn: () => apiGet<{ rollCalls: RollCallRecord[] }>('/api/roll-calls').then((body) => body.rollCalls),
  });
}

export function useRecordRollCall() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { calledAt: string; caller: string; answeredBy: string; answers: { question: string; answer: string }[]; remarks?: string | null }) =>
      apiSend<unknown>('POST', '/api/roll-calls', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.rollCalls }),
  });
}

export function useRehabDaily(date: string) {
  return useQuery({
    queryKey: [...keys.rehab, date],
    queryFn: () => apiGet<{ report: RehabDaily | null }>(`/api/rehab-daily/${date}`).then((body) => body.report),
  });
}

export function useSaveRehabDaily(date: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { inmateCount: number; policeOnDuty: string; activities: string; orderStatus: string }) => apiSend<unknown>('PUT', `/api/rehab-daily/${date}`, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.rehab });
      void queryClient.invalidateQueries({ queryKey: keys.rollCalls });
    },
  });
}

export function usePlatforms() {
  return useQuery({
    queryKey: keys.platforms,
    queryFn: () => apiGet<{ platforms: SupervisedPlatform[] }>('/api/supervised-platforms').then((body) => body.platforms),
  });
}

export function useSavePlatform() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: { name?: string; active?: boolean } }) =>
      id ? apiSend<unknown>('PATCH', `/api/supervised-platforms/${encodeURIComponent(id)}`, input) : apiSend<unknown>('POST', '/api/supervised-platforms', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.platforms }),
  });
}

export function usePlatformChecks() {
  return useQuery({
    queryKey: keys.platformChecks,
    queryFn: async () => {
      const [today, abnormal] = await Promise.all([
        apiGet<{ dutyDate: string; checks: PlatformCheck[] }>('/api/platform-checks'),
        apiGet<{ checks: PlatformCheck[] }>('/api/platform-checks/abnormal'),
      ]);
      return { dutyDate: today.dutyDate, checks: today.checks, abnormal: abnormal.checks };
    },
  });
}

export function usePlatformCheckAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: { kind: 'record'; platformId: string; status: PlatformStatus; note?: string | null } | { kind: 'restore'; checkId: string; note: string }) =>
      request.kind === 'record'
        ? apiSend<unknown>('POST', '/api/platform-checks', { platformId: request.platformId, status: request.status, note: request.note })
        : apiSend<unknown>('POST', `/api/platform-checks/${encodeURIComponent(request.checkId)}/restore`, { note: request.note }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.platformChecks }),
  });
}
