/**
 * Chinese names of request fields, so validation messages can name the field
 * the user sees ("「标题」不能为空"). Modules register their own labels.
 */
const labels = new Map<string, string>(
  Object.entries({
    username: '用户名',
    password: '密码',
    currentPassword: '当前密码',
    newPassword: '新密码',
    name: '名称',
    title: '标题',
    content: '内容',
    unitId: '单位',
    kind: '类型',
    position: '职务',
    isPolice: '是否警察',
    mobilePhone: '手机号码',
    officePhone: '办公电话',
    dutyRoles: '可担任的值班角色',
    roles: '角色',
    personId: '人员',
    date: '日期',
    from: '开始日期',
    to: '结束日期',
    month: '月份',
    page: '页码',
    pageSize: '每页条数',
    q: '搜索关键字',
    dutyRoomName: '值班室名称',
    dutyRoomPhone: '值班室电话',
    liaisonPersonId: '信息员',
    shortName: '简称',
    sortOrder: '排序号',
    active: '启用状态',
    minLength: '最短长度',
    minClasses: '字符类别数',
    maxAgeDays: '密码有效期',
    reason: '原因',
    note: '备注',
    remark: '备注',
    description: '描述',
    status: '状态',
    notes: '备注',
    type: '类型',
    grade: '等级',
    id: '编号',
    at: '时间',
    time: '时间',
    items: '条目',
    answers: '回答',
    report: '报告',
    attachmentIds: '附件',
    incidentId: '关联突发案事件',
    siteId: '巡查点位',
    siteIds: '巡查点位',
    text: '文字内容',
    summary: '摘要',
    confirm: '确认',
    dutyDate: '值班日期',
    startTime: '开始时间',
    endTime: '结束时间',
    year: '年份',
    withPhones: '是否显示电话',
  }),
);

/** Labels that apply only under some URL prefixes, because the same field name means different things in different modules. */
const scopedLabels: { prefixes: string[]; labels: Map<string, string> }[] = [];

/**
 * Registers Chinese labels for request fields. With `routePrefixes`, the
 * labels apply only to routes under those prefixes (e.g. `/api/documents`),
 * and they win over the global ones there.
 */
export function registerFieldLabels(entries: Record<string, string>, routePrefixes?: string[]): void {
  if (routePrefixes && routePrefixes.length > 0) {
    scopedLabels.push({ prefixes: routePrefixes, labels: new Map(Object.entries(entries)) });
    return;
  }
  for (const [key, label] of Object.entries(entries)) labels.set(key, label);
}

function lookupLabel(key: string, url: string | undefined): string | undefined {
  if (url) {
    let best: { length: number; label: string } | null = null;
    for (const scope of scopedLabels) {
      const label = scope.labels.get(key);
      if (!label) continue;
      for (const prefix of scope.prefixes) {
        if (url.startsWith(prefix) && (!best || prefix.length > best.length)) best = { length: prefix.length, label };
      }
    }
    if (best) return best.label;
  }
  return labels.get(key);
}

/** Turns a JSON path like `/items/0/title` into "标题（第1项）", using the labels of the route's URL when given. */
export function labelForPath(path: string, url?: string): string {
  const parts = path.split('/').filter((part) => part !== '');
  if (parts.length === 0) return '请求内容';
  const last = [...parts].reverse().find((part) => !/^\d+$/.test(part)) ?? parts[parts.length - 1]!;
  const label = lookupLabel(last, url) ?? last;
  const index = parts.find((part) => /^\d+$/.test(part));
  return index === undefined ? label : `${label}（第${Number(index) + 1}项）`;
}
