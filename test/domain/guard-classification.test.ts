import { describe, expect, it } from 'vitest';

import {
  CLASSIFIED_CONTENT_MESSAGE,
  checkConfidential,
  findClassificationMarks,
  formatClassifiedContentMessage,
} from '../../src/domain/guard/index.js';

// Each row: the text and the first mark the guard must report.
const MARKED: Array<[string, string]> = [
  ['绝密★', '绝密★'],
  ['机密★3年', '机密★3年'],
  ['秘密★1年', '秘密★1年'],
  ['秘密★一年', '秘密★一年'],
  ['绝密★长期', '绝密★长期'],
  ['机密★２０年 关于某事项的通知', '机密★20年'],
  ['★10年', '★10年'],
  ['★一年', '★一年'],
  ['★长期', '★长期'],
  ['秘密★2030年12月31日', '秘密★2030年12月31日'],
  ['文件标注秘密 ★ 5年', '秘密★5年'],
  ['【机密】关于值班安排的说明', '机密'],
  ['[秘密]', '秘密'],
  ['(绝密)', '绝密'],
  ['（机密）', '机密'],
  ['〔秘密★1年〕', '秘密★1年'],
  ['【 秘 密 】', '秘密'],
  ['（机密级）文件摘要', '机密级'],
  ['密级：秘密', '秘密'],
  ['密级:机密', '机密'],
  ['密级 绝密', '绝密'],
  ['密级为机密', '机密'],
  ['涉密（机密）', '机密'],
  ['该事项定为绝密', '绝密'],
  ['标密：秘密', '秘密'],
  ['机密\n关于某戒毒人员的情况', '机密'],
  ['机密：关于某案件的报告', '机密'],
  ['秘密级', '秘密级'],
  ['绝 密', '绝密'],
  ['秘\u3000密', '秘密'],
  ['机\n密', '机密'],
  ['机\u200b密', '机密'],
  ['绝\u200d\u200b密★', '绝密★'],
  ['秘·密★1年', '秘密★1年'],
  ['机-密', '机密'],
  ['份号 000123  机密  特急', '机密'],
  ['第一行正常\n  秘密  \n第三行', '秘密'],
  ['機密★10年', '机密★10年'],
  ['絕密', '绝密'],
  ['机密 10年', '机密10年'],
  ['密 级：机 密', '机密'],
  ['机密。', '机密'],
  ['机密\n级别说明', '机密'],
  ['秘密\u200b级', '秘密级'],
  ['标题\r\n机密\r\n正文', '机密'],
  ['国家秘密★', '秘密★'],
];

// Ordinary text about confidentiality work and words that contain the characters.
const ORDINARY: string[] = [
  '召开保密工作会议',
  '组织涉密载体管理培训',
  '开展保密检查',
  '排查泄密风险',
  '秘书处通知',
  '秘书长出席会议',
  '保障数据机密性',
  '机密性、完整性和可用性',
  '机密性要求较高的系统',
  '不和无关人员谈论国家秘密',
  '侵犯商业秘密案件',
  '严守工作秘密',
  '保守秘密，遵章守制',
  '召开秘密会议的传闻不实',
  '秘密会议制度已经废止',
  '国家秘密分为绝密、机密、秘密三级',
  '绝密、机密、秘密三个密级的保密期限不同',
  '国家秘密的密级分为“绝密”“机密”“秘密”三级',
  '观看电影《秘密》',
  '（绝密、机密、秘密）三级划分的依据',
  '涉密文件按规定登记、传阅、销毁',
  '密级：无',
  '本文件不涉密',
  '密码机和对讲机、密码本的管理',
  '发动机\n密切关注运行情况',
  '★一年来工作回顾',
  '★长期坚持夜查制度',
  '★10年内完成改造',
  '绝密行动观后感',
  '机密文件管理办法学习体会',
  '个人隐私和秘密保护',
  '绝密级、机密级、秘密级国家秘密的保密期限',
  '该系统被定为机密性要求高的系统',
  '秘密，请勿外传的说法不妥',
  '一、绝密级事项的范围',
  '戒毒所安防监控平台运行正常',
  '值班员 24 小时在岗值班',
  '',
  '   ',
];

describe('findClassificationMarks', () => {
  it.each(MARKED)('finds the mark in %j', (text, mark) => {
    const marks = findClassificationMarks(text);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks[0]?.mark).toBe(mark);
  });

  it.each(ORDINARY)('accepts ordinary text %j', (text) => {
    expect(findClassificationMarks(text)).toEqual([]);
  });

  it('reports the index of each mark', () => {
    const marks = findClassificationMarks('正文\n【机密】附件 秘密★1年');
    expect(marks).toEqual([
      { mark: '机密', index: 4 },
      { mark: '秘密★1年', index: 10 },
    ]);
  });

  it('reports a star mark once', () => {
    expect(findClassificationMarks('机密★3年')).toHaveLength(1);
  });
});

describe('checkConfidential', () => {
  it('lists each field and mark', () => {
    const violations = checkConfidential({
      title: '【机密】关于某事的报告',
      facts: '正常内容',
      measures: null,
      background: undefined,
      remarks: '密级：秘密\n另见秘密★1年，再见秘密★1年',
    });
    expect(violations).toEqual([
      { field: 'title', mark: '机密', index: 1 },
      { field: 'remarks', mark: '秘密', index: 3 },
      { field: 'remarks', mark: '秘密★1年', index: 8 },
    ]);
  });

  it('passes ordinary fields', () => {
    expect(checkConfidential({ title: '保密工作会议', facts: '秘书处通知' })).toEqual([]);
  });
});

describe('formatClassifiedContentMessage', () => {
  it('fills the field label and mark', () => {
    expect(formatClassifiedContentMessage('基本情况', '机密★3年')).toBe(
      '「基本情况」含有密级标识“机密★3年”。本系统为非涉密系统，不得录入涉密内容，请通过涉密渠道（机要通道）报送。',
    );
    expect(CLASSIFIED_CONTENT_MESSAGE).toContain('{字段}');
  });
});
