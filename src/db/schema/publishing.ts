/**
 * Transparency publishing (issue 13): a decided order's publication (its chosen redactions and the
 * reviewer's approval), the public records (the only rows any public surface reads), their versions,
 * and the transparency log: an append-only Merkle tree (RFC 9162) of every published record, correction
 * and withdrawal, with its signed checkpoints.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { PublicRecord, PublicTombstone } from '../../domain/public-record.js';
import { logEntryKinds, type PersonalDataKind, publicationStatuses } from '../../domain/publishing-vocabulary.js';
import { authorityKind, requests, users } from './core.js';

const at = (name: string) => timestamp(name, { withTimezone: true });
const createdAt = () => at('created_at').notNull().defaultNow();

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const publicationStatus = pgEnum('publication_status', publicationStatuses);
export const logEntryKind = pgEnum('log_entry_kind', logEntryKinds);

/**
 * One span chosen for redaction in one field of the public record. `field` is `legalBasis`,
 * `summary`, `caseStudy` or `target:<item position>`; offsets are UTF-16 code units of the original text.
 */
export type StoredRedaction = { field: string; start: number; end: number; kind: PersonalDataKind };

/** A decided order's way to the public: redactions chosen, approval, publication, withdrawal. */
export const publications = pgTable(
  'publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    /** The public identifier and URL segment: the order's reference, `WR-000123`. */
    publicId: text('public_id').notNull(),
    status: publicationStatus('status').notNull().default('draft'),
    /** The spans the reviewer chose to redact (proposed ones accepted, manual ones added). */
    redactions: jsonb('redactions').$type<StoredRedaction[]>().notNull().default(sql`'[]'::jsonb`),
    /** Names the reviewer marked: redacted wherever they occur. */
    markedNames: text('marked_names').array().notNull().default(sql`'{}'::text[]`),
    /** The order concerns a child (set by the reviewer, or implied by its category): nothing about it is shown. */
    concernsChild: boolean('concerns_child').notNull().default(false),
    /** Why a published record was corrected (shown with the new version). */
    correctionNote: text('correction_note'),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: at('approved_at'),
    /** Approval plus the configured delay; the record is published at the first sweep after it, unless gagged. */
    publishAfter: at('publish_after'),
    publishedAt: at('published_at'),
    withdrawnAt: at('withdrawn_at'),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    /** The public reason for a withdrawal (shown on the tombstone). */
    withdrawalReason: text('withdrawal_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('publications_request_key').on(t.requestId),
    uniqueIndex('publications_public_id_key').on(t.publicId),
    index('publications_due_idx').on(t.publishAfter).where(sql`${t.status} = 'approved'`),
  ],
);

/**
 * The public request database: one row per public record, its current version (or its tombstone).
 * Every public surface reads these rows and nothing else of an order.
 */
export const publicRecords = pgTable(
  'public_records',
  {
    publicId: text('public_id').primaryKey(),
    publicationId: uuid('publication_id')
      .notNull()
      .references(() => publications.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** The record as published (redacted); kept after a withdrawal only for the log, never served. */
    record: jsonb('record').$type<PublicRecord>().notNull(),
    /** Set when withdrawn: what the URL then shows. */
    tombstone: jsonb('tombstone').$type<PublicTombstone>(),
    // Facets, copied from the record for counting.
    country: char('country', { length: 2 }).notNull(),
    authorityKind: authorityKind('authority_kind').notNull(),
    regimeId: text('regime_id'),
    reasons: text('reasons').array().notNull().default(sql`'{}'::text[]`),
    outcomes: text('outcomes').array().notNull().default(sql`'{}'::text[]`),
    period: text('period').notNull(),
    decidedOn: text('decided_on').notNull(),
    publishedAt: at('published_at').notNull(),
    withdrawnAt: at('withdrawn_at'),
    /** The redacted text that search reads (authority, legal basis, targets, summary, case study). */
    searchText: text('search_text').notNull(),
    /** `search_text` as the `russian` configuration reads it, and a term per facet value: writ_public_search(), migration 0019. */
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(sql`writ_public_search(search_text, country, authority_kind, regime_id, reasons, outcomes, period)`),
    /** The log entry of the current version. */
    leafIndex: bigint('leaf_index', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('public_records_search_idx').using('gin', t.search),
    index('public_records_country_idx').on(t.country, t.period),
    index('public_records_period_idx').on(t.period),
    index('public_records_published_idx').on(t.publishedAt),
    index('public_records_reasons_idx').using('gin', t.reasons),
    index('public_records_outcomes_idx').using('gin', t.outcomes),
  ],
);

/** Every version ever published of every record, and each withdrawal (append-only). */
export const publicRecordVersions = pgTable(
  'public_record_versions',
  {
    publicId: text('public_id').notNull(),
    version: integer('version').notNull(),
    kind: logEntryKind('kind').notNull(),
    /** The record of that version, or the tombstone of a withdrawal. */
    body: jsonb('body').$type<PublicRecord | PublicTombstone>().notNull(),
    leafIndex: bigint('leaf_index', { mode: 'number' }).notNull(),
    at: at('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.publicId, t.version] })],
);

/**
 * The transparency log (append-only): leaf i is the canonical bytes of one publish, correct or
 * withdraw entry (src/domain/transparency-log.ts); `leaf_hash` = SHA-256(0x00 || leaf).
 */
export const transparencyLog = pgTable(
  'transparency_log',
  {
    leafIndex: bigint('leaf_index', { mode: 'number' }).primaryKey(),
    kind: logEntryKind('kind').notNull(),
    publicId: text('public_id').notNull(),
    version: integer('version').notNull(),
    leaf: bytea('leaf').notNull(),
    leafHash: bytea('leaf_hash').notNull(),
    appendedAt: at('appended_at').notNull(),
  },
  (t) => [uniqueIndex('transparency_log_entry_key').on(t.publicId, t.version)],
);

/** Signed tree heads (C2SP checkpoints), one per tree size that was signed. */
export const logCheckpoints = pgTable('log_checkpoints', {
  treeSize: bigint('tree_size', { mode: 'number' }).primaryKey(),
  rootHash: bytea('root_hash').notNull(),
  /** The signed note exactly as published. */
  note: text('note').notNull(),
  signedAt: at('signed_at').notNull(),
});
