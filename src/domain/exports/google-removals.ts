/**
 * Google's "Government requests to remove content" CSVs, made from Writ's decided orders so that
 * anyone who reads Google's archive (and Writ's own importer, src/domain/datasets/google-archive.ts)
 * reads Writ's. Format: shared/reference/google-meta-data-formats.md §2.
 */
import { countryName } from '../countries.js';
import type { AuthorityKind, Outcome } from '../vocabulary.js';
import { googleCountryNames } from './country-names.js';
import { halfYearOf, periodEnding } from './formats.js';

/** Header of google-government-removal-requests.csv (2024 and 2025 vintages; note the trailing space). */
export const googleRequesterHeader = [
  'Period Ending',
  'Country/Region',
  'CLDR Territory Code',
  'Requestor',
  'Number of Requests',
  'Items Requested To Be Removed',
  '% Removed-Legal',
  '% Removed-Policy',
  '% Content Not Found',
  '% Not Enough Information ',
  '% No Action Taken',
  '% Content Already Removed',
] as const;

/** Header of google-government-detailed-removal-requests.csv (every vintage). */
export const googleProductReasonHeader = [
  'Period Ending',
  'Country/Region',
  'CLDR Territory Code',
  'Product',
  'Reason',
  'Total',
] as const;

export const googleRequesterFile = 'google-government-removal-requests.csv';
export const googleProductReasonFile = 'google-government-detailed-removal-requests.csv';

/**
 * Writ's authority kinds as Google's "Requestor" values (the 2025 vintage's 11, spelled as there).
 * Google has no prosecutor or legislature: prosecutors are counted with the police (both
 * investigate crimes), a legislature's requests with government officials.
 */
export const googleRequestors: Record<AuthorityKind, string> = {
  communications_regulator: 'Information and Communications Authority',
  police: 'Police',
  prosecutor: 'Police',
  court: 'Court Order Directed at Google',
  data_protection_authority: 'Data Protection Authority',
  other_executive: 'Government Officials',
  legislature: 'Government Officials',
  other: 'Other',
};

/** The six outcome columns, in Google's order (the vocabulary is Google's six buckets). */
export const googleOutcomeOrder: readonly Outcome[] = [
  'removed_legal',
  'removed_policy',
  'content_not_found',
  'not_enough_information',
  'no_action',
  'content_already_removed',
];

/** Google's name of a country (its files), else the English ISO name. */
export function googleCountryName(code: string): string {
  return googleCountryNames[code] ?? countryName(code, 'en');
}

/**
 * A share as Google prints it: a whole percentage; blank when exactly zero items, `0` when some
 * items but under 0.5 %.
 */
export function googlePercent(count: number, total: number): string {
  if (count === 0 || total === 0) return '';
  return String(Math.round((count / total) * 100));
}

type RequesterInput = {
  period: string;
  country: string;
  authorityKind: string;
  requests: number;
  items: number;
  outcomes: Record<string, number>;
};

/** Rows of the requester file: authority kinds that share a Requestor are added up. */
export function googleRequesterRows(rows: readonly RequesterInput[]): string[][] {
  const merged = new Map<string, RequesterInput & { requestor: string }>();
  for (const r of rows) {
    const requestor = googleRequestors[r.authorityKind as AuthorityKind] ?? 'Other';
    const key = `${r.period}|${r.country}|${requestor}`;
    const m = merged.get(key);
    if (!m) merged.set(key, { ...r, requestor, outcomes: { ...r.outcomes } });
    else {
      m.requests += r.requests;
      m.items += r.items;
      for (const [k, v] of Object.entries(r.outcomes)) m.outcomes[k] = (m.outcomes[k] ?? 0) + v;
    }
  }
  return [...merged.values()]
    .sort(
      (a, b) =>
        cmp(a.period, b.period) ||
        cmp(googleCountryName(a.country), googleCountryName(b.country)) ||
        cmp(a.requestor, b.requestor),
    )
    .map((r) => [
      periodEnding(halfYearOf(r.period)),
      googleCountryName(r.country),
      r.country,
      r.requestor,
      String(r.requests),
      String(r.items),
      ...googleOutcomeOrder.map((o) => googlePercent(r.outcomes[o] ?? 0, r.items)),
    ]);
}

/** Rows of the product × reason file: each request once, in its product and reason. */
export function googleProductReasonRows(
  rows: readonly { period: string; country: string; product: string; reason: string; requests: number }[],
): string[][] {
  return [...rows]
    .sort(
      (a, b) =>
        cmp(a.period, b.period) ||
        cmp(googleCountryName(a.country), googleCountryName(b.country)) ||
        cmp(a.product, b.product) ||
        cmp(a.reason, b.reason),
    )
    .map((r) => [
      periodEnding(halfYearOf(r.period)),
      googleCountryName(r.country),
      r.country,
      r.product,
      r.reason,
      String(r.requests),
    ]);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
