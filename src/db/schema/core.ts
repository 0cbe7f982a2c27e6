/**
 * The core tables: authorities, requests, items, decisions, their history, and reviewer accounts.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  char,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { staffRoles } from '../../domain/permissions.js';
import type { AppliedRule } from '../../domain/regimes/deadline-engine.js';
import { deadlineBases } from '../../domain/regimes/vocabulary.js';
import {
  authorityKinds,
  channels,
  outcomes,
  reasons,
  requestKinds,
  requestStatuses,
  targetKinds,
} from '../../domain/vocabulary.js';

export const authorityKind = pgEnum('authority_kind', authorityKinds);
export const requestKind = pgEnum('request_kind', requestKinds);
export const requestChannel = pgEnum('request_channel', channels);
export const requestStatus = pgEnum('request_status', requestStatuses);
export const targetKind = pgEnum('target_kind', targetKinds);
export const itemOutcome = pgEnum('item_outcome', outcomes);
export const reasonCategory = pgEnum('reason_category', reasons);
export const userRole = pgEnum('user_role', staffRoles);
export const deadlineBasis = pgEnum('deadline_basis', deadlineBases);

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** Null for an account that signs in only through the OpenID Connect provider. */
    passwordHash: text('password_hash'),
    role: userRole('role').notNull().default('reviewer'),
    /** The provider's issuer and `sub` of an account that signs in through OpenID Connect. */
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    /** A disabled account cannot sign in; its sessions are ended when it is disabled. */
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    uniqueIndex('users_oidc_key').on(t.oidcIssuer, t.oidcSubject),
  ],
);

/** Signed-in sessions. Only a SHA-256 of the bearer token is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const authorities = pgTable(
  'authorities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    country: char('country', { length: 2 }).notNull(),
    name: text('name').notNull(),
    kind: authorityKind('kind').notNull(),
    /** IANA zone the authority works in, offered when its orders are recorded; null when not known. */
    timeZone: text('time_zone'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('authorities_country_name_key').on(t.country, t.name),
    check('authorities_country_format', sql`${t.country} ~ '^[A-Z]{2}$'`),
  ],
);

export const requestReferenceSeq = pgSequence('request_reference_seq', { startWith: 1 });

export const requests = pgTable(
  'requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** A short human reference, `WR-000123`, quoted in correspondence with the authority. */
    // WR-000123 up to six digits, then as many as it takes (lpad alone cut WR-1000000 to WR-100000).
    reference: text('reference').notNull().default(sql`writ_next_reference()`),
    kind: requestKind('kind').notNull(),
    authorityId: uuid('authority_id')
      .notNull()
      .references(() => authorities.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** IANA zone of the issuing authority, for showing times as the authority sees them. */
    authorityTimeZone: text('authority_time_zone').notNull(),
    legalBasis: text('legal_basis').notNull(),
    claimedCategories: text('claimed_categories').array().notNull().default(sql`'{}'::text[]`),
    channel: requestChannel('channel').notNull(),
    authorityReference: text('authority_reference'),
    status: requestStatus('status').notNull().default('received'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    dueBasis: text('due_basis').notNull(),
    /** The rule pack regime the order falls under (rules/<id>.yaml); null: none named, policy deadline. */
    regimeId: text('regime_id'),
    /** The regime's category for the order (e.g. child_cyberbullying), which picks the deadline rule. */
    category: text('category'),
    /** The period the order itself sets, where the law leaves it to the order. */
    periodSetInOrderHours: doublePrecision('period_set_in_order_hours'),
    /** What the due date rests on: law (hours in the law), policy (platform target) or order. */
    deadlineBasis: deadlineBasis('deadline_basis').notNull().default('policy'),
    /** `regime/rule` and the pack version applied; kept so that a later pack change never moves the deadline silently. */
    deadlineRuleId: text('deadline_rule_id'),
    deadlineRuleVersion: integer('deadline_rule_version'),
    /** The applied rule in full (hours, clock, quoted source) as it stood when the deadline was computed. */
    deadlineRule: jsonb('deadline_rule').$type<AppliedRule>(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Who signed the order for the issuing authority (name and office), as stated in it. */
    signer: text('signer'),
    /** The authority's statement of reasons, in the order's own language. */
    statementOfReasons: text('statement_of_reasons'),
    /** Where the authority asks for the action (ISO countries); null when the order does not say. */
    requestedScope: char('requested_scope', { length: 2 }).array(),
    /** The redress the order names (how the platform or the user can challenge it). */
    redress: text('redress'),
    /** The order's language (BCP 47, `ru`, `kk`, `en`). */
    language: text('language'),
    /** Elements the regime requires that the order lacks ([{ element, reason }]); empty when complete. */
    missingElements: jsonb('missing_elements').$type<{ element: string; reason: string }[]>().notNull().default(sql`'[]'::jsonb`),
    /** Since when the deadline's clock stands still (waiting for a clarification, where the regime stops it). */
    clockPausedAt: timestamp('clock_paused_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    /** Who has claimed the order (the queue's assignee); null when nobody has. */
    assigneeId: uuid('assignee_id').references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('requests_reference_key').on(t.reference),
    index('requests_assignee_idx').on(t.assigneeId).where(sql`${t.assigneeId} IS NOT NULL`),
    index('requests_status_due_idx').on(t.status, t.dueAt),
    // The reviewers' queue: open requests, soonest deadline first, read a page at a time.
    index('requests_open_due_idx')
      .on(t.dueAt, t.reference)
      .where(sql`${t.status} IN ('received', 'in_review', 'needs_clarification')`),
    index('requests_authority_idx').on(t.authorityId),
    index('requests_received_idx').on(t.receivedAt),
    index('requests_regime_idx').on(t.regimeId),
  ],
);

export const items = pgTable(
  'items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    targetKind: targetKind('target_kind').notNull(),
    target: text('target').notNull(),
    product: text('product').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('items_request_position_key').on(t.requestId, t.position)],
);

/** The current decision on an item; every change is also recorded in `events`. */
export const decisions = pgTable('decisions', {
  itemId: uuid('item_id')
    .primaryKey()
    .references(() => items.id, { onDelete: 'cascade' }),
  outcome: itemOutcome('outcome').notNull(),
  reason: reasonCategory('reason').notNull(),
  /** `null` means worldwide; otherwise the ISO countries the action applies in. */
  scopeCountries: char('scope_countries', { length: 2 }).array(),
  rationale: text('rationale').notNull(),
  decidedBy: uuid('decided_by')
    .notNull()
    .references(() => users.id),
  decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  /** For the public request database: what was done and why, without private detail. */
  publicSummary: text('public_summary'),
  /** Worth telling in the transparency report; `caseStudy` is then its text. */
  publicInterest: boolean('public_interest').notNull().default(false),
  caseStudy: text('case_study'),
  /** The second person who signed off a sensitive action (never the decider). */
  signedOffBy: uuid('signed_off_by').references(() => users.id),
  signedOffAt: timestamp('signed_off_at', { withTimezone: true }),
});

/** Append-only history of every change to a request, its items and decisions. */
export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id'),
    type: text('type').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    /** The authority's officer who acted (authority channel); actor_id is then null. */
    actorOfficerId: uuid('actor_officer_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    before: jsonb('before'),
    after: jsonb('after'),
    note: text('note'),
  },
  (t) => [index('events_request_idx').on(t.requestId, t.id)],
);

/** Key-value facts about this installation (e.g. when demo data was seeded). */
export const installation = pgTable('installation', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
