/** Zod schemas of the documents register's API, shared by its routes. */
import { z } from 'zod';
import {
  DOCUMENT_KIND_LABELS,
  documentEventKinds,
  documentKinds,
  documentStatuses,
  OPINION_KIND_LABELS,
  opinionKinds,
  URGENCY_LABELS,
  urgencies,
} from '../../domain/documents/index.js';
import { registerFieldLabels } from '../http/field-labels.js';
import { optionalText, requiredText } from '../http/schemas.js';

export const documentLimits = {
  title: 200,
  senderUnit: 100,
  referenceNumber: 64,
  content: 20_000,
  attachmentTitle: 200,
  attachments: 50,
  copies: 999,
  note: 500,
  opinion: 2000,
  personName: 32,
} as const;

/**
 * Builds an enum that also accepts its Chinese label, so a client may send
 * 特急 as well as extra_urgent. The value stored and returned is always the code.
 */
export function codeOrLabel<T extends string>(codes: readonly [T, ...T[]], labels: Record<T, string>) {
  const byLabel = new Map(Object.entries(labels).map(([code, label]) => [label as string, code]));
  return z.preprocess((value) => (typeof value === 'string' && byLabel.has(value) ? byLabel.get(value) : value), z.enum(codes));
}

export const kindInput = codeOrLabel(documentKinds, DOCUMENT_KIND_LABELS);
export const urgencyInput = codeOrLabel(urgencies, URGENCY_LABELS);

registerFieldLabels({
  kind: '文电类型',
  receivedAt: '收文时间',
  senderUnit: '来文单位',
  referenceNumber: '来文文号',
  urgency: '紧急程度',
  title: '标题',
  copies: '份数',
  attachmentTitles: '附件清单',
  attachmentIds: '附件',
  content: '正文摘要',
  reportedToName: '报告对象',
  authorName: '意见人',
  text: '意见内容',
  unitIds: '承办单位',
  status: '办理状态',
  reminderIntervals: '催办间隔',
  extra_urgent: '特急催办间隔',
  urgent: '加急催办间隔',
  normal: '平急催办间隔',
}, ['/api/documents']);

export const transferSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  notifiedAt: z.string(),
  notifiedByName: z.string(),
  note: z.string().nullable(),
  signedAt: z.string().nullable(),
  signedByName: z.string().nullable(),
  reminderCount: z.number(),
  lastRemindedAt: z.string().nullable(),
  nextReminderAt: z.string().nullable(),
});

export const documentSummarySchema = z.object({
  id: z.string(),
  serial: z.string(),
  kind: z.enum(documentKinds),
  receivedAt: z.string(),
  senderUnit: z.string(),
  referenceNumber: z.string().nullable(),
  urgency: z.enum(urgencies),
  title: z.string(),
  copies: z.number(),
  attachmentTitles: z.array(z.string()),
  content: z.string().nullable(),
  receivedByName: z.string(),
  status: z.enum(documentStatuses),
  reportedAt: z.string().nullable(),
  reportedToName: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  closureNote: z.string().nullable(),
  transfers: z.array(transferSchema),
});

export const documentDetailSchema = documentSummarySchema.extend({
  attachments: z.array(z.object({ id: z.string(), fileName: z.string(), mimeType: z.string(), size: z.number(), uploadedAt: z.string() })),
  events: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      kind: z.enum(documentEventKinds),
      actorName: z.string(),
      unitId: z.string().nullable(),
      unitName: z.string().nullable(),
      opinionKind: z.enum(opinionKinds).nullable(),
      text: z.string().nullable(),
    }),
  ),
});

export const documentResponse = z.object({ document: documentDetailSchema });

export const registerBody = z.object({
  kind: kindInput,
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  senderUnit: requiredText(documentLimits.senderUnit),
  referenceNumber: optionalText(documentLimits.referenceNumber),
  urgency: urgencyInput.default('normal'),
  title: requiredText(documentLimits.title),
  copies: z.number().int().min(1).max(documentLimits.copies).default(1),
  attachmentTitles: z.array(requiredText(documentLimits.attachmentTitle)).max(documentLimits.attachments).default([]),
  attachmentIds: z.array(z.string().min(1).max(64)).max(documentLimits.attachments).default([]),
  content: optionalText(documentLimits.content),
});

export const reportBody = z
  .object({
    reportedToName: optionalText(documentLimits.personName),
    note: optionalText(documentLimits.note),
  })
  .prefault({});

export const opinionBody = z.object({
  kind: codeOrLabel(opinionKinds, OPINION_KIND_LABELS),
  authorName: optionalText(documentLimits.personName),
  text: requiredText(documentLimits.opinion),
});

export const transferBody = z.object({
  unitIds: z.array(z.string().min(1).max(64)).min(1).max(50),
  note: optionalText(documentLimits.note),
});

export const closeBody = z.object({ note: optionalText(documentLimits.note) }).prefault({});

export const pendingSignatureSchema = z.object({
  transferId: z.string(),
  documentId: z.string(),
  serial: z.string(),
  kind: z.enum(documentKinds),
  title: z.string(),
  urgency: z.enum(urgencies),
  urgent: z.boolean(),
  unitId: z.string(),
  unitName: z.string(),
  notifiedAt: z.string(),
  reminderCount: z.number(),
  lastRemindedAt: z.string().nullable(),
  nextReminderAt: z.string().nullable(),
  minutesWaiting: z.number(),
});

export const reminderIntervalsSchema = z.object({
  extra_urgent: z.number().int(),
  urgent: z.number().int(),
  normal: z.number().int(),
});
