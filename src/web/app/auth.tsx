/**
 * Who is signed in: the `me` query, sign-out, and the notice shown on the
 * sign-in page when the server ended the session (idle timeout).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Role } from '../../shared/roles';
import { fetchCurrentUser, meQueryKey, type CurrentUser } from '../api/auth';
import { apiSend, lastServerContactAt } from './api-client';
import { onSessionEvent } from './session-events';
import { setCenterTimeSettings } from './time';

interface AuthState {
  user: CurrentUser | null;
  loading: boolean;
  /** The request for the current user failed for a reason other than "not signed in". */
  loadError: unknown;
  /** Why the last session ended, for the sign-in page; null after a normal sign-out. */
  notice: string | null;
  clearNotice: () => void;
  reload: () => Promise<CurrentUser | null>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

// How often the idle check looks at the time of the last request.
const IDLE_CHECK_INTERVAL_MS = 30_000;

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const meQuery = useQuery({ queryKey: meQueryKey, queryFn: fetchCurrentUser, staleTime: Infinity });
  const user = meQuery.data ?? null;
  // Set before any page renders, so every time on screen uses the center's zone.
  if (user) setCenterTimeSettings(user.timeZone, user.handoverTime);

  useEffect(
    () =>
      onSessionEvent((event) => {
        if (event.kind === 'password-change-required') {
          void queryClient.invalidateQueries({ queryKey: meQueryKey });
          return;
        }
        // Only a session that existed in this tab has "ended"; a first visit just shows the sign-in page.
        const previous = queryClient.getQueryData<CurrentUser | null>(meQueryKey);
        if (!previous) return;
        setNotice(event.message);
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
        queryClient.setQueryData(meQueryKey, null);
      }),
    [queryClient],
  );

  // The server signs out a session idle for sessionIdleMinutes. Asking for `me`
  // just after that moment shows the sign-in page with the server's timeout message
  // instead of leaving a stale screen open.
  const refetchMe = meQuery.refetch;
  useEffect(() => {
    if (!user || user.sessionKind !== 'user') return;
    const idleMs = user.sessionIdleMinutes * 60_000;
    const timer = window.setInterval(() => {
      if (Date.now() - lastServerContactAt() > idleMs + 5_000) void refetchMe();
    }, IDLE_CHECK_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [user, refetchMe]);

  const reload = useCallback(async () => {
    const result = await queryClient.fetchQuery({ queryKey: meQueryKey, queryFn: fetchCurrentUser, staleTime: 0 });
    return result;
  }, [queryClient]);

  const signOut = useCallback(async () => {
    try {
      await apiSend('POST', '/api/auth/logout');
    } catch {
      // The session may already have ended on the server; the local sign-out below still applies.
    } finally {
      setNotice(null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, null);
    }
  }, [queryClient]);

  const value = useMemo<AuthState>(
    () => ({
      user,
      loading: meQuery.isPending,
      loadError: meQuery.isError ? meQuery.error : null,
      notice,
      clearNotice: () => setNotice(null),
      reload,
      signOut,
    }),
    [user, meQuery.isPending, meQuery.isError, meQuery.error, notice, reload, signOut],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth must be used inside AuthProvider');
  return state;
}

/** The signed-in user; only for components rendered behind RequireAuth. */
export function useCurrentUser(): CurrentUser {
  const { user } = useAuth();
  if (!user) throw new Error('useCurrentUser needs a signed-in user');
  return user;
}

export function hasAnyRole(user: Pick<CurrentUser, 'roles'> | null, allowed: readonly Role[]): boolean {
  if (!user) return false;
  return user.roles.some((role) => allowed.includes(role));
}
