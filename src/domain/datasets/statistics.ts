/**
 * The statistics of one country and half-year in a published dataset, exactly as
 * `writ datasets stats` and the public API give them. Definitions: docs/methodology.md.
 */
import type { OutcomePercents } from './google-archive.js';
import { chooseGoogleFigures, type GoogleSums } from './google-figures.js';
import { type MetaRow, metaRowFindings } from './meta-requests.js';
import { type ItemOutcomes, noOutcomes, outcomeKeys, roundOutcomes, sumOutcomes } from './outcomes.js';
import type { MetaContentRestrictionStats } from './restriction-stats.js';
import { countrySeries, requestsToDate, type SeriesPoint } from './series.js';

export type GoogleRemovalStats = {
  source: 'google-removals' | 'google-removals-json';
  country: string;
  period: string;
  requests: number | null;
  items: number | null;
  requestsToDate: number;
  requestsByProduct: Record<string, number>;
  requestsByReason: Record<string, number>;
  requestsByRequester: Record<string, number>;
  itemOutcomes: ItemOutcomes;
  itemOutcomesExact: boolean;
  warnings: string[];
};

export type MetaDataRequestStats = {
  source: 'meta-data-requests';
  country: string;
  period: string;
  requests: number | null;
  accountsRequested: number | null;
  shareSomeDataProduced: number | null;
  emergencyRequests: number | null;
  legalProcessRequests: number | null;
  warnings: string[];
};

export type DatasetStats = GoogleRemovalStats | MetaDataRequestStats | MetaContentRestrictionStats;

/** The label under which Google's historical rows without a reason are counted. */
export const noReasonLabel = '(no reason published)';

/** Counts by key, largest first, ties alphabetical. */
export function tally<T>(rows: T[], key: (row: T) => string, count: (row: T) => number): Record<string, number> {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(key(row), (totals.get(key(row)) ?? 0) + count(row));
  return Object.fromEntries([...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

/** Requests per key (product, reason, requester), largest first. */
const requestsBy = <T extends { requests: number }>(rows: T[], key: (row: T) => string) => tally(rows, key, (r) => r.requests);

function pointOf(series: SeriesPoint[], period: string) {
  return series.find((p) => p.period === period);
}

function toDateWarning(unknownPeriods: string[]): string[] {
  return unknownPeriods.length
    ? [`requestsToDate leaves out ${unknownPeriods.join(', ')}, for which no number of requests is published`]
    : [];
}

export type GoogleDetail = {
  productRows: {
    part: 'product-reason' | 'historical-product-reason';
    product: string;
    reason: string | null;
    requests: number;
    courtOrders: number | null;
    executiveRequests: number | null;
  }[];
  requesterRows: { requester: string; requests: number; items: number; percents: OutcomePercents }[];
  summary: { compliedPct: number | null } | null;
};

/** Google's official archive; null when the country has no figures for the period. */
export function googleRemovalStats(input: {
  country: string;
  period: string;
  history: (GoogleSums & { period: string })[];
  coveredPeriods: Iterable<string>;
  detail: GoogleDetail;
}): GoogleRemovalStats | null {
  const { country, period, detail } = input;
  const figures = new Map(input.history.map((h) => [h.period, chooseGoogleFigures(h)]));
  const series = countrySeries(
    [...figures].map(([p, f]) => ({ period: p, requests: f.requests, items: f.items })),
    input.coveredPeriods,
  );
  const point = pointOf(series, period);
  if (!point || (point.requests === null && !figures.has(period))) return null;
  const chosen = figures.get(period);
  const warnings = chosen ? chosen.findings.map((f) => f.message) : [];
  if (!point.listed) warnings.push(`Google lists no requests from ${country} in ${period}; counted as 0`);

  const current = detail.productRows.filter((r) => r.part === 'product-reason');
  const products = current.length ? current : detail.productRows;
  const historical = detail.productRows.filter((r) => r.part === 'historical-product-reason');
  let requestsByRequester: Record<string, number>;
  if (detail.requesterRows.length) requestsByRequester = requestsBy(detail.requesterRows, (r) => r.requester);
  else {
    // Before 2019 Google split requests only into court orders and the rest (the historical files' own column names).
    const court = historical.reduce((s, r) => s + (r.courtOrders ?? 0), 0);
    const executive = historical.reduce((s, r) => s + (r.executiveRequests ?? 0), 0);
    requestsByRequester = Object.fromEntries(
      (
        [
          ['Court Orders', court],
          ['Executive, Police, etc.', executive],
        ] as [string, number][]
      )
        .filter(([, n]) => n > 0)
        .sort((a, b) => b[1] - a[1]),
    );
  }

  let itemOutcomes = noOutcomes();
  let itemOutcomesExact = false;
  if (detail.requesterRows.length) {
    const summed = sumOutcomes(detail.requesterRows);
    itemOutcomes = roundOutcomes(summed.outcomes);
    itemOutcomesExact = summed.exact;
  } else if (point.listed) {
    const complied = detail.summary?.compliedPct;
    warnings.push(
      `Google published no item outcomes for ${period} (they start in 2019-H1); itemOutcomes are 0` +
        (complied === null || complied === undefined
          ? ''
          : `. The historical summary gives ${complied}% of requests fully or partially complied with`),
    );
  }
  const toDate = requestsToDate(series, period);
  warnings.push(...toDateWarning(toDate.unknownPeriods));
  return {
    source: 'google-removals',
    country,
    period,
    requests: point.requests,
    items: point.items,
    requestsToDate: toDate.total,
    requestsByProduct: requestsBy(products, (r) => r.product),
    requestsByReason: requestsBy(products, (r) => r.reason ?? noReasonLabel),
    requestsByRequester,
    itemOutcomes,
    itemOutcomesExact,
    warnings,
  };
}

export type GoogleJsonDetailRow = {
  requester: string;
  product: string;
  reason: string;
  requests: number;
  items: number;
  outcomes: number[];
};

/** The JSON repackaging: every figure is a sum of its integer rows, so outcomes are exact when they account for every item. */
export function googleJsonStats(input: {
  country: string;
  period: string;
  history: { period: string; requests: number; items: number }[];
  coveredPeriods: Iterable<string>;
  rows: GoogleJsonDetailRow[];
}): GoogleRemovalStats | null {
  const { country, period, rows } = input;
  const series = countrySeries(input.history, input.coveredPeriods);
  const point = pointOf(series, period);
  if (!point) return null;
  const warnings: string[] = [];
  if (!point.listed) warnings.push(`the JSON lists no requests from ${country} in ${period}; counted as 0`);
  const itemOutcomes = noOutcomes();
  for (const row of rows)
    outcomeKeys.forEach((key, i) => {
      itemOutcomes[key] += row.outcomes[i] ?? 0;
    });
  const items = rows.reduce((s, r) => s + r.items, 0);
  const accounted = outcomeKeys.reduce((s, k) => s + itemOutcomes[k], 0);
  if (rows.length && accounted !== items)
    warnings.push(
      `item outcomes account for ${accounted} of the ${items} items requested (the JSON gives no outcome for the rest)`,
    );
  const toDate = requestsToDate(series, period);
  warnings.push(...toDateWarning(toDate.unknownPeriods));
  return {
    source: 'google-removals-json',
    country,
    period,
    requests: point.requests,
    items: point.items,
    requestsToDate: toDate.total,
    requestsByProduct: requestsBy(rows, (r) => r.product),
    requestsByReason: requestsBy(rows, (r) => r.reason),
    requestsByRequester: requestsBy(rows, (r) => r.requester),
    itemOutcomes,
    itemOutcomesExact: rows.length > 0 && accounted === items,
    warnings,
  };
}

/** Meta's user-data requests; null when the country has no row for the period and was never listed before. */
export function metaDataRequestStats(input: {
  country: string;
  period: string;
  row: MetaRow | null;
  history: { period: string; requests: number | null }[];
  coveredPeriods: Iterable<string>;
}): MetaDataRequestStats | null {
  const { country, period, row } = input;
  const point = pointOf(
    countrySeries(
      input.history.map((h) => ({ ...h, items: null })),
      input.coveredPeriods,
    ),
    period,
  );
  if (!point) return null;
  if (!row) {
    if (point.requests === null) return null;
    return {
      source: 'meta-data-requests',
      country,
      period,
      requests: 0,
      accountsRequested: 0,
      shareSomeDataProduced: null,
      emergencyRequests: 0,
      legalProcessRequests: 0,
      warnings: [`Meta lists no requests from ${country} in ${period}; counted as 0`],
    };
  }
  const warnings: string[] = [];
  if (row.requestsAsPublished) warnings.push(`number of requests published as "${row.requestsAsPublished}"; no figure is used`);
  if (row.accountsAsPublished) warnings.push(`accounts requested published as "${row.accountsAsPublished}"; no figure is used`);
  warnings.push(...metaRowFindings(row));
  let share: number | null = null;
  if (row.requests !== null && row.requests > 0 && row.requestsSomeData !== null) share = row.requestsSomeData / row.requests;
  else if (row.someDataPct !== null) {
    share = row.someDataPct / 100;
    if (row.requests !== 0)
      warnings.push(`shareSomeDataProduced is Meta’s whole percentage (${row.someDataPct}%); this layout gives no count`);
  }
  return {
    source: 'meta-data-requests',
    country,
    period,
    requests: row.requests,
    accountsRequested: row.accounts,
    shareSomeDataProduced: share === null ? null : Math.round(share * 10_000) / 10_000,
    emergencyRequests: row.emergencyRequests,
    legalProcessRequests: row.legalRequests,
    warnings,
  };
}
