import { REPORT_CATEGORIES, REPORT_CATEGORY_LABELS } from '../../../domain/reports/categories';
import type { DailyStatus } from '../../api/reports';
import { centerToday, formatClock } from '../../app/time';

export const categoryOptions = REPORT_CATEGORIES.map((value) => ({ value, label: REPORT_CATEGORY_LABELS[value] }));

export const DAILY_STATUS_LABELS: Record<DailyStatus, string> = { reported: '已报送', zero: '无事报平安', missing: '未报送', late: '迟报' };
export const DAILY_STATUS_COLORS: Record<DailyStatus, string> = { reported: 'green', zero: 'blue', missing: 'red', late: 'orange' };

/** Today's date in the center's zone, YYYY-MM-DD. */
export function localToday(): string {
  return centerToday();
}

/** HH:mm of an instant in the center's zone. */
export function clockOf(instant: string | null): string {
  return formatClock(instant);
}
