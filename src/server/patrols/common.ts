/** Small helpers shared by the patrol, night-check, roll-call and platform-check services. */
import { formatInstant } from '../../domain/time.js';
import type { AppContext } from '../context.js';
import type { SessionUser } from '../auth/sessions.js';
import { forbidden } from '../errors.js';
import { seesAllUnits } from '../http/request-context.js';

/** Formats a stored UTC instant with the center's offset, e.g. 2026-02-17T01:40:00+08:00. */
export function showInstant(ctx: AppContext, stored: string): string {
  return formatInstant(new Date(stored), ctx.config.timeZone);
}

export function showOptionalInstant(ctx: AppContext, stored: string | null): string | null {
  return stored === null ? null : showInstant(ctx, stored);
}

/** Rejects a unit liaison's request for another unit's data. */
export function assertUnitVisible(user: SessionUser, unitId: string): void {
  if (!seesAllUnits(user) && user.unitId !== unitId) {
    throw forbidden('只能查看和办理本单位的巡查问题。');
  }
}
