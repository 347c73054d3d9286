import type { DutyLogEntry } from '../../../domain/duty-report/index.js';
import type { DutyLogCollector } from '../collector.js';

/** Units' daily reports, reminders to missing units and reviews of report items. */
export const reportsCollector: DutyLogCollector = {
  name: 'reports',
  async collect(_ctx, db, range) {
    const entries: DutyLogEntry[] = [];
    const reports = await db
      .selectFrom('daily_reports')
      .innerJoin('units', 'units.id', 'daily_reports.unit_id')
      .select(['daily_reports.id', 'daily_reports.kind', 'daily_reports.submitted_at', 'daily_reports.submitter_name', 'units.name as unit_name'])
      .where('daily_reports.submitted_at', '>=', range.from)
      .where('daily_reports.submitted_at', '<', range.to)
      .execute();
    for (const report of reports) {
      entries.push({
        at: report.submitted_at,
        source: 'reports',
        who: report.submitter_name,
        what: `${report.unit_name}报送${report.kind === 'zero' ? '零报告' : '要情信息'}`,
        link: `/daily-reports/status?date=${range.date}`,
      });
    }

    const reminders = await db.selectFrom('report_reminders').selectAll().where('reminded_at', '>=', range.from).where('reminded_at', '<', range.to).execute();
    for (const reminder of reminders) {
      const count = (JSON.parse(reminder.unit_ids) as unknown[]).length;
      entries.push({ at: reminder.reminded_at, source: 'reports', who: reminder.reminded_by_name, what: `催报未报送单位${count}个`, link: `/daily-reports/status?date=${reminder.report_date}` });
    }

    const reviewed = await db
      .selectFrom('report_items')
      .select(['id', 'title', 'status', 'marked_at', 'marked_by_name'])
      .where('marked_at', '>=', range.from)
      .where('marked_at', '<', range.to)
      .execute();
    const verbs: Record<string, string> = { adopted: '采用', returned: '退回', merged: '合并', submitted: '标记' };
    for (const item of reviewed) {
      entries.push({ at: item.marked_at!, source: 'reports', who: item.marked_by_name, what: `${verbs[item.status] ?? '处理'}要情信息：${item.title}`, link: `/report-items?id=${item.id}` });
    }
    return entries;
  },
};
