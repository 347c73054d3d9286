import type { Role } from '../../shared/roles.js';
import type { AppContext } from '../context.js';
import type { LiveEvent } from '../events/event-bus.js';

/** Roles that must act on incidents and see their alerts, plus the hall screen. */
export const incidentAudience: Role[] = ['bureau_leader', 'duty_commander', 'shift_leader', 'duty_officer', 'seat_staff', 'unit_liaison', 'hall_display'];

/** Publishes an incident's live event to the center, the hall screen and the incident's unit. */
export async function publishIncidentEvent(
  ctx: AppContext,
  event: { type: string; title: string; unitId: string; urgent?: boolean; data: Record<string, unknown> },
): Promise<void> {
  const live: LiveEvent = {
    type: event.type,
    title: event.title,
    roles: incidentAudience,
    unitId: event.unitId,
    urgent: event.urgent ?? false,
    data: event.data,
    at: ctx.clock.now().toISOString(),
  };
  try {
    await ctx.events.publish(live);
  } catch (error) {
    // The change is already committed; a lost alert must not turn it into an error.
    ctx.log.error({ err: error, type: event.type }, 'incident live event could not be published');
  }
}
