/**
 * Monthly analysis of patrol and night-check problems (每月综合分析): counts by
 * unit, site, kind and week, repeat problems, time to rectify and night-check
 * coverage, and its Word report to the bureau leaders.
 */
import { PROBLEM_KIND_LABELS, PROBLEM_STATUS_LABELS, problemKinds, type ProblemKind } from '../../domain/patrols/index.js';
import { addDays, monthBounds, zonedInstant, zonedParts } from '../../domain/time.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import { buildOfficialDocument, type OfficialDocumentBlock } from '../exports/official-document.js';
import { coverageBetween, type NightCoverageRow } from '../night-checks/night-checks.service.js';
import { listProblems, type PatrolProblem } from './problems.service.js';

export interface CountRow {
  key: string;
  label: string;
  count: number;
}

export interface MonthlyAnalysis {
  month: string;
  patrols: number;
  problems: number;
  closed: number;
  open: number;
  overdue: number;
  byUnit: CountRow[];
  bySite: CountRow[];
  byKind: CountRow[];
  /** Week of the month: 1 for days 1-7, 2 for days 8-14, and so on. */
  byWeek: CountRow[];
  /** Sites or units with the same kind of problem found more than once in the month. */
  repeats: { unitName: string; siteName: string | null; kind: ProblemKind; kindLabel: string; count: number }[];
  rectification: {
    /** Reports received, and how many arrived by their deadline. */
    reported: number;
    onTime: number;
    /** Mean hours from discovery to the unit's report; null without reports. */
    meanHoursToReport: number | null;
    /** Mean hours from discovery to closing; null without closed problems. */
    meanHoursToClose: number | null;
  };
  nightChecks: {
    nights: number;
    nightsMeetingRule: number;
    requiredChecks: number;
    checkedSites: number;
    rows: NightCoverageRow[];
  };
}

function countBy(problems: PatrolProblem[], keyOf: (problem: PatrolProblem) => [string, string] | null): CountRow[] {
  const counts = new Map<string, CountRow>();
  for (const problem of problems) {
    const entry = keyOf(problem);
    if (!entry) continue;
    const [key, label] = entry;
    const row = counts.get(key) ?? { key, label, count: 0 };
    row.count += 1;
    counts.set(key, row);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'zh-CN'));
}

function hoursBetween(from: string, to: string): number {
  return (new Date(to).getTime() - new Date(from).getTime()) / 3_600_000;
}

function mean(values: number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10;
}

export async function monthlyAnalysis(ctx: AppContext, db: Executor, month: string): Promise<MonthlyAnalysis> {
  const { first, last } = monthBounds(month);
  const tz = ctx.config.timeZone;
  const from = zonedInstant(first, '00:00', tz);
  const to = zonedInstant(addDays(last, 1), '00:00', tz);
  const problems = await listProblems(ctx, db, { from, to });
  const patrolCount = await db
    .selectFrom('patrol_records')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('duty_date', '>=', first)
    .where('duty_date', '<=', last)
    .executeTakeFirstOrThrow();

  const weeks = Math.ceil(Number(last.slice(8)) / 7);
  const byWeek = Array.from({ length: weeks }, (_, index) => ({ key: String(index + 1), label: `第${index + 1}周`, count: 0 }));
  for (const problem of problems) {
    const day = Number(zonedParts(new Date(problem.foundAt), tz).date.slice(8));
    byWeek[Math.floor((day - 1) / 7)]!.count += 1;
  }

  const repeatCounts = new Map<string, MonthlyAnalysis['repeats'][number]>();
  for (const problem of problems) {
    const key = `${problem.unitId}|${problem.siteId ?? ''}|${problem.kind}`;
    const row = repeatCounts.get(key) ?? { unitName: problem.unitName, siteName: problem.siteName, kind: problem.kind, kindLabel: PROBLEM_KIND_LABELS[problem.kind], count: 0 };
    row.count += 1;
    repeatCounts.set(key, row);
  }

  const reported = problems.filter((problem) => problem.report?.submittedAt);
  const closed = problems.filter((problem) => problem.status === 'closed');
  const coverage = await coverageBetween(ctx, db, first, last);

  return {
    month,
    patrols: Number(patrolCount.count),
    problems: problems.length,
    closed: closed.length,
    open: problems.length - closed.length,
    overdue: problems.filter((problem) => problem.overdue).length,
    byUnit: countBy(problems, (problem) => [problem.unitId, problem.unitName]),
    bySite: countBy(problems, (problem) => (problem.siteId ? [problem.siteId, problem.siteName ?? ''] : null)),
    byKind: problemKinds.map((kind) => ({ key: kind, label: PROBLEM_KIND_LABELS[kind], count: problems.filter((problem) => problem.kind === kind).length })),
    byWeek,
    repeats: [...repeatCounts.values()].filter((row) => row.count > 1).sort((a, b) => b.count - a.count),
    rectification: {
      reported: reported.length,
      onTime: reported.filter((problem) => new Date(problem.report!.submittedAt!).getTime() <= new Date(problem.deadline).getTime()).length,
      meanHoursToReport: mean(reported.map((problem) => hoursBetween(problem.foundAt, problem.report!.submittedAt!))),
      meanHoursToClose: mean(closed.filter((problem) => problem.verifiedAt).map((problem) => hoursBetween(problem.foundAt, problem.verifiedAt!))),
    },
    nightChecks: {
      nights: coverage.length,
      nightsMeetingRule: coverage.filter((row) => row.meetsRule).length,
      requiredChecks: coverage.reduce((sum, row) => sum + row.requiredCount, 0),
      checkedSites: coverage.reduce((sum, row) => sum + row.checkedSites, 0),
      rows: coverage,
    },
  };
}

function monthLabel(month: string): string {
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`;
}

/** Builds the monthly report to the bureau leaders as a GB/T 9704 Word document. */
export async function monthlyAnalysisDocument(ctx: AppContext, db: Executor, month: string): Promise<{ fileName: string; content: Buffer }> {
  const analysis = await monthlyAnalysis(ctx, db, month);
  const center = await db.selectFrom('units').select('name').where('kind', '=', 'command_center').executeTakeFirst();
  const organ = center?.name ?? '指挥中心';
  const today = zonedParts(ctx.clock.now(), ctx.config.timeZone).date;
  const label = monthLabel(month);
  const { rectification, nightChecks } = analysis;

  const blocks: OfficialDocumentBlock[] = [
    { kind: 'heading1', text: '总体情况' },
    {
      kind: 'paragraph',
      text: `${label}，${organ}开展视频巡查${analysis.patrols}次，组织夜查${nightChecks.nights}夜，共发现问题${analysis.problems}个，已整改销号${analysis.closed}个，尚在整改${analysis.open}个（其中逾期${analysis.overdue}个）。`,
    },
    { kind: 'heading1', text: '问题分类统计' },
    {
      kind: 'table',
      columns: ['问题类型', '数量'],
      rows: analysis.byKind.map((row) => [row.label, String(row.count)]),
    },
    { kind: 'heading2', text: '按单位统计' },
    analysis.byUnit.length > 0
      ? { kind: 'table', columns: ['单位', '问题数'], rows: analysis.byUnit.map((row) => [row.label, String(row.count)]) }
      : { kind: 'paragraph', text: '本月未发现问题。' },
    { kind: 'heading2', text: '按周统计' },
    { kind: 'table', columns: ['周次', '问题数'], rows: analysis.byWeek.map((row) => [row.label, String(row.count)]) },
    { kind: 'heading1', text: '重复发生的问题' },
    analysis.repeats.length > 0
      ? {
          kind: 'table',
          columns: ['单位', '点位', '问题类型', '次数'],
          rows: analysis.repeats.map((row) => [row.unitName, row.siteName ?? '—', row.kindLabel, String(row.count)]),
        }
      : { kind: 'paragraph', text: '本月未发现同一点位重复发生的同类问题。' },
    { kind: 'heading1', text: '整改落实情况' },
    {
      kind: 'paragraph',
      text: `各单位报送经主要负责同志签字的书面整改报告${rectification.reported}份，其中按期报送${rectification.onTime}份；从发现问题到报送整改报告平均${rectification.meanHoursToReport ?? '—'}小时，到核验销号平均${rectification.meanHoursToClose ?? '—'}小时。`,
    },
    { kind: 'heading1', text: '夜查覆盖情况' },
    {
      kind: 'paragraph',
      text: `本月生成夜查计划${nightChecks.nights}夜，按抽查比例（平时不少于20%，法定节假日、重大活动期间、重要敏感时期不少于25%）应查${nightChecks.requiredChecks}点次，实际在24:00至次日6:00内查到${nightChecks.checkedSites}点次，达到抽查比例的${nightChecks.nightsMeetingRule}夜。`,
    },
    { kind: 'heading1', text: '工作建议' },
    {
      kind: 'paragraph',
      text:
        analysis.repeats.length > 0
          ? '对重复发生问题的单位，建议通报批评并督促其主要负责同志落实整改；对逾期未整改的问题，由指挥中心继续跟踪督办，并在夜查中优先复查。'
          : '各单位值班值守总体规范，建议继续保持视频巡查和夜查频次，对发现的问题跟踪督办、按期销号。',
    },
  ];
  const open = (await listProblems(ctx, db, {})).filter((problem) => problem.status !== 'closed' && problem.foundAt.slice(0, 7) === month);
  if (open.length > 0) {
    blocks.push(
      { kind: 'heading2', text: '尚未销号问题清单' },
      {
        kind: 'table',
        fontSize: 'smallFour',
        columns: ['单位', '问题类型', '状态', '整改期限'],
        rows: open.map((problem) => [problem.unitName, PROBLEM_KIND_LABELS[problem.kind], PROBLEM_STATUS_LABELS[problem.status], problem.deadline.slice(0, 10)]),
      },
    );
  }
  const content = await buildOfficialDocument({
    title: `关于${label}视频巡查和夜查情况的报告`,
    recipient: '局领导',
    blocks,
    signature: { organ, date: today },
  });
  return { fileName: `${label}视频巡查和夜查情况报告.docx`, content };
}
