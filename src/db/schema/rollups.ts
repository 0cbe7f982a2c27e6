/**
 * The report's figures, kept up to date in the transaction that changes them (src/db/rollups.ts),
 * so that the public report, its index and the timeline read a few rows instead of every item.
 *
 * Each row is a partial sum: writers add to the row of their `slot` (their backend's number modulo
 * 16), so that concurrent intake does not queue on one hot row, and readers add the slots up.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, char, index, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';

/**
 * Per country and half-year (UTC, by the time received): requests and items by one dimension at a
 * time. Dimensions: `requests` (key ''), `kind`, `requester_kind`, `product` (the product most of
 * the request's items name), `reason` (the reason most of its decided items give; '' while none is
 * decided), `demo` (demo requests, by kind) and `outcome` (items by their decision's outcome, or
 * `pending`; `requests` is 0 there).
 */
export const reportRollup = pgTable(
  'report_rollup',
  {
    country: char('country', { length: 2 }).notNull(),
    period: text('period').notNull(),
    dimension: text('dimension').notNull(),
    key: text('key').notNull(),
    slot: smallint('slot').notNull(),
    requests: bigint('requests', { mode: 'number' }).notNull(),
    items: bigint('items', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.country, t.period, t.dimension, t.key, t.slot] }),
    index('report_rollup_totals_idx').on(t.country, t.period).where(sql`dimension = 'requests'`),
  ],
);

/**
 * Decided requests (status decided or closed) per country, half-year and regime ('' for none):
 * how long each took, in microseconds from receipt to decision, and whether it met its deadline.
 */
export const decisionTimeRollup = pgTable(
  'decision_time_rollup',
  {
    country: char('country', { length: 2 }).notNull(),
    period: text('period').notNull(),
    regimeId: text('regime_id').notNull(),
    met: boolean('met').notNull(),
    durationUs: bigint('duration_us', { mode: 'number' }).notNull(),
    slot: smallint('slot').notNull(),
    requests: bigint('requests', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.country, t.period, t.regimeId, t.met, t.durationUs, t.slot] })],
);
