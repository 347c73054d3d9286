import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../shared/roles';
import { apiGet, apiSend } from '../app/api-client';
import type { PasswordPolicy } from './auth';

export interface UserAccount {
  id: string;
  username: string;
  name: string;
  roles: Role[];
  unitId: string;
  unitName: string;
  personId: string | null;
  active: boolean;
  locked: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
}

export interface UserInput {
  username?: string;
  name: string;
  roles: Role[];
  unitId: string;
  personId?: string | null;
}

export const usersQueryKey = ['users'] as const;

export function useUsers(filter: { q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...usersQueryKey, filter],
    queryFn: () => apiGet<{ users: UserAccount[]; total: number }>('/api/users', filter),
    placeholderData: keepPreviousData,
  });
}

function useUsersMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }) });
}

export function useCreateUser() {
  return useUsersMutation((input: UserInput & { username: string }) =>
    apiSend<{ user: UserAccount; initialPassword: string }>('POST', '/api/users', input),
  );
}

export function useUpdateUser() {
  return useUsersMutation(({ id, input }: { id: string; input: Partial<UserInput> & { active?: boolean } }) =>
    apiSend<{ user: UserAccount }>('PATCH', `/api/users/${encodeURIComponent(id)}`, input),
  );
}

export function useResetPassword() {
  return useUsersMutation((id: string) => apiSend<{ password: string }>('POST', `/api/users/${encodeURIComponent(id)}/reset-password`));
}

export function useUnlockUser() {
  return useUsersMutation((id: string) => apiSend<unknown>('POST', `/api/users/${encodeURIComponent(id)}/unlock`));
}

const policyQueryKey = ['security', 'password-policy'] as const;

export function usePasswordPolicy() {
  return useQuery({
    queryKey: policyQueryKey,
    queryFn: () => apiGet<{ policy: PasswordPolicy }>('/api/security/password-policy').then((body) => body.policy),
  });
}

export function useSavePasswordPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: PasswordPolicy) => apiSend<{ policy: PasswordPolicy }>('PUT', '/api/security/password-policy', policy),
    onSuccess: async (body) => {
      queryClient.setQueryData(policyQueryKey, body.policy);
      // The policy is also part of `me`, shown on the change-password form.
      await queryClient.invalidateQueries({ queryKey: ['auth', 'me'] });
    },
  });
}
