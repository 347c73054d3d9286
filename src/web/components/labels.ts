import type { UnitKind } from '../../shared/roles';

/** Tag colors of unit kinds, so each kind reads the same on every page. */
export const unitKindColors: Record<UnitKind, string> = {
  command_center: 'red',
  department: 'blue',
  district: 'green',
  affiliated: 'purple',
};

/** Formats an ISO instant as local date and time, or a dash when absent. */
export function formatInstant(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const pad = (part: number) => String(part).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
