/** Month arithmetic on 'YYYY-MM' keys, in the calendar's own terms (no time zone involved). */
export function shiftMonth(month: string, delta: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (monthNumber - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Weekday of a date, Monday 0 … Sunday 6, computed in UTC so the browser's zone cannot shift it. */
export function mondayIndex(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export const weekdayLabels = ['一', '二', '三', '四', '五', '六', '日'];

/** Roles that prepare, adjust and publish rosters (the server enforces the same list). */
export const rosterManagerRoles = ['sys_admin', 'shift_leader', 'duty_commander'] as const;
