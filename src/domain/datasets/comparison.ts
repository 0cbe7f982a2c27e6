/**
 * Comparing countries: the ranking of a period and the shares of reasons, with the two reasons
 * journalists look for first — government criticism and national security — picked out.
 */

export type ReasonShare = { reason: string; requests: number; share: number };

/** Matched case-insensitively: the JSON repackaging writes "Government criticism". */
export const highlightedReasons = { governmentCriticism: 'Government Criticism', nationalSecurity: 'National Security' } as const;
export type HighlightedReason = keyof typeof highlightedReasons;

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);

/** Each reason's share of the requests counted by reason, largest first. */
export function reasonShares(byReason: Record<string, number>): {
  total: number;
  reasons: ReasonShare[];
  highlighted: Record<HighlightedReason, { requests: number; share: number }>;
} {
  const total = Object.values(byReason).reduce((s, n) => s + n, 0);
  const reasons = Object.entries(byReason)
    .map(([reason, requests]) => ({ reason, requests, share: share(requests, total) }))
    .sort((a, b) => b.requests - a.requests || a.reason.localeCompare(b.reason));
  const pick = (label: string) => {
    const requests = reasons.filter((r) => r.reason.toLowerCase() === label.toLowerCase()).reduce((s, r) => s + r.requests, 0);
    return { requests, share: share(requests, total) };
  };
  return {
    total,
    reasons,
    highlighted: {
      governmentCriticism: pick(highlightedReasons.governmentCriticism),
      nationalSecurity: pick(highlightedReasons.nationalSecurity),
    },
  };
}

export type RankingEntry<T> = T & { rank: number };

/**
 * Countries by requests (or another figure, `by`), most first. Countries with equal requests share a rank (1, 2, 2, 4);
 * countries whose number of requests is not published come last, unranked (rank 0).
 */
export function rankByRequests<T extends { country: string; requests: number | null }>(
  entries: T[],
  by: (entry: T) => number | null = (e) => e.requests,
): RankingEntry<T>[] {
  const known = entries.filter((e) => by(e) !== null).sort((a, b) => by(b)! - by(a)! || a.country.localeCompare(b.country));
  const unknown = entries.filter((e) => by(e) === null).sort((a, b) => a.country.localeCompare(b.country));
  const ranked: RankingEntry<T>[] = [];
  known.forEach((e, i) => {
    const previous = ranked[i - 1];
    ranked.push({ ...e, rank: previous && by(previous) === by(e) ? previous.rank : i + 1 });
  });
  return [...ranked, ...unknown.map((e) => ({ ...e, rank: 0 }))];
}
