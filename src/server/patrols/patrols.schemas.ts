/** Zod schemas of the patrol, problem and analysis routes, shared with the route tests' expectations. */
import { z } from 'zod';
import { checkMethods, patrollerRoles, problemKinds, problemSources, problemStatuses, siteKinds } from '../../domain/patrols/index.js';
import { registerFieldLabels } from '../http/field-labels.js';

registerFieldLabels({
  checkMethod: '检查方式',
  siteId: '巡查点位',
  patrolledAt: '巡查时间',
  patrollerRole: '巡查人员身份',
  patrollerName: '巡查人员',
  method: '巡查方式',
  summary: '巡查情况',
  items: '巡查点位',
  observation: '巡查所见',
  attachmentIds: '截图或录像',
  problem: '发现的问题',
  evidenceIds: '证据材料',
  foundAt: '发现时间',
  foundByName: '发现人',
  reportText: '整改情况',
  reportAttachmentIds: '整改报告扫描件',
  headName: '单位主要负责同志',
  headConfirmed: '负责同志确认',
  rectificationDays: '整改期限（天）',
  status: '状态',
  overdueOnly: '只看逾期',
}, ['/api/patrols', '/api/patrol-problems', '/api/patrol-sites']);

export const siteSchema = z.object({
  id: z.string(),
  name: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  kind: z.enum(siteKinds),
  checkMethod: z.enum(checkMethods),
  active: z.boolean(),
  sortOrder: z.number(),
  note: z.string().nullable(),
});

export const problemSchema = z.object({
  id: z.string(),
  siteId: z.string().nullable(),
  siteName: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  kind: z.enum(problemKinds),
  description: z.string(),
  evidenceIds: z.array(z.string()),
  source: z.enum(problemSources),
  sourceId: z.string().nullable(),
  foundByName: z.string(),
  foundAt: z.string(),
  deadline: z.string(),
  status: z.enum(problemStatuses),
  overdue: z.boolean(),
  report: z
    .object({
      text: z.string().nullable(),
      attachmentIds: z.array(z.string()),
      headName: z.string().nullable(),
      headConfirmed: z.boolean(),
      submittedAt: z.string().nullable(),
    })
    .nullable(),
  verifiedByName: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  verifyNote: z.string().nullable(),
  returnedCount: z.number(),
});

export const patrolSchema = z.object({
  id: z.string(),
  patrolledAt: z.string(),
  dutyDate: z.string(),
  patrollerRole: z.enum(patrollerRoles),
  patrollerName: z.string(),
  method: z.enum(checkMethods),
  summary: z.string().nullable(),
  items: z.array(
    z.object({
      siteId: z.string(),
      siteName: z.string(),
      unitName: z.string(),
      position: z.number(),
      observation: z.string(),
      hasProblem: z.boolean(),
      attachmentIds: z.array(z.string()),
    }),
  ),
  problemIds: z.array(z.string()),
});

export const problemFinding = z.object({
  kind: z.enum(problemKinds),
  description: z.string().trim().min(1).max(1000),
});

export const attachmentIdList = z.array(z.string().min(1).max(64)).max(20);

const countRow = z.object({ key: z.string(), label: z.string(), count: z.number() });

export const analysisSchema = z.object({
  month: z.string(),
  patrols: z.number(),
  problems: z.number(),
  closed: z.number(),
  open: z.number(),
  overdue: z.number(),
  byUnit: z.array(countRow),
  bySite: z.array(countRow),
  byKind: z.array(countRow),
  byWeek: z.array(countRow),
  repeats: z.array(z.object({ unitName: z.string(), siteName: z.string().nullable(), kind: z.enum(problemKinds), kindLabel: z.string(), count: z.number() })),
  rectification: z.object({
    reported: z.number(),
    onTime: z.number(),
    meanHoursToReport: z.number().nullable(),
    meanHoursToClose: z.number().nullable(),
  }),
  nightChecks: z.object({
    nights: z.number(),
    nightsMeetingRule: z.number(),
    requiredChecks: z.number(),
    checkedSites: z.number(),
    rows: z.array(
      z.object({
        date: z.string(),
        sampleRatio: z.number(),
        activeSites: z.number(),
        requiredCount: z.number(),
        planned: z.number(),
        checkedSites: z.number(),
        plannedChecked: z.number(),
        meetsRule: z.boolean(),
      }),
    ),
  }),
});
