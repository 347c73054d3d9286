import { buildOfficialDocument, type OfficialDocumentBlock } from '../exports/official-document.js';
import type { IsoDate } from '../../domain/time.js';
import type { AppContext } from '../context.js';
import { getDutyReport } from './duty-report.service.js';

/** Builds the Word file of a duty day's report in the GB/T 9704 layout. */
export async function dutyReportDocument(ctx: AppContext, date: IsoDate): Promise<{ fileName: string; content: Buffer }> {
  const report = await getDutyReport(ctx, ctx.db.kysely, date);
  const center = await ctx.db.kysely.selectFrom('units').select('name').where('kind', '=', 'command_center').executeTakeFirst();
  const organ = center?.name ?? '局指挥中心';

  const blocks: OfficialDocumentBlock[] = [
    { kind: 'table', columns: ['岗位', '姓名'], rows: report.staffRows, columnWidths: [1, 3] },
  ];
  for (const section of report.sections) {
    blocks.push({ kind: 'heading1', text: section.heading });
    blocks.push({ kind: 'paragraph', text: section.text.trim() || '无。' });
  }
  const signer = report.signedBy ?? report.shiftLeader?.name ?? null;
  blocks.push({ kind: 'paragraph', text: `值班长（签字）：${signer ?? ''}${report.signedBy ? '' : '（未签字）'}` });

  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const content = await buildOfficialDocument({
    title: '值班报告',
    subtitle: `（${year}年${month}月${day}日${ctx.config.handoverTime}至次日${ctx.config.handoverTime}）`,
    recipient: '局领导',
    blocks,
    signature: { organ, date },
  });
  return { fileName: `值班报告${date}.docx`, content };
}
