/**
 * The regimes of the rule packs (GET /api/v1/regimes), fetched once per page load and shared: the
 * packs only change when the server restarts. Pages that merely name a regime use this and fall
 * back to its id while it loads or when it fails.
 */
import { useEffect, useState } from 'react';
import { api, type RegimeSummary } from '../api.js';

let cached: Promise<RegimeSummary[]> | null = null;

export function loadRegimes(): Promise<RegimeSummary[]> {
  cached ??= api.regimes().then(
    (r) => r.regimes,
    (e: unknown) => {
      cached = null;
      throw e;
    },
  );
  return cached;
}

/** Regimes by id; empty until loaded (and when the list cannot be read). */
export function useRegimes(): Map<string, RegimeSummary> {
  const [regimes, setRegimes] = useState<Map<string, RegimeSummary>>(() => new Map());
  useEffect(() => {
    let live = true;
    loadRegimes().then(
      (list) => {
        if (live) setRegimes(new Map(list.map((r) => [r.id, r])));
      },
      () => {
        // names are a nicety: the ids are shown instead
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return regimes;
}
