import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';
import { emitSessionEvent } from './session-events';

function reportSessionProblem(error: unknown): void {
  if (!(error instanceof ApiError)) return;
  if (error.code === 'NOT_AUTHENTICATED') emitSessionEvent({ kind: 'signed-out', message: error.message });
  if (error.code === 'PASSWORD_CHANGE_REQUIRED') emitSessionEvent({ kind: 'password-change-required' });
}

/** Client errors (4xx) will fail the same way again, so only network and server errors are retried. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: reportSessionProblem }),
    mutationCache: new MutationCache({ onError: reportSessionProblem }),
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 15_000 },
      mutations: { retry: false },
    },
  });
}
