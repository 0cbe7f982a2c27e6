/**
 * A country's transparency report for a half-year, with the definitions of Google's
 * government-removals report so that the figures can be compared:
 * - a request is counted in the period in which it was received (UTC);
 * - items are the URLs, accounts or content ids the requests name;
 * - each request sits in exactly one product and one reason: the product most of its items are
 *   on, and the reason most of its decided items were categorised under (ties: alphabetical);
 *   a request with no decided item yet counts under "Pending review";
 * - item outcomes are shares of items, not of requests; undecided items are `pending`.
 */
import { formatPeriod, type HalfYear } from './period.js';
import { type Outcome, outcomes } from './vocabulary.js';

export const pendingReason = 'Pending review';

export type OutcomeBucket = Outcome | 'pending';
export const outcomeBuckets: readonly OutcomeBucket[] = [...outcomes, 'pending'];

export type ReportCounts = {
  requests: number;
  items: number;
  requestsByRequesterKind: Record<string, number>;
  requestsByKind: Record<string, number>;
  requestsByProduct: Record<string, number>;
  requestsByReason: Record<string, number>;
  itemOutcomes: Partial<Record<OutcomeBucket, number>>;
  containsDemoData: boolean;
};

export type CountryReport = Omit<ReportCounts, 'itemOutcomes'> & {
  country: string;
  period: string;
  itemOutcomes: Record<OutcomeBucket, { count: number; share: number }>;
};

export function assembleReport(country: string, period: HalfYear, counts: ReportCounts): CountryReport {
  const itemOutcomes = Object.fromEntries(
    outcomeBuckets.map((bucket) => {
      const count = counts.itemOutcomes[bucket] ?? 0;
      return [bucket, { count, share: counts.items === 0 ? 0 : count / counts.items }];
    }),
  ) as CountryReport['itemOutcomes'];
  return { ...counts, country, period: formatPeriod(period), itemOutcomes };
}
