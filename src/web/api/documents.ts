import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DocumentEventKind,
  DocumentKind,
  DocumentStatus,
  OpinionKind,
  ReminderIntervals,
  Urgency,
} from '../../domain/documents/index';
import { apiGet, apiSend } from '../app/api-client';

export interface DocumentTransfer {
  id: string;
  unitId: string;
  unitName: string;
  notifiedAt: string;
  notifiedByName: string;
  note: string | null;
  signedAt: string | null;
  signedByName: string | null;
  reminderCount: number;
  lastRemindedAt: string | null;
  nextReminderAt: string | null;
}

export interface DocumentEvent {
  id: string;
  at: string;
  kind: DocumentEventKind;
  actorName: string;
  unitId: string | null;
  unitName: string | null;
  opinionKind: OpinionKind | null;
  text: string | null;
}

/** 收文登记 as the register lists it. */
export interface DocumentSummary {
  id: string;
  serial: string;
  kind: DocumentKind;
  receivedAt: string;
  senderUnit: string;
  referenceNumber: string | null;
  urgency: Urgency;
  title: string;
  copies: number;
  attachmentTitles: string[];
  content: string | null;
  receivedByName: string;
  status: DocumentStatus;
  reportedAt: string | null;
  reportedToName: string | null;
  closedAt: string | null;
  closedByName: string | null;
  closureNote: string | null;
  transfers: DocumentTransfer[];
}

export interface DocumentDetail extends DocumentSummary {
  attachments: { id: string; fileName: string; mimeType: string; size: number; uploadedAt: string }[];
  events: DocumentEvent[];
}

export interface DocumentFilter {
  kind?: DocumentKind;
  urgency?: Urgency;
  status?: DocumentStatus;
  from?: string;
  to?: string;
  unitId?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export interface DocumentInput {
  kind: DocumentKind;
  receivedAt?: string;
  senderUnit: string;
  referenceNumber?: string | null;
  urgency: Urgency;
  title: string;
  copies: number;
  attachmentTitles?: string[];
  content?: string | null;
}

export interface PendingSignature {
  transferId: string;
  documentId: string;
  serial: string;
  kind: DocumentKind;
  title: string;
  urgency: Urgency;
  urgent: boolean;
  unitId: string;
  unitName: string;
  notifiedAt: string;
  reminderCount: number;
  lastRemindedAt: string | null;
  nextReminderAt: string | null;
  minutesWaiting: number;
}

export interface PhoneRecord {
  id: string;
  serial: string;
  title: string;
  urgency: Urgency;
  status: DocumentStatus;
  calledAt: string;
  callerUnit: string | null;
  callerUnitId: string | null;
  callerName: string | null;
  callerPosition: string | null;
  callerPhone: string | null;
  receiverName: string;
  content: string | null;
  majorIncident: boolean;
  handlingOpinion: string | null;
  handlingResult: string | null;
  handlerName: string | null;
  incidentId: string | null;
}

export type PhoneRecordInput = Partial<Omit<PhoneRecord, 'id' | 'serial' | 'status' | 'incidentId'>>;

const documentsKey = ['documents'] as const;
const phoneRecordsKey = ['phone-records'] as const;

export function useDocuments(filter: DocumentFilter) {
  return useQuery({
    queryKey: [...documentsKey, 'list', filter],
    queryFn: () => apiGet<{ documents: DocumentSummary[]; total: number }>('/api/documents', { ...filter }),
    placeholderData: keepPreviousData,
  });
}

export function useDocument(id: string | undefined) {
  return useQuery({
    queryKey: [...documentsKey, 'detail', id],
    queryFn: () => apiGet<{ document: DocumentDetail }>(`/api/documents/${encodeURIComponent(id!)}`).then((body) => body.document),
    enabled: Boolean(id),
  });
}

export function usePendingSignatures(options: { unitId?: string } = {}) {
  return useQuery({
    queryKey: [...documentsKey, 'pending', options],
    queryFn: () => apiGet<{ pending: PendingSignature[] }>('/api/documents/pending-signatures', { unitId: options.unitId }).then((body) => body.pending),
    refetchInterval: 60_000,
  });
}

export function useReminderIntervals() {
  return useQuery({
    queryKey: [...documentsKey, 'settings'],
    queryFn: () => apiGet<{ reminderIntervals: ReminderIntervals }>('/api/documents/settings').then((body) => body.reminderIntervals),
  });
}

function useDocumentsMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: documentsKey });
      await queryClient.invalidateQueries({ queryKey: phoneRecordsKey });
    },
  });
}

export function useRegisterDocument() {
  return useDocumentsMutation((input: DocumentInput) => apiSend<{ document: DocumentDetail }>('POST', '/api/documents', input).then((body) => body.document));
}

/** One handling step of a document: report, opinion, transfer, sign, archive or destroy. */
export type DocumentAction =
  | { type: 'report'; reportedToName?: string | null; note?: string | null }
  | { type: 'opinion'; kind: OpinionKind; authorName?: string | null; text: string }
  | { type: 'transfer'; unitIds: string[]; note?: string | null }
  | { type: 'sign'; transferId: string }
  | { type: 'archive'; note?: string | null }
  | { type: 'destroy'; note?: string | null };

function actionRequest(id: string, action: DocumentAction): Promise<{ document: DocumentDetail }> {
  const base = `/api/documents/${encodeURIComponent(id)}`;
  switch (action.type) {
    case 'report':
      return apiSend('POST', `${base}/report`, { reportedToName: action.reportedToName, note: action.note });
    case 'opinion':
      return apiSend('POST', `${base}/opinions`, { kind: action.kind, authorName: action.authorName, text: action.text });
    case 'transfer':
      return apiSend('POST', `${base}/transfers`, { unitIds: action.unitIds, note: action.note });
    case 'sign':
      return apiSend('POST', `${base}/transfers/${encodeURIComponent(action.transferId)}/sign`);
    case 'archive':
      return apiSend('POST', `${base}/archive`, { note: action.note });
    case 'destroy':
      return apiSend('POST', `${base}/destroy`, { note: action.note });
  }
}

export function useDocumentAction() {
  return useDocumentsMutation(({ id, action }: { id: string; action: DocumentAction }) => actionRequest(id, action).then((body) => body.document));
}

export function usePhoneRecords(filter: { q?: string; majorIncident?: boolean; from?: string; to?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...phoneRecordsKey, filter],
    queryFn: () =>
      apiGet<{ phoneRecords: PhoneRecord[]; total: number }>('/api/phone-records', {
        ...filter,
        majorIncident: filter.majorIncident === undefined ? undefined : String(filter.majorIncident),
      }),
    placeholderData: keepPreviousData,
  });
}

export function useSavePhoneRecord() {
  return useDocumentsMutation(({ id, input }: { id: string | null; input: PhoneRecordInput }) =>
    (id
      ? apiSend<{ phoneRecord: PhoneRecord }>('PATCH', `/api/phone-records/${encodeURIComponent(id)}`, input)
      : apiSend<{ phoneRecord: PhoneRecord }>('POST', '/api/phone-records', input)
    ).then((body) => body.phoneRecord),
  );
}
