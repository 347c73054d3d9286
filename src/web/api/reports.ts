/** Hooks of the information work: daily reports, items, bulletins, instructions and statistics. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BulletinStatus, ReportCategory, ReportItemStatus } from '../../domain/reports/categories';
import { apiGet, apiSend } from '../app/api-client';

export type DailyStatus = 'reported' | 'zero' | 'missing' | 'late';

export interface StatusBoard {
  date: string;
  deadline: string;
  collectionDeadline: string;
  provinceDeadline: string;
  overdue: boolean;
  units: Array<{ unitId: string; unitName: string; status: DailyStatus; submittedAt: string | null }>;
  summary: { total: number; submitted: number; missing: number; late: number };
  reminders: Array<{ id: string; date: string; unitIds: string[]; remindedAt: string; remindedBy: string }>;
}

export interface ItemInput {
  category: ReportCategory;
  title: string;
  content: string;
  occurredAt?: string | null;
  place?: string | null;
  source?: string | null;
  peopleInvolved?: string | null;
  measures?: string | null;
  urgent?: boolean;
  phoneFirst?: boolean;
  earlySign?: boolean;
  attachmentIds?: string[];
}

export interface ReportItem extends Required<Omit<ItemInput, 'occurredAt' | 'place' | 'source' | 'peopleInvolved' | 'measures'>> {
  id: string;
  unitId: string;
  unitName: string;
  date: string;
  occurredAt: string | null;
  place: string | null;
  source: string | null;
  peopleInvolved: string | null;
  measures: string | null;
  status: ReportItemStatus;
  reviewReason: string | null;
  mergedIntoId: string | null;
  markedBy: string | null;
  reviewedBy: string | null;
  version: number;
  writtenSupplementDueAt: string | null;
  writtenSupplementAt: string | null;
  verificationDueAt: string | null;
  verifiedAt: string | null;
  closedAt: string | null;
  submittedAt: string;
}

export interface DailyReport {
  id: string;
  unitId: string;
  unitName: string;
  date: string;
  kind: 'items' | 'zero';
  submittedAt: string;
  submittedBy: string;
  late: boolean;
  items: ReportItem[];
}

export interface Bulletin {
  id: string;
  year: number;
  issueNumber: number;
  issueLabel: string;
  date: string;
  title: string;
  sections: Array<{ category: ReportCategory; heading: string; items: Array<{ itemId: string | null; title: string; content: string; unitName: string }> }>;
  status: BulletinStatus;
  statusLabel: string;
  editedBy: string;
  reviewedBy: string | null;
  signedBy: string | null;
  signedAt: string | null;
  sentAt: string | null;
}

export interface Instruction {
  id: string;
  leaderName: string;
  issuedOn: string;
  text: string;
  passedDownAt: string;
  status: 'open' | 'closed';
  overdue: boolean;
  units: Array<{ unitId: string; unitName: string; dueDate: string | null; dueAt: string | null; overdue: boolean; missedDates: string[]; lastFeedbackAt: string | null }>;
  feedback: Array<{ id: string; unitName: string; date: string; content: string; submittedAt: string; submittedBy: string }>;
}

export interface MonthlyStatistics {
  month: string;
  units: Array<{ unitId: string; unitName: string; submitted: number; adopted: number; adoptionRate: number; late: number; missing: number; rank: number }>;
  totals: { submitted: number; adopted: number; late: number; missing: number };
}

const keys = {
  status: (date: string) => ['daily-reports', 'status', date] as const,
  history: ['daily-reports', 'history'] as const,
  items: (query: Record<string, string | undefined>) => ['report-items', query] as const,
  bulletins: (year: number) => ['bulletins', year] as const,
  bulletin: (id: string) => ['bulletins', 'one', id] as const,
  instructions: ['instructions'] as const,
  stats: (month: string) => ['report-stats', month] as const,
};

/** The status board, refetched every 15 s; live events refetch it sooner. */
export function useStatusBoard(date: string) {
  return useQuery({ queryKey: keys.status(date), queryFn: () => apiGet<StatusBoard>('/api/daily-reports/status', { date }), refetchInterval: 15_000 });
}

export function useRemindMissing() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (date: string) => apiSend<{ reminder: { unitIds: string[] } }>('POST', '/api/daily-reports/reminders', { date }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['daily-reports'] }),
  });
}

export function useReportHistory() {
  return useQuery({ queryKey: keys.history, queryFn: () => apiGet<{ reports: DailyReport[] }>('/api/daily-reports').then((body) => body.reports) });
}

/** Submits with the caller's idempotency key, so a retry after a dropped connection stores nothing twice. */
export function useSubmitReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { key: string; body: { kind: 'items' | 'zero'; items?: ItemInput[]; date?: string } }) =>
      apiSend<{ report: DailyReport; replayed: boolean }>('POST', '/api/daily-reports', { ...input.body, idempotencyKey: input.key }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['daily-reports'] }),
  });
}

export function useReportItems(query: { from?: string; to?: string; status?: ReportItemStatus }) {
  return useQuery({ queryKey: keys.items(query), queryFn: () => apiGet<{ items: ReportItem[] }>('/api/report-items', query).then((body) => body.items) });
}

export function useItemAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; path: 'mark' | 'review'; body?: unknown }) => apiSend<{ item: ReportItem }>('POST', `/api/report-items/${input.id}/${input.path}`, input.body ?? {}),
    onSuccess: () => client.invalidateQueries({ queryKey: ['report-items'] }),
  });
}

export function useReviseItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: ItemInput }) => apiSend<{ item: ReportItem }>('PUT', `/api/report-items/${input.id}`, input.body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['daily-reports'] }),
  });
}

export function useBulletins(year: number) {
  return useQuery({ queryKey: keys.bulletins(year), queryFn: () => apiGet<{ bulletins: Bulletin[] }>('/api/bulletins', { year }).then((body) => body.bulletins) });
}

export function useBulletin(id: string | null) {
  return useQuery({ queryKey: keys.bulletin(id ?? ''), queryFn: () => apiGet<{ bulletin: Bulletin }>(`/api/bulletins/${id}`).then((body) => body.bulletin), enabled: id !== null });
}

export function useBulletinAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { method: 'POST' | 'PUT'; path: string; body?: unknown }) => apiSend<{ bulletin: Bulletin }>(input.method, input.path, input.body ?? {}),
    onSuccess: () => client.invalidateQueries({ queryKey: ['bulletins'] }),
  });
}

export function useInstructions() {
  return useQuery({ queryKey: keys.instructions, queryFn: () => apiGet<{ instructions: Instruction[] }>('/api/instructions').then((body) => body.instructions), refetchInterval: 60_000 });
}

export function useInstructionAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { path: string; body?: unknown }) => apiSend<{ instruction: Instruction }>('POST', input.path, input.body ?? {}),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.instructions }),
  });
}

export function useMonthlyStatistics(month: string) {
  return useQuery({ queryKey: keys.stats(month), queryFn: () => apiGet<MonthlyStatistics>('/api/report-stats/monthly', { month }) });
}

export interface DailyReportSettings {
  unitDeadline: string;
  collectionDeadline: string;
  provinceDeadline: string;
  rectificationWorkingDays: number;
  instructionFeedbackTime: string;
}

export function useReportSettings() {
  return useQuery({ queryKey: ['daily-reports', 'settings'], queryFn: () => apiGet<{ settings: DailyReportSettings }>('/api/daily-reports/settings').then((body) => body.settings) });
}

export function useUpdateReportSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: Partial<DailyReportSettings>) => apiSend<{ settings: DailyReportSettings }>('PUT', '/api/daily-reports/settings', settings),
    onSuccess: () => client.invalidateQueries({ queryKey: ['daily-reports'] }),
  });
}

/** Content fields stored in each version of an item. */
export type ReportItemContent = Pick<ReportItem, 'category' | 'title' | 'content' | 'occurredAt' | 'place' | 'source' | 'peopleInvolved' | 'measures' | 'urgent' | 'phoneFirst' | 'earlySign' | 'attachmentIds'>;

export type ItemUpdateKind = 'written_supplement' | 'verification' | 'follow_up' | 'closing';

/** An item with every stored version (returned and revised) and its 续报/核报/终报 updates. */
export interface ReportItemDetail extends ReportItem {
  versions: Array<{ version: number; createdAt: string; createdBy: string; content: ReportItemContent }>;
  updates: Array<{ id: string; kind: string; label: string; content: string; submittedAt: string; submittedBy: string }>;
}

export interface ReportViolation {
  id: string;
  unitId: string;
  unitName: string;
  date: string;
  kind: 'late' | 'missing';
  recordedAt: string;
  rectificationDueAt: string;
  rectifiedAt: string | null;
}

export function useReportItem(id: string | null) {
  return useQuery({
    queryKey: ['report-items', 'one', id ?? ''],
    queryFn: () => apiGet<{ item: ReportItemDetail }>(`/api/report-items/${id}`).then((body) => body.item),
    enabled: id !== null,
  });
}

/** Adds a 书面补报, 初步核查, 续报 or 终报 to an item. */
export function useAddItemUpdate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; kind: ItemUpdateKind; content: string }) =>
      apiSend<{ item: ReportItemDetail }>('POST', `/api/report-items/${input.id}/updates`, { kind: input.kind, content: input.content }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['report-items'] });
      void client.invalidateQueries({ queryKey: ['daily-reports'] });
    },
  });
}

export function useViolations(query: { from: string; to: string }) {
  return useQuery({
    queryKey: ['daily-reports', 'violations', query],
    queryFn: () => apiGet<{ violations: ReportViolation[] }>('/api/daily-reports/violations', query).then((body) => body.violations),
  });
}

export function useRectifyViolation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend<{ ok: true }>('POST', `/api/daily-reports/violations/${id}/rectify`, {}),
    onSuccess: () => client.invalidateQueries({ queryKey: ['daily-reports', 'violations'] }),
  });
}
