import type { IncidentGrade } from './deadlines.js';

/**
 * Elements (要素) of an incident report as stored. Text values that are
 * empty or only whitespace count as missing; a unit with nothing to say
 * writes so explicitly (无, 暂无).
 */
export interface IncidentElements {
  grade: IncidentGrade;
  place?: string | null;
  facts?: string | null;
  casualties?: string | null;
  measures?: string | null;
  reporterName?: string | null;
  reporterContact?: string | null;
  onSiteCommanderName?: string | null;
  onSiteCommanderContact?: string | null;
  publicOpinion?: string | null;
  background?: string | null;
  trend?: string | null;
}

/** A required element and the fields that must all be filled for it. */
export interface RequiredElement {
  name: string;
  fields: ReadonlyArray<Exclude<keyof IncidentElements, 'grade'>>;
}

/**
 * Elements every written first report needs, whatever the grade. The rules
 * ask for reports that are true, accurate and complete in their elements;
 * these are the elements the handling flow gathers first.
 */
export const BASIC_ELEMENTS: readonly RequiredElement[] = [
  { name: '地点', fields: ['place'] },
  { name: '基本情况', fields: ['facts'] },
  { name: '伤亡和损失情况', fields: ['casualties'] },
  { name: '已采取的措施', fields: ['measures'] },
  { name: '报告人及联系方式', fields: ['reporterName', 'reporterContact'] },
];

/**
 * Extra elements for major and especially major incidents: the rules ask the
 * unit to send the on-site commander's name and contact, online public
 * opinion and background material for major incidents.
 */
export const MAJOR_INCIDENT_ELEMENTS: readonly RequiredElement[] = [
  { name: '现场指挥员及联系方式', fields: ['onSiteCommanderName', 'onSiteCommanderContact'] },
  { name: '网上舆情', fields: ['publicOpinion'] },
  { name: '背景资料', fields: ['background'] },
];

/** Returns the elements a written first report of this grade must contain. */
export function requiredElements(grade: IncidentGrade): RequiredElement[] {
  const major = grade === 'major' || grade === 'especially_major';
  return major ? [...BASIC_ELEMENTS, ...MAJOR_INCIDENT_ELEMENTS] : [...BASIC_ELEMENTS];
}

/**
 * Lists the Chinese names of required elements still missing, in a fixed
 * order. 发展趋势 (trend) is not required in the first report; it belongs
 * to follow-up reports.
 */
export function missingElements(
  incident: IncidentElements,
  required: readonly RequiredElement[] = requiredElements(incident.grade),
): string[] {
  return required
    .filter((element) => element.fields.some((field) => isBlank(incident[field])))
    .map((element) => element.name);
}

function isBlank(value: string | null | undefined): boolean {
  return value === undefined || value === null || value.trim() === '';
}
