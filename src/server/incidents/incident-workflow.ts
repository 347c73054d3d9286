/**
 * The handling flow of an incident (突发案事件处置工作流程): 接报 → 报告 → 处置 →
 * 跟踪协调 → 总结分析 → 归档. Each step names who may record it and in which
 * states; steps with `to` move the incident to the next state.
 */
import type { Role } from '../../shared/roles.js';
import type { IncidentStatus } from '../db/incidents-tables.js';

export const INCIDENT_STATUSES: readonly IncidentStatus[] = ['received', 'reported', 'handling', 'tracking', 'summarizing', 'archived'];

export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  received: '接报',
  reported: '报告',
  handling: '处置',
  tracking: '跟踪协调',
  summarizing: '总结分析',
  archived: '归档',
};

export const workflowStepKinds = [
  'report',
  'report_bureau_head',
  'start_handling',
  'notify_departments',
  'gather_facts',
  'first_measures',
  'av_link',
  'leader_instruction',
  'start_tracking',
  'summarize',
  'archive',
] as const;

export type WorkflowStepKind = (typeof workflowStepKinds)[number];

export interface WorkflowStep {
  label: string;
  roles: readonly Role[];
  from: readonly IncidentStatus[];
  to?: IncidentStatus;
  /** Reason the note is mandatory: it records what was done (departments notified, measures taken…). */
  noteRequired?: string;
}

const handlers: readonly Role[] = ['duty_officer', 'shift_leader', 'duty_commander'];
const active: readonly IncidentStatus[] = ['reported', 'handling', 'tracking'];

export const WORKFLOW_STEPS: Record<WorkflowStepKind, WorkflowStep> = {
  report: { label: '值班员向值班长、值班指挥长报告', roles: handlers, from: ['received'], to: 'reported' },
  report_bureau_head: { label: '值班指挥长向局主要领导报告', roles: ['duty_commander'], from: active, noteRequired: '请填写报告的局领导及报告内容' },
  start_handling: { label: '值班指挥长组织指挥应急处置', roles: ['duty_commander', 'shift_leader'], from: ['reported'], to: 'handling' },
  notify_departments: { label: '通知相关部门人员到场', roles: handlers, from: ['reported', 'handling'], noteRequired: '请填写通知的部门和人员' },
  gather_facts: { label: '了解掌握基本情况', roles: handlers, from: ['reported', 'handling', 'tracking'], noteRequired: '请填写掌握的基本情况' },
  first_measures: { label: '值班长采取先期处置措施', roles: ['shift_leader', 'duty_commander'], from: ['reported', 'handling'], noteRequired: '请填写采取的先期处置措施' },
  av_link: { label: '音视频联通确认', roles: handlers, from: active },
  leader_instruction: { label: '领导指示批示', roles: [...handlers, 'bureau_leader'], from: [...active, 'summarizing'], noteRequired: '请填写领导指示批示的内容' },
  start_tracking: { label: '转入跟踪协调', roles: handlers, from: ['handling'], to: 'tracking' },
  summarize: { label: '总结分析', roles: handlers, from: ['tracking'], to: 'summarizing' },
  archive: { label: '归档', roles: ['shift_leader', 'duty_commander'], from: ['summarizing'], to: 'archived' },
};

/** Labels of timeline entries that are not workflow steps. */
export const OTHER_TIMELINE_LABELS: Record<string, string> = {
  received: '接报登记',
  elements_updated: '补充要素',
  report_written: '书面报告',
  report_follow_up: '续报',
  report_verification: '核报',
  report_final: '终报',
  order_issued: '下达指令',
  order_done: '指令落实完毕',
  seats_activated: '启动联合坐席',
};

export function timelineLabel(kind: string): string {
  return (WORKFLOW_STEPS as Record<string, WorkflowStep | undefined>)[kind]?.label ?? OTHER_TIMELINE_LABELS[kind] ?? kind;
}

/** A step the user may record now, for the step buttons of the detail page. */
export interface AvailableStep {
  step: WorkflowStepKind;
  label: string;
  noteRequired: string | null;
}

/** Lists the steps these roles may record in this state. */
export function availableSteps(roles: readonly Role[], status: IncidentStatus): AvailableStep[] {
  return workflowStepKinds
    .filter((kind) => WORKFLOW_STEPS[kind].from.includes(status) && roles.some((role) => WORKFLOW_STEPS[kind].roles.includes(role)))
    .map((kind) => ({ step: kind, label: WORKFLOW_STEPS[kind].label, noteRequired: WORKFLOW_STEPS[kind].noteRequired ?? null }));
}
