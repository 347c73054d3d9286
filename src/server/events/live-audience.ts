import type { SessionUser } from '../auth/sessions.js';
import { seesAllUnits } from '../http/request-context.js';
import type { LiveEvent } from './event-bus.js';

/**
 * Decides whether a signed-in user receives a live event. `roles` limits the
 * event to those roles (the hall display session counts as `hall_display`);
 * `unitId` limits it to that unit's users plus the center's staff, who may read every unit's data.
 */
export function mayReceive(user: Pick<SessionUser, 'roles' | 'unitId' | 'sessionKind'>, event: LiveEvent): boolean {
  const isDisplay = user.sessionKind === 'display' || user.roles.includes('hall_display');
  if (event.roles && event.roles.length > 0) {
    const matches = isDisplay ? event.roles.includes('hall_display') : user.roles.some((role) => event.roles!.includes(role));
    if (!matches) return false;
  }
  if (event.unitId && !isDisplay && !seesAllUnits(user as SessionUser) && user.unitId !== event.unitId) return false;
  return true;
}
