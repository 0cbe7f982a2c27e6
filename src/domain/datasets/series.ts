/**
 * A country's figures period by period, as the timeline, `requestsToDate` and surge detection read
 * them. Google and Meta list only countries that sent requests (Meta's files from 2019 list every
 * territory), so a period the source covers in which a country is absent counts as 0 requests —
 * but only from the country's first listed period on. A period published without a number
 * (`<10`, `?`, a range) stays unknown (null), never 0.
 */
import { periodsBetween } from './periods.js';

export type SeriesPoint = {
  period: string;
  requests: number | null;
  items: number | null;
  /** false when the country is not listed in a covered period (counted as 0). */
  listed: boolean;
};

export function countrySeries(
  points: { period: string; requests: number | null; items: number | null }[],
  coveredPeriods: Iterable<string>,
): SeriesPoint[] {
  if (points.length === 0) return [];
  const covered = new Set(coveredPeriods);
  const byPeriod = new Map(points.map((p) => [p.period, p]));
  const first = [...byPeriod.keys()].sort()[0]!;
  const last = [...covered, ...byPeriod.keys()].sort().at(-1)!;
  return periodsBetween(first, last).map((period) => {
    const p = byPeriod.get(period);
    if (p) return { period, requests: p.requests, items: p.items, listed: true };
    return covered.has(period)
      ? { period, requests: 0, items: 0, listed: false }
      : { period, requests: null, items: null, listed: false };
  });
}

/** Requests from the country's first period through `period`; unknown periods are left out and named. */
export function requestsToDate(series: SeriesPoint[], period: string): { total: number; unknownPeriods: string[] } {
  let total = 0;
  const unknownPeriods: string[] = [];
  for (const p of series) {
    if (p.period > period) break;
    if (p.requests === null) unknownPeriods.push(p.period);
    else total += p.requests;
  }
  return { total, unknownPeriods };
}
