/**
 * Other platforms' published transparency data (Google's government-removals archive, its JSON
 * repackaging, Meta's government requests for user data), stored close to the published files so
 * that every figure can be traced back to a file and a line. Definitions: docs/methodology.md.
 *
 * Periods are half-years written `2021-H1`; the text sorts in time order.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const period = (name = 'period') => text(name).notNull();
const periodCheck = (column: unknown, name: string) => check(name, sql`${column} ~ '^[0-9]{4}-H[12]$'`);
const countryCheck = (column: unknown, name: string) => check(name, sql`${column} ~ '^[A-Z]{2}$'`);

/** One import of a published file set; the same files twice (same content hash) are one import. */
export const datasetImports = pgTable(
  'dataset_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    source: text('source').notNull(),
    /** The last period the import covers: how Google and Meta publications are told apart. */
    vintage: period('vintage'),
    /** SHA-256 over the data files' own hashes (by role), so a zip and its extracted folder match. */
    contentHash: text('content_hash').notNull(),
    /** [{ name, role, sha256, bytes, rows }] */
    files: jsonb('files').notNull(),
    rowsRead: integer('rows_read').notNull(),
    rowsStored: integer('rows_stored').notNull(),
    /** [{ file, line, message }] */
    warnings: jsonb('warnings').notNull(),
    /** [{ part, period }] this import replaced, and those a newer vintage kept. */
    periodsReplaced: jsonb('periods_replaced').notNull(),
    periodsKept: jsonb('periods_kept').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dataset_imports_source_hash_key').on(t.source, t.contentHash),
    periodCheck(t.vintage, 'dataset_imports_vintage'),
  ],
);

/** Which import currently holds each part (file kind) and period of a source. */
export const datasetCoverage = pgTable(
  'dataset_coverage',
  {
    source: text('source').notNull(),
    part: text('part').notNull(),
    period: period(),
    importId: uuid('import_id')
      .notNull()
      .references(() => datasetImports.id),
    vintage: period('vintage'),
  },
  (t) => [primaryKey({ columns: [t.source, t.part, t.period] }), index('dataset_coverage_import_idx').on(t.importId)],
);

const importId = () =>
  uuid('import_id')
    .notNull()
    .references(() => datasetImports.id);

/**
 * Google: requests by product and reason. `part` is `product-reason` (the current detailed file,
 * `requests` = its Total) or `historical-product-reason` (court orders + executive requests, items).
 */
export const googleRemovalsByProduct = pgTable(
  'google_removals_by_product',
  {
    importId: importId(),
    part: text('part').notNull(),
    period: period(),
    country: text('country').notNull(),
    countryName: text('country_name').notNull(),
    product: text('product').notNull(),
    /** null where Google published no reason (before 2010-H2). */
    reason: text('reason'),
    requests: integer('requests').notNull(),
    courtOrders: integer('court_orders'),
    executiveRequests: integer('executive_requests'),
    items: integer('items'),
    line: integer('line').notNull(),
  },
  (t) => [
    index('google_removals_by_product_country_idx').on(t.country, t.period),
    index('google_removals_by_product_period_idx').on(t.part, t.period),
    periodCheck(t.period, 'google_removals_by_product_period'),
    countryCheck(t.country, 'google_removals_by_product_country'),
  ],
);

/** Google: requests and items by requester, with the six item outcomes as published (whole % of items; null = blank). */
export const googleRemovalsByRequester = pgTable(
  'google_removals_by_requester',
  {
    importId: importId(),
    period: period(),
    country: text('country').notNull(),
    countryName: text('country_name').notNull(),
    requester: text('requester').notNull(),
    requests: integer('requests').notNull(),
    items: integer('items').notNull(),
    removedLegalPct: smallint('removed_legal_pct'),
    removedPolicyPct: smallint('removed_policy_pct'),
    contentNotFoundPct: smallint('content_not_found_pct'),
    notEnoughInformationPct: smallint('not_enough_information_pct'),
    noActionTakenPct: smallint('no_action_taken_pct'),
    contentAlreadyRemovedPct: smallint('content_already_removed_pct'),
    line: integer('line').notNull(),
  },
  (t) => [
    index('google_removals_by_requester_country_idx').on(t.country, t.period),
    index('google_removals_by_requester_period_idx').on(t.period),
    periodCheck(t.period, 'google_removals_by_requester_period'),
    countryCheck(t.country, 'google_removals_by_requester_country'),
  ],
);

/**
 * Google's historical per-country summary (to 2019-H1). A figure published as `<10` or `?` is
 * null, with the text kept in the matching `*_as_published` column.
 */
export const googleRemovalsSummary = pgTable(
  'google_removals_summary',
  {
    importId: importId(),
    period: period(),
    country: text('country').notNull(),
    countryName: text('country_name').notNull(),
    requests: integer('requests'),
    requestsAsPublished: text('requests_as_published'),
    compliedPct: smallint('complied_pct'),
    items: integer('items'),
    itemsAsPublished: text('items_as_published'),
    courtRequests: integer('court_requests'),
    courtItems: integer('court_items'),
    otherRequests: integer('other_requests'),
    otherItems: integer('other_items'),
    line: integer('line').notNull(),
  },
  (t) => [
    index('google_removals_summary_country_idx').on(t.country, t.period),
    periodCheck(t.period, 'google_removals_summary_period'),
    countryCheck(t.country, 'google_removals_summary_country'),
  ],
);

/** The third-party JSON repackaging: requester × product × reason with integer item outcomes. */
export const googleRemovalsJsonRows = pgTable(
  'google_removals_json_rows',
  {
    importId: importId(),
    period: period(),
    country: text('country').notNull(),
    countryName: text('country_name').notNull(),
    requester: text('requester').notNull(),
    product: text('product').notNull(),
    reason: text('reason').notNull(),
    requests: integer('requests').notNull(),
    items: integer('items').notNull(),
    removedLegal: integer('removed_legal').notNull(),
    removedPolicy: integer('removed_policy').notNull(),
    contentNotFound: integer('content_not_found').notNull(),
    notEnoughInformation: integer('not_enough_information').notNull(),
    noActionTaken: integer('no_action_taken').notNull(),
    contentAlreadyRemoved: integer('content_already_removed').notNull(),
    /** Index in the file's `rows` array. */
    line: integer('line').notNull(),
  },
  (t) => [
    index('google_removals_json_rows_country_idx').on(t.country, t.period),
    index('google_removals_json_rows_period_idx').on(t.period),
    periodCheck(t.period, 'google_removals_json_rows_period'),
    countryCheck(t.country, 'google_removals_json_rows_country'),
  ],
);

/** Meta: government requests for user data, one row per country and half-year. null = blank or not a number. */
export const metaDataRequests = pgTable(
  'meta_data_requests',
  {
    importId: importId(),
    period: period(),
    country: text('country').notNull(),
    countryName: text('country_name').notNull(),
    /** A, B or C: Meta's three header generations. */
    layout: text('layout').notNull(),
    requests: integer('requests'),
    requestsAsPublished: text('requests_as_published'),
    requestsSomeData: integer('requests_some_data'),
    accounts: integer('accounts'),
    accountsAsPublished: text('accounts_as_published'),
    someDataPct: smallint('some_data_pct'),
    legalRequests: integer('legal_requests'),
    legalAccounts: integer('legal_accounts'),
    emergencyRequests: integer('emergency_requests'),
    emergencyAccounts: integer('emergency_accounts'),
    preservationRequests: integer('preservation_requests'),
    preservationAccounts: integer('preservation_accounts'),
    line: integer('line').notNull(),
  },
  (t) => [
    uniqueIndex('meta_data_requests_country_period_key').on(t.country, t.period),
    index('meta_data_requests_period_idx').on(t.period),
    periodCheck(t.period, 'meta_data_requests_period'),
    countryCheck(t.country, 'meta_data_requests_country'),
  ],
);

/**
 * Meta: content restricted under local law (part `restrictions`: `items` is the file's total, with
 * its product columns in `by_product`) and internet disruptions (part `disruptions`, from the
 * "Internet Disruptions" column of the 2016-H1 … 2018-H2 requests files). One row per part,
 * country and half-year; null = a marker (`N/A`) was published instead of a number.
 */
export const metaContentRestrictions = pgTable(
  'meta_content_restrictions',
  {
    importId: importId(),
    part: text('part').notNull(),
    period: period(),
    country: text('country').notNull(),
    countryName: text('country_name').notNull(),
    items: integer('items'),
    itemsAsPublished: text('items_as_published'),
    byProduct: jsonb('by_product'),
    internetDisruptions: integer('internet_disruptions'),
    line: integer('line').notNull(),
  },
  (t) => [
    uniqueIndex('meta_content_restrictions_part_country_period_key').on(t.part, t.country, t.period),
    index('meta_content_restrictions_period_idx').on(t.period),
    periodCheck(t.period, 'meta_content_restrictions_period'),
    countryCheck(t.country, 'meta_content_restrictions_country'),
    check('meta_content_restrictions_part', sql`${t.part} IN ('restrictions', 'disruptions')`),
  ],
);
