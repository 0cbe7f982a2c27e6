/**
 * What the static site is built from: every record row (published or withdrawn) and the names of
 * the files written beside the pages. Also the figures the overview and country pages count from
 * the published records (withdrawn ones are not counted).
 */
import type { SiteTable } from '../app/public-site.js';
import type { PublicRecord, PublicTombstone } from '../domain/public-record.js';

/** One row of the public request database, as `publicRecords.page` returns it. */
export type RecordRow = {
  publicId: string;
  version: number;
  leafIndex: number;
  record: PublicRecord | null;
  tombstone: PublicTombstone | null;
};

export type SiteModel = {
  /** Every record and tombstone, in public id order. */
  rows: RecordRow[];
  /** The site's public address (for citations). */
  siteUrl: string;
  generatedAt: Date;
  /** Files under downloads/ (names) with their sizes in bytes. */
  downloads: { name: string; bytes: number }[];
  /** Countries that have a feed (feeds/{country}.atom). */
  feedCountries: string[];
  /** Every table and chart's data from the reports (E's siteTables): `overview`, `country-KZ-2026-H1-outcomes` … */
  tables: SiteTable[];
  /** The citation line of a record (B1's citationOf). */
  citation: (record: PublicRecord) => string;
};

export const publishedRecords = (model: SiteModel): PublicRecord[] =>
  model.rows.flatMap((row) => (row.record && !row.tombstone ? [row.record] : []));

/** Half-years in order, countries A–Z, and the count of published records for each pair. */
export function countryPeriodCounts(records: readonly PublicRecord[]) {
  const counts = new Map<string, Map<string, number>>();
  const periods = new Set<string>();
  for (const r of records) {
    periods.add(r.period);
    const byPeriod = counts.get(r.country) ?? new Map<string, number>();
    byPeriod.set(r.period, (byPeriod.get(r.period) ?? 0) + 1);
    counts.set(r.country, byPeriod);
  }
  return { countries: [...counts.keys()].sort(), periods: [...periods].sort(), counts };
}

/** Tally `keys` into [key, count] pairs, largest first then by key. */
export function tally(keys: Iterable<string>): [string, number][] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Whole days from receipt to decision. */
export function daysToDecide(record: PublicRecord): number {
  const ms = Date.parse(`${record.decidedOn}T00:00:00Z`) - Date.parse(`${record.receivedOn}T00:00:00Z`);
  return Math.max(0, Math.round(ms / 86_400_000));
}

export const dayBuckets = [
  ['sameDay', 0, 0],
  ['upTo3', 1, 3],
  ['upTo7', 4, 7],
  ['upTo30', 8, 30],
  ['over30', 31, Number.POSITIVE_INFINITY],
] as const;

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}
