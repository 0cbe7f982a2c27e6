/**
 * The review workflow (issue 12): review stages per reason category and per item, proposals that
 * wait for a second person's sign-off, pushback against an order, notices to affected users and
 * their appeals, enforcement calls to the platform's content system, calls to the platform's other
 * systems (the sinks), deadline alerts, and the hash-chained audit log.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  char,
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
import {
  appealStatuses,
  enforcementActions,
  enforcementStatuses,
  noticeStatuses,
  pushbackKinds,
  pushbackOutcomes,
  reviewFindings,
  reviewStages,
  sinkDeliveryStatuses,
  sinkKinds,
} from '../../domain/review-vocabulary.js';
import { itemOutcome, items, reasonCategory, requests, users } from './core.js';
import { dataAccounts } from './data-requests.js';

const at = (name: string) => timestamp(name, { withTimezone: true });
const createdAt = () => at('created_at').notNull().defaultNow();

export const reviewStage = pgEnum('review_stage', reviewStages);
export const reviewFinding = pgEnum('review_finding', reviewFindings);
export const pushbackKind = pgEnum('pushback_kind', pushbackKinds);
export const pushbackOutcome = pgEnum('pushback_outcome', pushbackOutcomes);
export const noticeStatus = pgEnum('notice_status', noticeStatuses);
export const appealStatus = pgEnum('appeal_status', appealStatuses);
export const enforcementAction = pgEnum('enforcement_action', enforcementActions);
export const enforcementStatus = pgEnum('enforcement_status', enforcementStatuses);
export const sinkKind = pgEnum('sink_kind', sinkKinds);
export const sinkDeliveryStatus = pgEnum('sink_delivery_status', sinkDeliveryStatuses);

/** An admin's setting for one reason category; a category without a row uses the domain's default. */
export const reviewPolicies = pgTable('review_policies', {
  reason: reasonCategory('reason').primaryKey(),
  stages: reviewStage('stages').array().notNull(),
  sensitive: boolean('sensitive').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** An item under staged review: the reason category and sensitive topics the first stage found. */
export const itemReviews = pgTable('item_reviews', {
  itemId: uuid('item_id')
    .primaryKey()
    .references(() => items.id, { onDelete: 'cascade' }),
  requestId: uuid('request_id')
    .notNull()
    .references(() => requests.id, { onDelete: 'cascade' }),
  reason: reasonCategory('reason').notNull(),
  topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
  createdAt: createdAt(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** One stage's finding on one item, by one person (append-only; a new finding supersedes). */
export const reviewSteps = pgTable(
  'review_steps',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    stage: reviewStage('stage').notNull(),
    finding: reviewFinding('finding').notNull(),
    note: text('note').notNull(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    at: at('at').notNull(),
  },
  (t) => [index('review_steps_item_idx').on(t.itemId, t.id), index('review_steps_request_idx').on(t.requestId)],
);

/** A sensitive action proposed by one person, waiting for another's sign-off before it is the decision. */
export const decisionProposals = pgTable('decision_proposals', {
  itemId: uuid('item_id')
    .primaryKey()
    .references(() => items.id, { onDelete: 'cascade' }),
  requestId: uuid('request_id')
    .notNull()
    .references(() => requests.id, { onDelete: 'cascade' }),
  outcome: itemOutcome('outcome').notNull(),
  reason: reasonCategory('reason').notNull(),
  scopeCountries: char('scope_countries', { length: 2 }).array(),
  rationale: text('rationale').notNull(),
  publicSummary: text('public_summary'),
  publicInterest: boolean('public_interest').notNull().default(false),
  caseStudy: text('case_study'),
  proposedBy: uuid('proposed_by')
    .notNull()
    .references(() => users.id),
  proposedAt: at('proposed_at').notNull(),
});

/** The platform pushing back: contesting an order with the authority, or challenging it in court. */
export const pushbacks = pgTable(
  'pushbacks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    kind: pushbackKind('kind').notNull(),
    /** The legal argument, as sent to the authority or the court. */
    argument: text('argument').notNull(),
    /** For a court challenge: the court and its case number. */
    court: text('court'),
    caseNumber: text('case_number'),
    filedAt: at('filed_at').notNull(),
    outcome: pushbackOutcome('outcome').notNull().default('pending'),
    outcomeNote: text('outcome_note'),
    outcomeAt: at('outcome_at'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('pushbacks_request_idx').on(t.requestId)],
);

/** The authority's answers to a pushback (from an officer, or recorded by staff from a letter). */
export const pushbackAnswers = pgTable(
  'pushback_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pushbackId: uuid('pushback_id')
      .notNull()
      .references(() => pushbacks.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    officerId: uuid('officer_id'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    at: at('at').notNull(),
  },
  (t) => [index('pushback_answers_pushback_idx').on(t.pushbackId, t.at)],
);

/** A notice to an affected user about an action on their content or account. */
export const userNotices = pgTable(
  'user_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id').references(() => items.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').references(() => dataAccounts.id, { onDelete: 'cascade' }),
    /** The platform's identifier of the affected account (what its messaging system delivers to). */
    recipient: text('recipient').notNull(),
    /** An address to mail the notice to as well, when the platform has one. */
    recipientEmail: text('recipient_email'),
    status: noticeStatus('status').notNull(),
    /** The end of the non-disclosure order that holds the notice back. */
    heldUntil: at('held_until'),
    /** What the notice says: what was restricted, which authority, the legal basis, how to appeal. */
    content: jsonb('content').notNull(),
    /** SHA-256 of the appeal token the notice carries; the token itself is never stored. */
    appealTokenHash: text('appeal_token_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    sentAt: at('sent_at'),
  },
  (t) => [
    index('user_notices_request_idx').on(t.requestId),
    uniqueIndex('user_notices_appeal_token_key').on(t.appealTokenHash),
    index('user_notices_held_idx').on(t.heldUntil).where(sql`${t.status} = 'held'`),
  ],
);

/** A user's appeal against a decision, reviewed by someone other than the first decider. */
export const appeals = pgTable(
  'appeals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => userNotices.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id').references(() => items.id, { onDelete: 'cascade' }),
    statement: text('statement').notNull(),
    status: appealStatus('status').notNull().default('open'),
    receivedAt: at('received_at').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: at('decided_at'),
    decisionNote: text('decision_note'),
  },
  (t) => [
    index('appeals_request_idx').on(t.requestId),
    index('appeals_open_idx').on(t.receivedAt).where(sql`${t.status} = 'open'`),
  ],
);

/** An action the platform's content system is asked to take for a decision, and its confirmation. */
export const enforcementActionsTable = pgTable(
  'enforcement_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    action: enforcementAction('action').notNull(),
    /** Countries of a restriction; null for removal everywhere. */
    scopeCountries: char('scope_countries', { length: 2 }).array(),
    status: enforcementStatus('status').notNull().default('queued'),
    /** The sink delivery that carries the call. */
    deliveryId: uuid('delivery_id'),
    decidedAt: at('decided_at').notNull(),
    /** When the content system says the action took effect (the EU's "time to give effect"). */
    effectiveAt: at('effective_at'),
    confirmedAt: at('confirmed_at'),
    createdAt: createdAt(),
  },
  (t) => [index('enforcement_actions_request_idx').on(t.requestId), index('enforcement_actions_status_idx').on(t.status)],
);

/**
 * A signed call to one of the platform's systems (notice sink, content system, alert hook),
 * queued in the writer's transaction and sent by the durable jobs with back-off; `failed` rows are
 * the dead-letter list.
 */
export const sinkDeliveries = pgTable(
  'sink_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sink: sinkKind('sink').notNull(),
    eventType: text('event_type').notNull(),
    payload: jsonb('payload').notNull(),
    requestId: uuid('request_id').references(() => requests.id, { onDelete: 'cascade' }),
    status: sinkDeliveryStatus('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    deliveredAt: at('delivered_at'),
  },
  (t) => [
    index('sink_deliveries_queued_idx').on(t.createdAt).where(sql`${t.status} = 'queued'`),
    index('sink_deliveries_status_idx').on(t.sink, t.status, t.createdAt),
  ],
);

/** A deadline alert that fired: one row per order, threshold and deadline, so none fires twice. */
export const deadlineAlerts = pgTable(
  'deadline_alerts',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    /** The share of the time allowed (`0.5`, `0.75`, …) or `expired`. */
    threshold: text('threshold').notNull(),
    /** The deadline the alert was computed against (a recomputed deadline alerts again). */
    dueAt: at('due_at').notNull(),
    firedAt: at('fired_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.threshold, t.dueAt] })],
);

/**
 * The tamper-evident audit log: entries hash-chained per chain (an order, an account, an agency),
 * so that writers of different orders never wait on one another (decision 48).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    chain: text('chain').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: at('at').notNull(),
    /** The entry as chained (type, actor, subject, before, after, note, source). */
    entry: jsonb('entry').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chain, t.seq] }), index('audit_log_at_idx').on(t.at)],
);

/** Each chain's last entry, so that deleting the newest entry of a chain is seen too. */
export const auditHeads = pgTable('audit_heads', {
  chain: text('chain').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** A signed export of every chain's head, for anchoring outside Writ. */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: at('at').notNull(),
  chains: integer('chains').notNull(),
  entries: bigint('entries', { mode: 'number' }).notNull(),
  rootHash: text('root_hash').notNull(),
  signature: text('signature'),
  keyId: text('key_id'),
});
