/**
 * Requests for user data (issue 11): what a data order names (its legal process, accounts, data
 * categories, period, non-disclosure order, emergency), the decision on each account, the
 * post-hoc review of an emergency disclosure, preservation holds, and produced packages. The
 * order itself is a `requests` row of a data kind (src/domain/data-request.ts); its accounts take
 * the place a removal order's items have.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  accountIdentifierKinds,
  dataCategories,
  emergencyThreats,
  legalProcesses,
  productionExtents,
  refusalReasons,
} from '../../domain/data-request.js';
import { requests, users } from './core.js';

const at = (name: string) => timestamp(name, { withTimezone: true });
const createdAt = () => at('created_at').notNull().defaultNow();

export const legalProcess = pgEnum('legal_process', legalProcesses);
export const accountIdentifierKind = pgEnum('account_identifier_kind', accountIdentifierKinds);
export const dataCategory = pgEnum('data_category', dataCategories);
export const emergencyThreat = pgEnum('emergency_threat', emergencyThreats);
export const productionExtent = pgEnum('production_extent', productionExtents);
export const refusalReason = pgEnum('refusal_reason', refusalReasons);
export const emergencyConclusion = pgEnum('emergency_conclusion', ['justified', 'not_justified']);
export const holdRelease = pgEnum('hold_release', ['expired', 'released_by_reviewer', 'order_withdrawn']);

/** What a data order names besides the common particulars; one row per data order. */
export const dataRequests = pgTable('data_requests', {
  requestId: uuid('request_id')
    .primaryKey()
    .references(() => requests.id, { onDelete: 'cascade' }),
  legalProcess: legalProcess('legal_process').notNull(),
  categories: dataCategory('categories').array().notNull().default(sql`'{}'`),
  dateFrom: at('date_from'),
  dateTo: at('date_to'),
  /** The end of a non-disclosure order; null: the order has none. */
  nonDisclosureUntil: at('non_disclosure_until'),
  emergencyThreat: emergencyThreat('emergency_threat'),
  emergencyJustification: text('emergency_justification'),
});

/** The accounts a data order names, in its order. */
export const dataAccounts = pgTable(
  'data_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    identifierKind: accountIdentifierKind('identifier_kind').notNull(),
    identifier: text('identifier').notNull(),
    /** The time window an IP address was used in (optional for other kinds). */
    windowFrom: at('window_from'),
    windowTo: at('window_to'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('data_accounts_request_position_key').on(t.requestId, t.position),
    index('data_accounts_identifier_idx').on(t.identifierKind, sql`lower(${t.identifier})`),
  ],
);

/** The current decision on an account; every change is also recorded in `events`. */
export const accountDecisions = pgTable('account_decisions', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => dataAccounts.id, { onDelete: 'cascade' }),
  extent: productionExtent('extent').notNull(),
  producedCategories: dataCategory('produced_categories').array().notNull().default(sql`'{}'`),
  refusalReason: refusalReason('refusal_reason'),
  legalBasis: text('legal_basis').notNull(),
  rationale: text('rationale').notNull(),
  decidedBy: uuid('decided_by')
    .notNull()
    .references(() => users.id),
  decidedAt: at('decided_at').notNull(),
});

/**
 * An emergency disclosure is decided fast and reviewed afterwards: the review and the legal process
 * the authority must send after it are tracked here, each with its due date.
 */
export const emergencyReviews = pgTable('emergency_reviews', {
  requestId: uuid('request_id')
    .primaryKey()
    .references(() => requests.id, { onDelete: 'cascade' }),
  reviewDueAt: at('review_due_at').notNull(),
  followUpDueAt: at('follow_up_due_at').notNull(),
  reviewedAt: at('reviewed_at'),
  reviewedBy: uuid('reviewed_by').references(() => users.id),
  conclusion: emergencyConclusion('conclusion'),
  reviewNote: text('review_note'),
  /** The order that brought the follow-up legal process, once it arrived. */
  followUpRequestId: uuid('follow_up_request_id').references(() => requests.id),
  followUpReceivedAt: at('follow_up_received_at'),
  createdAt: createdAt(),
});

/** A preservation hold: one account's data frozen until it expires, is released, or legal process arrives. */
export const preservationHolds = pgTable(
  'preservation_holds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => dataAccounts.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    categories: dataCategory('categories').array().notNull().default(sql`'{}'`),
    preservedAt: at('preserved_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    /** How many times the hold was extended (at most once, by default). */
    extensions: integer('extensions').notNull().default(0),
    remindedAt: at('reminded_at'),
    /** The data order (legal process) that arrived for the account: the hold then outlives its expiry. */
    legalProcessRequestId: uuid('legal_process_request_id').references(() => requests.id),
    legalProcessAt: at('legal_process_at'),
    releasedAt: at('released_at'),
    releaseReason: holdRelease('release_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('preservation_holds_account_key').on(t.accountId),
    index('preservation_holds_due_idx').on(t.expiresAt).where(sql`${t.releasedAt} IS NULL`),
    check('preservation_holds_release', sql`(${t.releasedAt} IS NULL) = (${t.releaseReason} IS NULL)`),
  ],
);

/**
 * A production: the package (zip of the files with a manifest of their SHA-256) delivered to the
 * requesting authority, stored through the storage interface under its id, downloadable until
 * `availableUntil`. Every download is an event on the order.
 */
export const productions = pgTable(
  'productions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    /** The manifest inside the zip: reference, files (name, size, sha256), accounts. */
    manifest: jsonb('manifest').notNull(),
    availableUntil: at('available_until').notNull(),
    revokedAt: at('revoked_at'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('productions_request_idx').on(t.requestId)],
);
