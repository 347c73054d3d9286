/** Word export of an incident with its reports, orders and timeline, in the official document format (GB/T 9704). */
import { formatInstant, zonedParts } from '../../domain/time.js';
import type { AppContext } from '../context.js';
import { buildOfficialDocument, type OfficialDocumentBlock } from '../exports/official-document.js';
import type { IncidentRecords } from './incident-handling.service.js';
import type { IncidentView } from './incident-model.js';

function shortTime(value: string): string {
  return value.slice(0, 16).replace('T', ' ');
}

function orNone(value: string | null): string {
  return value && value.trim() !== '' ? value : '（未报）';
}

/** Builds the .docx of an incident's handling record (突发案事件处置情况). */
export async function buildIncidentDocument(ctx: AppContext, incident: IncidentView, records: IncidentRecords): Promise<Buffer> {
  const today = zonedParts(ctx.clock.now(), ctx.config.timeZone).date;
  const blocks: OfficialDocumentBlock[] = [
    { kind: 'heading1', text: '基本情况' },
    {
      kind: 'table',
      columns: ['项目', '内容'],
      columnWidths: [1, 3],
      fontSize: 'smallFour',
      rows: [
        ['编号', incident.serialNumber],
        ['报送单位', incident.unitName],
        ['事件等级', incident.gradeLabel],
        ['事件类型', orNone(incident.type)],
        ['发生地点', orNone(incident.place)],
        ['发生时间', shortTime(incident.occurredAt)],
        ['发现时间', shortTime(incident.discoveredAt)],
        ['接报时间', `${shortTime(incident.receivedAt)}（${incident.channelLabel}）`],
        ['报送时限', `${shortTime(incident.reportDeadline)}${incident.lateLabel ? `，${incident.lateLabel}` : '，按时报送'}`],
        ['值班指挥长', incident.commander?.name ?? '（未排班）'],
        ['值班长', incident.shiftLeader?.name ?? '（未排班）'],
        ['现场指挥员', orNone(incident.onSiteCommanderName)],
      ],
    },
    { kind: 'heading1', text: '事件情况' },
    { kind: 'heading2', text: '基本情况' },
    { kind: 'paragraph', text: orNone(incident.facts) },
    { kind: 'heading2', text: '伤亡和损失情况' },
    { kind: 'paragraph', text: orNone(incident.casualties) },
    { kind: 'heading2', text: '已采取的措施' },
    { kind: 'paragraph', text: orNone(incident.measures) },
    { kind: 'heading2', text: '发展趋势' },
    { kind: 'paragraph', text: orNone(incident.trend) },
    { kind: 'heading2', text: '网上舆情' },
    { kind: 'paragraph', text: orNone(incident.publicOpinion) },
    { kind: 'heading2', text: '背景资料' },
    { kind: 'paragraph', text: orNone(incident.background) },
  ];

  if (incident.missingElements.length > 0) {
    blocks.push({ kind: 'paragraph', text: `尚缺要素：${incident.missingElements.join('、')}。` });
  }
  if (records.reports.length > 0) {
    blocks.push({ kind: 'heading1', text: '报送情况' });
    for (const report of records.reports) {
      blocks.push({ kind: 'heading2', text: `${report.label}（${shortTime(report.reportedAt)}）` }, { kind: 'paragraph', text: report.content });
    }
  }
  if (records.orders.length > 0) {
    blocks.push({ kind: 'heading1', text: '指令落实情况' }, {
      kind: 'table',
      columns: ['下达时间', '承办', '指令内容', '落实情况'],
      columnWidths: [2, 2, 4, 4],
      fontSize: 'smallFour',
      rows: records.orders.map((order) => [shortTime(order.issuedAt), order.assignee, order.content, order.status === 'done' ? `${order.result ?? ''}（${shortTime(order.doneAt ?? '')}）` : '落实中']),
    });
  }
  blocks.push({ kind: 'heading1', text: '处置过程' }, {
    kind: 'table',
    columns: ['时间', '环节', '经办人', '情况'],
    columnWidths: [2, 3, 2, 5],
    fontSize: 'smallFour',
    rows: records.timeline.map((entry) => [shortTime(entry.at), entry.label, entry.actorName ?? '', entry.note ?? '']),
  });
  if (incident.summary.process || incident.summary.handling || incident.summary.lessons) {
    blocks.push(
      { kind: 'heading1', text: '总结分析' },
      { kind: 'heading2', text: '事件过程' },
      { kind: 'paragraph', text: orNone(incident.summary.process) },
      { kind: 'heading2', text: '处置情况' },
      { kind: 'paragraph', text: orNone(incident.summary.handling) },
      { kind: 'heading2', text: '经验教训' },
      { kind: 'paragraph', text: orNone(incident.summary.lessons) },
    );
  }

  return buildOfficialDocument({
    title: `关于${incident.title}的处置情况`,
    subtitle: `（${formatInstant(new Date(incident.receivedAt), ctx.config.timeZone).slice(0, 10)}接报，${incident.statusLabel}）`,
    blocks,
    signature: { organ: '局指挥中心', date: today },
  });
}
