import { REPORT_CATEGORIES, REPORT_CATEGORY_LABELS } from '../../../domain/reports/categories';
import type { DailyStatus } from '../../api/reports';

export const categoryOptions = REPORT_CATEGORIES.map((value) => ({ value, label: REPORT_CATEGORY_LABELS[value] }));

export const DAILY_STATUS_LABELS: Record<DailyStatus, string> = { reported: '已报送', zero: '无事报平安', missing: '未报送', late: '迟报' };
export const DAILY_STATUS_COLORS: Record<DailyStatus, string> = { reported: 'green', zero: 'blue', missing: 'red', late: 'orange' };

/** Local date of the browser, YYYY-MM-DD (the center and its units share one time zone). */
export function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** HH:mm of an instant with its offset, as written by the server. */
export function clockOf(instant: string | null): string {
  return instant ? instant.slice(11, 16) : '—';
}
