/** Monthly adoption statistics (采用情况) and the 《工作通报》 built from them. */
import { adoptionStatistics, type UnitAdoption } from '../../domain/reports/index.js';
import { monthBounds, zonedParts } from '../../domain/time.js';
import type { AppContext } from '../context.js';
import { buildOfficialDocument } from '../exports/official-document.js';
import { reportingUnits } from './daily-reports.service.js';

export interface MonthlyStatistics {
  month: string;
  units: UnitAdoption[];
  totals: { submitted: number; adopted: number; late: number; missing: number };
}

export async function monthlyStatistics(ctx: AppContext, month: string): Promise<MonthlyStatistics> {
  const { first, last } = monthBounds(month);
  const db = ctx.db.kysely;
  const units = await reportingUnits(db);
  const items = await db.selectFrom('report_items').select(['unit_id', 'report_date', 'status']).where('report_date', '>=', first).where('report_date', '<=', last).execute();
  const violations = await db.selectFrom('report_violations').select(['unit_id', 'report_date', 'kind']).where('report_date', '>=', first).where('report_date', '<=', last).execute();
  const rows = adoptionStatistics(
    month,
    units,
    items.map((item) => ({ unitId: item.unit_id, reportDate: item.report_date, status: item.status })),
    violations.map((violation) => ({ unitId: violation.unit_id, reportDate: violation.report_date, kind: violation.kind })),
  );
  const sum = (key: 'submitted' | 'adopted' | 'late' | 'missing') => rows.reduce((total, row) => total + row[key], 0);
  return { month, units: rows, totals: { submitted: sum('submitted'), adopted: sum('adopted'), late: sum('late'), missing: sum('missing') } };
}

/** Builds the monthly 《工作通报》 on information work as a Word document. */
export async function workBulletinDocument(ctx: AppContext, month: string): Promise<Buffer> {
  const stats = await monthlyStatistics(ctx, month);
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const center = await ctx.db.kysely.selectFrom('units').select('name').where('kind', '=', 'command_center').executeTakeFirst();
  const organ = center?.name ?? '局指挥中心';
  const today = zonedParts(ctx.clock.now(), ctx.config.timeZone).date;
  const flagged = stats.units.filter((unit) => unit.late > 0 || unit.missing > 0);

  return buildOfficialDocument({
    header: { title: '工作通报', organ: `${organ}编`, date: today },
    title: `关于${year}年${monthNumber}月要情信息报送采用情况的通报`,
    recipient: '各区司法局、局属各单位、局机关各部门：',
    blocks: [
      {
        kind: 'paragraph',
        text: `${year}年${monthNumber}月，各单位共报送要情信息${stats.totals.submitted}条，局指挥中心采用${stats.totals.adopted}条；迟报${stats.totals.late}次，漏报${stats.totals.missing}次。现将各单位报送采用情况通报如下。`,
      },
      { kind: 'heading1', text: '报送采用情况' },
      {
        kind: 'table',
        columns: ['名次', '单位', '报送', '采用', '采用率', '迟报', '漏报'],
        columnWidths: [1.2, 5, 1.2, 1.2, 1.6, 1.2, 1.2],
        fontSize: 'smallFour',
        rows: stats.units.map((unit) => [
          String(unit.rank),
          unit.unitName,
          String(unit.submitted),
          String(unit.adopted),
          `${(unit.adoptionRate * 100).toFixed(1)}%`,
          String(unit.late),
          String(unit.missing),
        ]),
      },
      { kind: 'heading1', text: '迟报漏报情况' },
      {
        kind: 'paragraph',
        text:
          flagged.length === 0
            ? '本月各单位均按时报送，未发生迟报、漏报。'
            : `${flagged.map((unit) => `${unit.unitName}（迟报${unit.late}次、漏报${unit.missing}次）`).join('、')}未按要求按时报送，予以通报批评，请于限期内整改并书面报告整改情况。`,
      },
      { kind: 'heading1', text: '工作要求' },
      { kind: 'paragraph', text: '各单位要严格落实每日“零报告”制度，有事报情况、无事报平安，于每日15时前报送当日要情信息；紧急信息先电话报告、再书面补报，苗头性信息当日核查、滚动续报。' },
    ],
    signature: { organ, date: today },
  });
}
