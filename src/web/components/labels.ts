import type { UnitKind } from '../../shared/roles';
import { formatDateTimeSeconds } from '../app/time';

/** Tag colors of unit kinds, so each kind reads the same on every page. */
export const unitKindColors: Record<UnitKind, string> = {
  command_center: 'red',
  department: 'blue',
  district: 'green',
  affiliated: 'purple',
};

/** Formats an ISO instant as the center's date and time (`YYYY-MM-DD HH:mm:ss`), or a dash when absent. */
export function formatInstant(value: string | null | undefined): string {
  return formatDateTimeSeconds(value);
}
