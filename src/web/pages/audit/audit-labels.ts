/**
 * Chinese names of audit actions and entity types. Modules add their own
 * entries; an unlisted code is shown as it is.
 */
export const auditActionLabels: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.locked': '账号被锁定',
  'auth.logout': '退出登录',
  'auth.change_password': '修改密码',
  'confidential.read': '查看敏感信息',
  'demo.seed': '载入演示数据',
  'unit.seed': '载入默认单位',
  'unit.create': '新增单位',
  'unit.update': '修改单位',
  'person.create': '新增人员',
  'person.update': '修改人员',
  'person.deactivate': '停用人员',
  'person.reactivate': '恢复人员',
  'person.import': '导入人员',
  'user.create': '新增账号',
  'user.update': '修改账号',
  'user.reset_password': '重置密码',
  'user.unlock': '解锁账号',
  'security.password_policy': '修改密码策略',
};

export const auditEntityLabels: Record<string, string> = {
  user: '账号',
  unit: '单位',
  unit_phone: '单位值班室电话',
  person: '人员',
  person_phone: '人员电话',
  setting: '系统设置',
  system: '系统',
};
