/**
 * Item outcomes from Google's requester file, which publishes them as whole percentages of a
 * row's items: blank means no item, `0` means some items but under 0.5%.
 *
 * For each row, the percentages allow a range of item counts per outcome (the counts whose share
 * rounds to the published percentage, which must also add up to the row's items). When every range
 * holds a single count — always so for rows of up to 100 items — the counts are exact. Otherwise
 * the row's items are shared out in proportion to the published percentages (an estimate; a `0`
 * outcome then gets none). Method and worked example: docs/methodology.md.
 */
import type { OutcomePercents } from './google-archive.js';

export const outcomeKeys = [
  'removedLegal',
  'removedPolicy',
  'contentNotFound',
  'notEnoughInformation',
  'noActionTaken',
  'contentAlreadyRemoved',
] as const;
export type OutcomeKey = (typeof outcomeKeys)[number];
export type ItemOutcomes = Record<OutcomeKey, number>;

export const noOutcomes = (): ItemOutcomes => ({
  removedLegal: 0,
  removedPolicy: 0,
  contentNotFound: 0,
  notEnoughInformation: 0,
  noActionTaken: 0,
  contentAlreadyRemoved: 0,
});

export type Bounds = { low: number; high: number };

/** The item counts each outcome can have, given the row's items and its published percentages. */
export function outcomeBounds(items: number, percents: OutcomePercents): Bounds[] {
  const bounds = percents.map((p): Bounds => {
    if (p === null) return { low: 0, high: 0 };
    // Inclusive at both ends: the rounding rule at exactly .5 is not published.
    const low = Math.max(p === 0 ? 1 : 0, Math.ceil((items * (p - 0.5)) / 100 - 1e-9));
    const high = Math.min(items, Math.floor((items * (p + 0.5)) / 100 + 1e-9));
    return { low, high };
  });
  // The counts add up to the row's items: each range is narrowed by what the others allow.
  for (let changed = true, rounds = 0; changed && rounds < 10; rounds++) {
    changed = false;
    const lowSum = bounds.reduce((s, b) => s + b.low, 0);
    const highSum = bounds.reduce((s, b) => s + b.high, 0);
    for (const b of bounds) {
      const low = Math.max(b.low, items - (highSum - b.high));
      const high = Math.min(b.high, items - (lowSum - b.low));
      if (low !== b.low || high !== b.high) {
        b.low = low;
        b.high = high;
        changed = true;
      }
    }
  }
  return bounds;
}

/** One row's outcome counts: exact when the percentages allow only one set of counts, else estimated. */
export function rowOutcomes(items: number, percents: OutcomePercents): { counts: number[]; exact: boolean } {
  const bounds = outcomeBounds(items, percents);
  const consistent = bounds.every((b) => b.low <= b.high);
  if (consistent && bounds.every((b) => b.low === b.high) && bounds.reduce((s, b) => s + b.low, 0) === items)
    return { counts: bounds.map((b) => b.low), exact: true };
  const total = percents.reduce<number>((s, p) => s + (p ?? 0), 0);
  return { counts: percents.map((p) => (total === 0 ? 0 : (items * (p ?? 0)) / total)), exact: false };
}

/** Item outcomes of several requester rows, and whether every row's counts are exact. */
export function sumOutcomes(rows: { items: number; percents: OutcomePercents }[]): { outcomes: ItemOutcomes; exact: boolean } {
  const outcomes = noOutcomes();
  let exact = rows.length > 0;
  for (const row of rows) {
    const r = rowOutcomes(row.items, row.percents);
    exact &&= r.exact;
    outcomeKeys.forEach((key, i) => {
      outcomes[key] += r.counts[i]!;
    });
  }
  return { outcomes, exact };
}

/** Rounded to hundredths for publication: estimates are fractions of items. */
export function roundOutcomes(outcomes: ItemOutcomes): ItemOutcomes {
  return Object.fromEntries(outcomeKeys.map((k) => [k, Math.round(outcomes[k] * 100) / 100])) as ItemOutcomes;
}
