/** Loads one API answer for a page, dropping answers that arrive after the page asked for something else. */
import { useEffect, useState } from 'react';
import { type ApiError, asApiError } from '../api.js';

export type Loaded<T> =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'done'; data: T }
  | { state: 'failed'; error: ApiError };

/**
 * `load` is called again whenever `key` changes; a null key loads nothing (`idle`), for a page
 * still waiting on what to ask for.
 */
export function useLoad<T>(key: string | null, load: () => Promise<T>): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: key === null ? 'idle' : 'loading' });

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names everything `load` reads.
  useEffect(() => {
    if (key === null) {
      setResult({ state: 'idle' });
      return;
    }
    let live = true;
    setResult({ state: 'loading' });
    load().then(
      (data) => {
        if (live) setResult({ state: 'done', data });
      },
      (e: unknown) => {
        if (live) setResult({ state: 'failed', error: asApiError(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [key]);

  return result;
}
