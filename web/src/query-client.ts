/**
 * The one QueryClient of the app, and the one place that handles an ended session: a 401 from any
 * load or change while the reviewer is on a signed-in page goes to sign-in, which brings them back.
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './problem.js';
import { sessionEndRedirect } from './sign-in.js';

declare module '@tanstack/react-query' {
  // Every call goes through api.ts's `request`, which throws nothing else.
  interface Register {
    defaultError: ApiError;
  }
}

/** A server that could not be reached, or answered that it is briefly unavailable, is asked again (twice); a refusal is final. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  const status = error instanceof ApiError ? error.status : 0;
  return status === 0 || status === 502 || status === 503 || status === 504;
}

/** `goTo` moves the app to another path (the router's navigate). */
export function createQueryClient(goTo: (path: string) => void): QueryClient {
  const onError = (error: unknown) => {
    const to = sessionEndRedirect(error instanceof ApiError ? error.status : undefined, window.location);
    if (to) goTo(to);
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: { queries: { retry: shouldRetry } },
  });
}
