import type { FastifyRequest } from 'fastify';
import type { AuditActor } from '../audit/audit-log.js';
import type { SessionUser } from '../auth/sessions.js';
import { centerRoles } from '../../shared/roles.js';

export function auditActorOf(request: FastifyRequest): AuditActor {
  const user = request.user;
  return {
    userId: user?.id ?? null,
    name: user?.name ?? null,
    unitId: user?.unitId ?? null,
    ip: request.ip ?? null,
  };
}

/** Whether the user sees every unit's data (the center's staff and leaders) rather than only their own unit's. */
export function seesAllUnits(user: SessionUser): boolean {
  return user.roles.some((role) => centerRoles.includes(role) || role === 'sys_admin');
}
