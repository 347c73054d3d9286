import { describe, expect, it } from 'vitest';
import { composeDutyLog, composeDutyReport, type DutyLogEntry, type DutyReportInput } from '../../src/domain/duty-report/index.js';
import { dutyDayBounds } from '../../src/domain/time.js';

const TZ = 'Asia/Shanghai';
const bounds = dutyDayBounds('2026-03-10', TZ, '08:30');

describe('composeDutyLog', () => {
  const entries: DutyLogEntry[] = [
    { at: '2026-03-10T16:05:00+08:00', source: 'bulletins', who: '黄志强', what: '签发《司法要情》第3期', link: '/bulletins/b1' },
    { at: '2026-03-10T08:29:59+08:00', source: 'reports', who: '李娜', what: '龙华区司法局报送零报告', link: '/reports' },
    { at: '2026-03-11T01:10:00+08:00', source: 'night_checks', who: '王晓明', what: '夜查美兰区司法局：值班员不在岗', link: '/night-checks', problem: true },
    { at: '2026-03-10T09:00:00+08:00', source: 'reports', who: '李娜', what: '秀英区司法局报送零报告', link: '/reports' },
    { at: '2026-03-10T09:00:00+08:00', source: 'reports', who: '李娜', what: '秀英区司法局报送零报告', link: '/reports' },
    { at: '2026-03-11T08:30:00+08:00', source: 'free', who: '王晓明', what: '次日交接班', link: null },
    { at: '2026-03-10T09:00:00+08:00', source: 'documents', who: '王晓明', what: '登记收文', link: '/documents/d1' },
  ];

  it('keeps the duty day, merges and sorts', () => {
    const log = composeDutyLog(entries, bounds);
    expect(log.entries.map((entry) => entry.what)).toEqual([
      '秀英区司法局报送零报告',
      '登记收文',
      '签发《司法要情》第3期',
      '夜查美兰区司法局：值班员不在岗',
    ]);
  });

  it('counts entries and problems per source', () => {
    const log = composeDutyLog(entries, bounds);
    expect(log.groups).toContainEqual({ source: 'night_checks', label: '夜查', count: 1, problems: 1 });
    expect(log.groups).toContainEqual({ source: 'reports', label: '要情报送', count: 1, problems: 0 });
  });

  it('filters by source and text', () => {
    expect(composeDutyLog(entries, bounds, { sources: ['documents'] }).entries).toHaveLength(1);
    expect(composeDutyLog(entries, bounds, { text: '美兰' }).entries.map((entry) => entry.source)).toEqual(['night_checks']);
    expect(composeDutyLog(entries, bounds, { text: '黄志强' }).entries.map((entry) => entry.source)).toEqual(['bulletins']);
  });
});

function input(overrides: Partial<DutyReportInput> = {}): DutyReportInput {
  return {
    date: '2026-03-10',
    timeZone: TZ,
    dayTypeLabel: '工作日',
    dutyLevelLabel: '在岗值班',
    dayName: null,
    staff: { commander: '陈建国', shiftLeader: '黄志强', officers: ['邓伟'] },
    unitReports: { total: 12, submitted: 10, late: ['秀英区司法局'], missing: ['美兰区司法局', '龙华区司法局'] },
    keyItems: [{ unitName: '琼山区司法局', title: '社区矫正对象脱管', at: '2026-03-10T10:20:00+08:00', urgent: true }],
    incidents: [{
      serialNumber: '2026-001',
      title: '戒毒人员突发疾病',
      unitName: '戒毒所',
      gradeLabel: '较大',
      statusLabel: '处置中',
      receivedAt: '2026-03-10T14:00:00+08:00',
      followUps: 2,
      deadlines: [
        { label: '首报', due: '2026-03-10T14:30:00+08:00', doneAt: '2026-03-10T14:20:00+08:00' },
        { label: '书面报告', due: '2026-03-10T15:00:00+08:00', doneAt: '2026-03-10T15:10:00+08:00' },
        { label: '核实', due: '2026-03-10T18:00:00+08:00', doneAt: null },
      ],
    }],
    documents: [
      { serial: '收文〔2026〕5号', title: '关于做好清明节值班的通知', senderUnit: '省司法厅', receivedAt: '2026-03-10T09:15:00+08:00', statusLabel: '已转办', transferredTo: ['龙华区司法局'] },
      { serial: '收文〔2026〕6号', title: '会议通知', senderUnit: '市委政法委', receivedAt: '2026-03-10T11:00:00+08:00', statusLabel: '已登记', transferredTo: [] },
    ],
    phoneCalls: [],
    patrols: [],
    nightChecks: { planned: 4, done: 3, reached: 3, problems: [{ at: '2026-03-11T01:10:00+08:00', siteName: '美兰区司法局值班室', findings: '值班员不在岗' }] },
    rollCalls: [{ at: '2026-03-10T10:00:00+08:00', caller: '省司法厅', answeredBy: '邓伟' }],
    platformChecks: [],
    instructions: [],
    shortfalls: [],
    handoverMatters: ['督促美兰区司法局整改夜查问题'],
    now: '2026-03-10T20:00:00+08:00',
    ...overrides,
  };
}

describe('composeDutyReport', () => {
  const report = composeDutyReport(input());
  const section = (key: string) => report.sections.find((item) => item.key === key)!.text;

  it('names the staff in the table', () => {
    expect(report.title).toBe('值班报告');
    expect(report.staffRows).toEqual([['值班指挥长', '陈建国'], ['值班长', '黄志强'], ['值班员', '邓伟']]);
    expect(section('staff')).toContain('执行在岗值班');
    expect(section('staff')).toContain('值班人员在岗时长符合要求');
    expect(composeDutyReport(input({ shortfalls: null })).sections[0]!.text).toContain('在岗时长待值班日结束后核对');
  });

  it('counts units and names the missing', () => {
    expect(section('unitReports')).toContain('应报送12个单位，已报送10个单位');
    expect(section('unitReports')).toContain('未报送单位：美兰区司法局、龙华区司法局');
    expect(section('unitReports')).toContain('迟报单位：秀英区司法局');
  });

  it('marks deadlines met, missed and open', () => {
    const text = section('incidents');
    expect(text).toContain('3月10日14:00接报，当前状态：处置中，续报2次');
    expect(text).toContain('首报按时完成');
    expect(text).toContain('书面报告超时完成');
    expect(text).toContain('核实已超时未完成');
  });

  it('lists documents with times', () => {
    expect(section('documents')).toContain('共收文电2件');
    expect(section('documents')).toContain('3月10日09:15收省司法厅《关于做好清明节值班的通知》');
    expect(section('documents')).toContain('已转龙华区司法局');
  });

  it('reports night-check coverage and problems', () => {
    expect(section('patrols')).toContain('夜查应查4个点位，已查3个');
    expect(section('patrols')).toContain('夜查问题：01:10 美兰区司法局值班室，值班员不在岗');
  });

  it('lists roll calls and handover matters', () => {
    expect(section('rollCalls')).toBe('1. 10:00 省司法厅视频点名，邓伟应答。');
    expect(section('handover')).toBe('督促美兰区司法局整改夜查问题');
  });

  it('words empty days and shortfalls', () => {
    const empty = composeDutyReport(input({ incidents: [], rollCalls: [], handoverMatters: [], shortfalls: ['值班长黄志强在岗6小时，应在岗8小时'], staff: { commander: null, shiftLeader: null, officers: [] } }));
    const text = (key: string) => empty.sections.find((item) => item.key === key)!.text;
    expect(text('incidents')).toBe('本日无突发案事件。');
    expect(text('rollCalls')).toBe('本日无视频点名。');
    expect(text('handover')).toBe('无需移交事项。');
    expect(text('staff')).toContain('在岗时长不足：值班长黄志强在岗6小时，应在岗8小时');
    expect(empty.staffRows[0]).toEqual(['值班指挥长', '未排班']);
  });
});
