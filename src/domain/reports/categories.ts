/**
 * The twelve categories of key information (要情信息) in the information work
 * rules, in the order the bulletin lists them.
 */
export const REPORT_CATEGORIES = [
  'rule_of_law',
  'legislation',
  'law_enforcement',
  'penalty_execution',
  'rehabilitation',
  'legal_services',
  'foreign_cooperation',
  'staff',
  'incidents',
  'reform',
  'leader_travel',
  'other',
] as const;

export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

export const REPORT_CATEGORY_LABELS: Record<ReportCategory, string> = {
  rule_of_law: '法治建设',
  legislation: '行政立法',
  law_enforcement: '行政执法',
  penalty_execution: '刑事执行',
  rehabilitation: '强戒帮教',
  legal_services: '公共法律服务',
  foreign_cooperation: '对外法治合作交流',
  staff: '司法行政队伍',
  incidents: '案事件',
  reform: '改革创新',
  leader_travel: '领导出差休假',
  other: '其他',
};

/** Review state of an item (要情信息): submitted, adopted (采用), returned for correction (退回修改) or merged (合并). */
export const REPORT_ITEM_STATUSES = ['submitted', 'adopted', 'returned', 'merged'] as const;
export type ReportItemStatus = (typeof REPORT_ITEM_STATUSES)[number];

export const REPORT_ITEM_STATUS_LABELS: Record<ReportItemStatus, string> = {
  submitted: '待审核',
  adopted: '已采用',
  returned: '已退回',
  merged: '已合并',
};

/** Stages of the bulletin 《司法要情》: draft (编辑), reviewed (值班长审核), signed (签发), sent (已报省厅). */
export const BULLETIN_STATUSES = ['draft', 'reviewed', 'signed', 'sent'] as const;
export type BulletinStatus = (typeof BULLETIN_STATUSES)[number];

export const BULLETIN_STATUS_LABELS: Record<BulletinStatus, string> = {
  draft: '编辑中',
  reviewed: '已审核',
  signed: '已签发',
  sent: '已报省厅',
};
