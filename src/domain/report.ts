/**
 * A country's transparency report for a half-year, with the definitions of Google's
 * government-removals report so that the figures can be compared:
 * - a request is counted in the period in which it was received (UTC);
 * - items are the URLs, accounts or content ids the requests name;
 * - each request sits in exactly one product, the one most of its items are on, and, once one of
 *   its items is decided, in one reason: the one most of its decided items were decided under
 *   (ties: alphabetical); a request with no decided item yet has no reason and is counted apart
 *   as undecided (a reason bucket would mix "not decided" with what authorities asked for); a data
 *   order names accounts, not items, so it has neither product nor reason and is not undecided here
 *   (its figures are the user-data report's, src/domain/data-report.ts);
 * - item outcomes are shares of items, not of requests; undecided items are `pending`.
 */
import { formatPeriod, type HalfYear } from './period.js';
import { type Outcome, outcomes } from './vocabulary.js';

export type OutcomeBucket = Outcome | 'pending';
export const outcomeBuckets: readonly OutcomeBucket[] = [...outcomes, 'pending'];

/** `removed_legal` → `removedLegal`: a vocabulary value as a field name of the wire. */
type Camel<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;
export type OutcomeBucketKey = Camel<OutcomeBucket>;

/**
 * The report's item outcomes are an object with one field per bucket; its field names are camelCase
 * like every other key of the API and the CLI's JSON (`removedLegal`), the buckets stay the vocabulary's.
 */
export function outcomeBucketKey<B extends OutcomeBucket>(bucket: B): Camel<B> {
  return bucket.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) as Camel<B>;
}
export const outcomeBucketKeys = outcomeBuckets.map(outcomeBucketKey) as readonly OutcomeBucketKey[];

export type ReportCounts = {
  requests: number;
  items: number;
  requestsByRequesterKind: Record<string, number>;
  requestsByKind: Record<string, number>;
  requestsByProduct: Record<string, number>;
  /** Requests with at least one decided item, by the reason most of those items were decided under. */
  requestsByReason: Record<string, number>;
  /** Removal requests none of whose items is decided yet: they have no reason so far (data orders have no items). */
  undecidedRequests: number;
  itemOutcomes: Partial<Record<OutcomeBucket, number>>;
  containsDemoData: boolean;
};

export type CountryReport = Omit<ReportCounts, 'itemOutcomes'> & {
  country: string;
  period: string;
  itemOutcomes: Record<OutcomeBucketKey, { count: number; share: number }>;
};

export function assembleReport(country: string, period: HalfYear, counts: ReportCounts): CountryReport {
  const itemOutcomes = Object.fromEntries(
    outcomeBuckets.map((bucket) => {
      const count = counts.itemOutcomes[bucket] ?? 0;
      return [outcomeBucketKey(bucket), { count, share: counts.items === 0 ? 0 : count / counts.items }];
    }),
  ) as CountryReport['itemOutcomes'];
  return { ...counts, country, period: formatPeriod(period), itemOutcomes };
}
