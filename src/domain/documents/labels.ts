/**
 * Kinds, urgencies and statuses of the documents register (收文登记), shared
 * by the server and the web app so a badge and a check never disagree.
 */

/** 文电类型: 电子公文, 明传 (plain fax), 密传 (classified fax), 电话记录. */
export const documentKinds = ['electronic', 'plain_fax', 'classified_fax', 'phone_record'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  electronic: '电子公文',
  plain_fax: '明传',
  classified_fax: '密传',
  phone_record: '电话记录',
};

/** 紧急程度: 特急, 加急, 平急. */
export const urgencies = ['extra_urgent', 'urgent', 'normal'] as const;
export type Urgency = (typeof urgencies)[number];

export const URGENCY_LABELS: Record<Urgency, string> = {
  extra_urgent: '特急',
  urgent: '加急',
  normal: '平急',
};

/**
 * 办理状态 of a registered document: 已登记 → 已报告值班长 → 转办待签收 →
 * 已签收, ending 已归档 or 已销毁.
 */
export const documentStatuses = ['registered', 'reported', 'awaiting_signature', 'signed', 'archived', 'destroyed'] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  registered: '已登记',
  reported: '已报告值班长',
  awaiting_signature: '转办待签收',
  signed: '已签收',
  archived: '已归档',
  destroyed: '已销毁',
};

/** 办理意见 kinds: the shift leader's 拟办 or a bureau leader's 批示. */
export const opinionKinds = ['proposal', 'instruction'] as const;
export type OpinionKind = (typeof opinionKinds)[number];

export const OPINION_KIND_LABELS: Record<OpinionKind, string> = {
  proposal: '拟办意见',
  instruction: '领导批示',
};

/** Entries of a document's timeline (办理过程). */
export const documentEventKinds = [
  'registered',
  'reported',
  'opinion',
  'transferred',
  'signed',
  'reminded',
  'archived',
  'destroyed',
  'phone_handled',
  'incident_created',
] as const;
export type DocumentEventKind = (typeof documentEventKinds)[number];

export const DOCUMENT_EVENT_LABELS: Record<DocumentEventKind, string> = {
  registered: '登记',
  reported: '报告值班长',
  opinion: '办理意见',
  transferred: '转办',
  signed: '签收',
  reminded: '催办',
  archived: '归档',
  destroyed: '销毁',
  phone_handled: '电话记录办理',
  incident_created: '转为突发案事件',
};

/** Methods of verifying a caller who asked for a phone number (核实身份方式). */
export const verificationMethods = ['callback', 'work_id', 'acquaintance', 'other'] as const;
export type VerificationMethod = (typeof verificationMethods)[number];

export const VERIFICATION_METHOD_LABELS: Record<VerificationMethod, string> = {
  callback: '回拨核实',
  work_id: '工作证',
  acquaintance: '熟人确认',
  other: '其他',
};

/** The rule shown whenever a classified fax (密传) is registered. */
export const CLASSIFIED_FAX_RULE =
  '密传文件只登记元数据（收文编号、收文时间、来文单位、文号、紧急程度、标题、份数），不得录入正文或上传附件；文件原件按保密规定通过涉密渠道传阅、归档或销毁。';
