/**
 * The regimes of the rule packs by id, for pages that merely name a regime: empty while they load
 * (and when they cannot be read), so that the page falls back to the regime's id.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { RegimeSummary } from '../api.js';
import { queries } from '../queries.js';

export function useRegimes(): Map<string, RegimeSummary> {
  const { data } = useQuery(queries.regimes());
  return useMemo(() => new Map((data ?? []).map((r) => [r.id, r])), [data]);
}
