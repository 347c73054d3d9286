import { useMutation } from '@tanstack/react-query';
import type { Role } from '../../shared/roles';
import { apiGet, apiSend, isApiError } from '../app/api-client';
import { emitSessionEvent } from '../app/session-events';

export interface PasswordPolicy {
  minLength: number;
  minClasses: number;
  /** Days a password stays valid; 0 means it never expires. */
  maxAgeDays: number;
}

/** The signed-in account as `GET /api/auth/me` returns it. */
export interface CurrentUser {
  id: string;
  username: string;
  name: string;
  roles: Role[];
  unitId: string;
  unitName: string;
  personId: string | null;
  mustChangePassword: boolean;
  sessionKind: 'user' | 'display';
  passwordPolicy: PasswordPolicy;
  sessionIdleMinutes: number;
  /** The center's IANA time zone, for example `Asia/Shanghai`. */
  timeZone: string;
  /** The daily handover time, HH:mm in the center's zone. */
  handoverTime: string;
}

export const meQueryKey = ['auth', 'me'] as const;

/** Loads the current user, or null when nobody is signed in. */
export async function fetchCurrentUser(): Promise<CurrentUser | null> {
  try {
    const body = await apiGet<{ user: CurrentUser }>('/api/auth/me');
    return body.user;
  } catch (error) {
    if (isApiError(error, 'NOT_AUTHENTICATED')) {
      emitSessionEvent({ kind: 'signed-out', message: error.message });
      return null;
    }
    throw error;
  }
}

export function useLogin() {
  return useMutation({
    mutationFn: (credentials: { username: string; password: string }) =>
      apiSend<{ user: { id: string; mustChangePassword: boolean } }>('POST', '/api/auth/login', credentials),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => apiSend<{ ok: true }>('POST', '/api/auth/change-password', body),
  });
}

export function describePasswordPolicy(policy: PasswordPolicy): string[] {
  const lines = [
    `长度至少 ${policy.minLength} 位`,
    `至少包含小写字母、大写字母、数字、特殊符号中的 ${policy.minClasses} 类`,
    '不得包含用户名',
  ];
  lines.push(policy.maxAgeDays > 0 ? `密码有效期 ${policy.maxAgeDays} 天，到期后须修改` : '密码长期有效');
  return lines;
}
