import { PLATFORM_STATUS_LABELS, type PlatformStatus } from '../../../domain/patrols/labels.js';
import type { DutyLogCollector } from '../collector.js';

/** Checks of the supervised platforms (戒毒所安防监控平台, 社区矫正信息化监管平台…). */
export const platformChecksCollector: DutyLogCollector = {
  name: 'platform-checks',
  async collect(_ctx, db, range) {
    const rows = await db
      .selectFrom('platform_checks')
      .innerJoin('supervised_platforms', 'supervised_platforms.id', 'platform_checks.platform_id')
      .select(['platform_checks.checked_at', 'platform_checks.status', 'platform_checks.note', 'platform_checks.recorded_by_name', 'supervised_platforms.name'])
      .where('platform_checks.checked_at', '>=', range.from)
      .where('platform_checks.checked_at', '<', range.to)
      .execute();
    return rows.map((row) => ({
      at: row.checked_at,
      source: 'platform_checks' as const,
      who: row.recorded_by_name,
      what: `检查${row.name}：${PLATFORM_STATUS_LABELS[row.status as PlatformStatus] ?? row.status}${row.note ? `，${row.note}` : ''}`,
      link: `/platform-checks?date=${range.date}`,
      problem: row.status !== 'normal',
    }));
  },
};
