import { z } from 'zod';
import { BULLETIN_STATUSES, REPORT_CATEGORIES, REPORT_ITEM_STATUSES } from '../../domain/reports/index.js';
import { registerFieldLabels } from '../http/field-labels.js';
import { instant, isoDate, optionalText, requiredText } from '../http/schemas.js';

registerFieldLabels({
  category: '信息类别',
  occurredAt: '发生时间',
  place: '地点',
  source: '信息来源',
  peopleInvolved: '涉及人员',
  measures: '已采取措施',
  urgent: '紧急信息',
  phoneFirst: '已先电话报告',
  earlySign: '苗头性信息',
  attachmentIds: '附件',
  items: '要情信息',
  idempotencyKey: '提交编号',
  action: '标记方式',
  mergeIntoId: '合并到',
  unitDeadline: '单位报送截止时间',
  collectionDeadline: '汇总截止时间',
  provinceDeadline: '报省厅截止时间',
  rectificationWorkingDays: '整改期限（工作日）',
  instructionFeedbackTime: '批示反馈截止时间',
  sections: '正文分类',
  heading: '分类标题',
  unitName: '报送单位',
  sentAt: '报送时间',
  leaderName: '批示领导',
  issuedOn: '批示日期',
  text: '批示内容',
  relatedItemId: '关联要情信息',
  relatedIncidentId: '关联突发案事件',
  unitIds: '承办单位',
}, ['/api/daily-reports', '/api/report-items', '/api/report-stats', '/api/bulletins', '/api/instructions']);

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;

export const itemInput = z.object({
  category: z.enum(REPORT_CATEGORIES),
  title: requiredText(100),
  content: requiredText(4000),
  occurredAt: instant.nullish(),
  place: optionalText(200),
  source: optionalText(200),
  peopleInvolved: optionalText(500),
  measures: optionalText(2000),
  urgent: z.boolean().optional(),
  phoneFirst: z.boolean().optional(),
  earlySign: z.boolean().optional(),
  attachmentIds: z.array(z.string().min(1).max(64)).max(10).optional(),
});

export const submissionBody = z.object({
  date: isoDate.optional(),
  kind: z.enum(['items', 'zero']),
  items: z.array(itemInput).max(20).optional(),
  note: optionalText(500),
  idempotencyKey: z.string().regex(IDEMPOTENCY_KEY_PATTERN, { message: '应为8到128位的字母、数字或 _ . : -' }).optional(),
});

const nullableInstant = z.string().nullable();

export const itemView = z.object({
  id: z.string(),
  dailyReportId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  date: z.string(),
  category: z.enum(REPORT_CATEGORIES),
  title: z.string(),
  content: z.string(),
  occurredAt: nullableInstant,
  place: z.string().nullable(),
  source: z.string().nullable(),
  peopleInvolved: z.string().nullable(),
  measures: z.string().nullable(),
  urgent: z.boolean(),
  phoneFirst: z.boolean(),
  earlySign: z.boolean(),
  attachmentIds: z.array(z.string()),
  status: z.enum(REPORT_ITEM_STATUSES),
  reviewReason: z.string().nullable(),
  mergedIntoId: z.string().nullable(),
  markedBy: z.string().nullable(),
  markedAt: nullableInstant,
  reviewedBy: z.string().nullable(),
  reviewedAt: nullableInstant,
  version: z.number(),
  writtenSupplementDueAt: nullableInstant,
  writtenSupplementAt: nullableInstant,
  verificationDueAt: nullableInstant,
  verifiedAt: nullableInstant,
  closedAt: nullableInstant,
  submittedAt: z.string(),
  updatedAt: z.string(),
});

export const itemDetail = itemView.extend({
  versions: z.array(
    z.object({
      version: z.number(),
      createdAt: z.string(),
      createdBy: z.string(),
      content: itemView.pick({
        category: true,
        title: true,
        content: true,
        occurredAt: true,
        place: true,
        source: true,
        peopleInvolved: true,
        measures: true,
        urgent: true,
        phoneFirst: true,
        earlySign: true,
        attachmentIds: true,
      }),
    }),
  ),
  updates: z.array(z.object({ id: z.string(), kind: z.string(), label: z.string(), content: z.string(), submittedAt: z.string(), submittedBy: z.string() })),
});

export const dailyReportView = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  date: z.string(),
  kind: z.enum(['items', 'zero']),
  submittedAt: z.string(),
  submittedBy: z.string(),
  late: z.boolean(),
  note: z.string().nullable(),
  items: z.array(itemView),
});

export const statusResponse = z.object({
  date: z.string(),
  deadline: z.string(),
  collectionDeadline: z.string(),
  provinceDeadline: z.string(),
  overdue: z.boolean(),
  units: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      status: z.enum(['reported', 'zero', 'missing', 'late']),
      submittedAt: z.string().nullable(),
    }),
  ),
  summary: z.object({ total: z.number(), submitted: z.number(), missing: z.number(), late: z.number() }),
  reminders: z.array(z.object({ id: z.string(), date: z.string(), unitIds: z.array(z.string()), remindedAt: z.string(), remindedBy: z.string() })),
});

export const reminderView = z.object({ id: z.string(), date: z.string(), unitIds: z.array(z.string()), remindedAt: z.string(), remindedBy: z.string() });

export const violationView = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  date: z.string(),
  kind: z.enum(['late', 'missing']),
  recordedAt: z.string(),
  rectificationDueAt: z.string(),
  rectifiedAt: z.string().nullable(),
});

export const markBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('adopt') }),
  z.object({ action: z.literal('return'), reason: requiredText(500) }),
  z.object({ action: z.literal('merge'), mergeIntoId: z.string().min(1).max(64) }),
]);

export const updateBody = z.object({
  kind: z.enum(['written_supplement', 'verification', 'follow_up', 'closing']),
  content: requiredText(4000),
});

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '应为“时:分”格式，如 15:00' });

export const settingsView = z.object({
  unitDeadline: z.string(),
  collectionDeadline: z.string(),
  provinceDeadline: z.string(),
  rectificationWorkingDays: z.number(),
  instructionFeedbackTime: z.string(),
});

export const settingsBody = z.object({
  unitDeadline: clock.optional(),
  collectionDeadline: clock.optional(),
  provinceDeadline: clock.optional(),
  rectificationWorkingDays: z.number().int().min(1).max(30).optional(),
  instructionFeedbackTime: clock.optional(),
});

export const statisticsView = z.object({
  month: z.string(),
  units: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      submitted: z.number(),
      adopted: z.number(),
      adoptionRate: z.number(),
      late: z.number(),
      missing: z.number(),
      rank: z.number(),
    }),
  ),
  totals: z.object({ submitted: z.number(), adopted: z.number(), late: z.number(), missing: z.number() }),
});

const bulletinItem = z.object({ itemId: z.string().nullable(), title: requiredText(200), content: requiredText(8000), unitName: requiredText(100) });
export const bulletinSection = z.object({ category: z.enum(REPORT_CATEGORIES), heading: requiredText(50), items: z.array(bulletinItem).max(200) });

export const bulletinView = z.object({
  id: z.string(),
  year: z.number(),
  issueNumber: z.number(),
  issueLabel: z.string(),
  date: z.string(),
  title: z.string(),
  sections: z.array(bulletinSection),
  status: z.enum(BULLETIN_STATUSES),
  statusLabel: z.string(),
  editedBy: z.string(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  signedBy: z.string().nullable(),
  signedAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const instructionBody = z.object({
  leaderName: requiredText(50),
  issuedOn: isoDate,
  text: requiredText(4000),
  relatedItemId: z.string().max(64).nullish(),
  relatedIncidentId: z.string().max(64).nullish(),
  unitIds: z.array(z.string().min(1).max(64)).min(1).max(100),
});

export const instructionView = z.object({
  id: z.string(),
  leaderName: z.string(),
  issuedOn: z.string(),
  text: z.string(),
  relatedItemId: z.string().nullable(),
  relatedIncidentId: z.string().nullable(),
  passedDownAt: z.string(),
  registeredBy: z.string(),
  status: z.enum(['open', 'closed']),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  overdue: z.boolean(),
  units: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      dueDate: z.string().nullable(),
      dueAt: z.string().nullable(),
      overdue: z.boolean(),
      missedDates: z.array(z.string()),
      lastFeedbackAt: z.string().nullable(),
    }),
  ),
  feedback: z.array(
    z.object({ id: z.string(), unitId: z.string(), unitName: z.string(), date: z.string(), content: z.string(), submittedAt: z.string(), submittedBy: z.string() }),
  ),
});
