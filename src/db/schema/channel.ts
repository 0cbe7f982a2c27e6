/**
 * The authority channel (issue 10): agencies that send orders, their officers and how they sign in,
 * API keys, idempotent writes, rate limits, the mail outbox, webhooks, the conversation on an order
 * and its attachments. Every government gets the same tables, field for field: nothing here has a
 * column, enum value or row that applies to one country only.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  char,
  check,
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
import { authorities, authorityKind, requests, users } from './core.js';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const at = (name: string) => timestamp(name, { withTimezone: true });

/** pending → verified | rejected; verified ⇄ suspended. Only a verified agency can act. */
export const agencyStatus = pgEnum('agency_status', ['pending', 'verified', 'rejected', 'suspended']);

export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    country: char('country', { length: 2 }).notNull(),
    name: text('name').notNull(),
    kind: authorityKind('kind').notNull(),
    /** The agency's official web domain, lower case (`gov.kz`); officers' email addresses must be on it. */
    domain: text('domain').notNull(),
    /** The law and article that empower it to send orders, as it states them. */
    legalMandate: text('legal_mandate').notNull(),
    contactName: text('contact_name').notNull(),
    /** Becomes the agency's first admin officer, invited when the agency is verified. */
    contactEmail: text('contact_email').notNull(),
    /** IANA zone the agency works in. */
    timeZone: text('time_zone'),
    status: agencyStatus('status').notNull().default('pending'),
    /** Why it was rejected or suspended; shown to the agency. */
    statusReason: text('status_reason'),
    /** The authority its orders are recorded under (reports count them there); set on verification. */
    authorityId: uuid('authority_id').references(() => authorities.id),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: at('decided_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('agencies_country_name_key').on(t.country, sql`lower(${t.name})`),
    index('agencies_status_idx').on(t.status, t.createdAt),
    check('agencies_country_format', sql`${t.country} ~ '^[A-Z]{2}$'`),
  ],
);

/** Append-only history of an agency and its officers (applied, verified, officer invited, key created, …). */
export const agencyEvents = pgTable(
  'agency_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorOfficerId: uuid('actor_officer_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    before: jsonb('before'),
    after: jsonb('after'),
    note: text('note'),
  },
  (t) => [index('agency_events_agency_idx').on(t.agencyId, t.id)],
);

/** invited (link sent) → active (email confirmed, password and second factor set) → disabled. */
export const officerStatus = pgEnum('officer_status', ['invited', 'active', 'disabled']);

export const officers = pgTable(
  'officers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** Can invite officers and manage the agency's API keys and webhooks. */
    isAgencyAdmin: boolean('is_agency_admin').notNull().default(false),
    status: officerStatus('status').notNull().default('invited'),
    /** argon2id; null until the invitation is accepted. */
    passwordHash: text('password_hash'),
    emailConfirmedAt: at('email_confirmed_at'),
    /** RFC 6238 secret (base32) once TOTP is enrolled and confirmed with a first code. */
    totpSecret: text('totp_secret'),
    /** The last TOTP time step accepted, so that a code is never accepted twice. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    /** Failed sign-ins in a row (password or second factor); reset by a success. */
    failedAttempts: integer('failed_attempts').notNull().default(0),
    /** Locked until this instant after repeated failures (PostgreSQL, so it holds across processes). */
    lockedUntil: at('locked_until'),
    invitedBy: uuid('invited_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('officers_email_key').on(sql`lower(${t.email})`), index('officers_agency_idx').on(t.agencyId)],
);

/** One-use links sent by mail: an invitation (sets the password) or an email confirmation. */
export const officerTokens = pgTable('officer_tokens', {
  /** SHA-256 (hex) of the token in the link. */
  tokenHash: text('token_hash').primaryKey(),
  officerId: uuid('officer_id')
    .notNull()
    .references(() => officers.id, { onDelete: 'cascade' }),
  purpose: text('purpose').notNull(),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
  createdAt: createdAt(),
});

/** WebAuthn credentials (passkeys) of an officer. */
export const officerPasskeys = pgTable(
  'officer_passkeys',
  {
    /** The credential id, base64url. */
    credentialId: text('credential_id').primaryKey(),
    officerId: uuid('officer_id')
      .notNull()
      .references(() => officers.id, { onDelete: 'cascade' }),
    publicKey: bytea('public_key').notNull(),
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
    transports: text('transports').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    lastUsedAt: at('last_used_at'),
  },
  (t) => [index('officer_passkeys_officer_idx').on(t.officerId)],
);

/** One-time recovery codes, stored hashed; a used code stays with its use time. */
export const officerRecoveryCodes = pgTable(
  'officer_recovery_codes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    officerId: uuid('officer_id')
      .notNull()
      .references(() => officers.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: at('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('officer_recovery_codes_officer_idx').on(t.officerId)],
);

/**
 * Officers' sessions, apart from staff sessions, so that a reviewer's token can never act as an
 * officer and back. `stage`: `second_factor` after the password (a factor must follow), `enrol` for
 * an officer who has none yet (only enrolment is allowed), `full` when signed in.
 */
export const officerSessionStage = pgEnum('officer_session_stage', ['second_factor', 'enrol', 'full']);

export const officerSessions = pgTable(
  'officer_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    officerId: uuid('officer_id')
      .notNull()
      .references(() => officers.id, { onDelete: 'cascade' }),
    stage: officerSessionStage('stage').notNull(),
    /** The WebAuthn challenge issued to this session and not yet answered. */
    challenge: text('challenge'),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [index('officer_sessions_officer_idx').on(t.officerId)],
);

/** API keys of an agency: shown once, stored as SHA-256; `prefix` identifies a key in lists. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    createdBy: uuid('created_by').references(() => officers.id),
    createdAt: createdAt(),
    expiresAt: at('expires_at'),
    lastUsedAt: at('last_used_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [uniqueIndex('api_keys_key_hash_key').on(t.keyHash), index('api_keys_agency_idx').on(t.agencyId)],
);

/**
 * Writes made under an Idempotency-Key: the first call's answer, given again to a retry with the
 * same body; the same key with another body is refused. Keys are per principal (a staff user, an
 * officer or an API key), so two clients cannot collide.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    /** `user:<id>`, `officer:<id>` or `key:<id>`. */
    principal: text('principal').notNull(),
    key: text('key').notNull(),
    /** Method and route pattern, e.g. `POST /api/v1/authority/orders`. */
    operation: text('operation').notNull(),
    /** SHA-256 (hex) of the request body as sent. */
    bodyHash: text('body_hash').notNull(),
    /** Null while the first call runs. */
    statusCode: integer('status_code'),
    responseBody: text('response_body'),
    responseType: text('response_type'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.principal, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);

/** Fixed-window request counters per bucket (`key:<id>`, `addr:<ip>`), shared by every process. */
export const rateLimitWindows = pgTable(
  'rate_limit_windows',
  {
    bucket: text('bucket').notNull(),
    windowStart: at('window_start').notNull(),
    hits: integer('hits').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.windowStart] }), index('rate_limit_windows_start_idx').on(t.windowStart)],
);

/** queued → sending → sent, or back to queued with the error, and failed after the last retry. */
export const mailStatus = pgEnum('mail_status', ['queued', 'sending', 'sent', 'failed']);

/** Every mail Writ sends is stored here first, in the transaction of what it reports. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** invitation, email_confirmation, receipt, clarification_request, decision, message, … */
    kind: text('kind').notNull(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    /** Plain text only: mail is never built as HTML from data. */
    body: text('body').notNull(),
    agencyId: uuid('agency_id').references(() => agencies.id),
    requestId: uuid('request_id').references(() => requests.id),
    status: mailStatus('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** The Message-ID sent, derived from the row's id, so that a receiver can tell a repeat. */
    messageId: text('message_id'),
    createdAt: createdAt(),
    sentAt: at('sent_at'),
  },
  (t) => [index('mail_outbox_status_idx').on(t.status, t.createdAt)],
);

/** An agency's endpoints for status-change callbacks (Standard Webhooks). */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    url: text('url').notNull(),
    /** `whsec_…`, shown once to the agency; needed in clear to sign. */
    secret: text('secret').notNull(),
    createdBy: uuid('created_by').references(() => officers.id),
    createdAt: createdAt(),
    disabledAt: at('disabled_at'),
  },
  (t) => [index('webhook_endpoints_agency_idx').on(t.agencyId)],
);

export const webhookDeliveryStatus = pgEnum('webhook_delivery_status', ['pending', 'delivering', 'delivered', 'failed']);

/** One event for one endpoint, and what happened when it was sent; the agency reads this log. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    requestId: uuid('request_id').references(() => requests.id),
    eventType: text('event_type').notNull(),
    payload: jsonb('payload').notNull(),
    status: webhookDeliveryStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    deliveredAt: at('delivered_at'),
  },
  (t) => [
    index('webhook_deliveries_agency_idx').on(t.agencyId, t.createdAt),
    // Every process's sweep looks for pending deliveries, oldest first, every few seconds.
    index('webhook_deliveries_pending_idx').on(t.createdAt).where(sql`${t.status} = 'pending'`),
  ],
);

/** The conversation on an order between the authority and the platform's reviewers. */
export const orderMessages = pgTable(
  'order_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The order messages were written in: two written at one instant still read in order. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    /** message, clarification_request, clarification_answer, contest, withdrawal */
    kind: text('kind').notNull(),
    body: text('body').notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id),
    authorOfficerId: uuid('author_officer_id').references(() => officers.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('order_messages_request_idx').on(t.requestId, t.seq),
    check('order_messages_one_author', sql`(${t.authorUserId} IS NULL) <> (${t.authorOfficerId} IS NULL)`),
  ],
);

/** Files sent with an order (the signed order): stored through the storage interface, never public. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull(),
    fileName: text('file_name').notNull(),
    /** As detected from the content (`file-type`), not as the sender labelled it. */
    mediaType: text('media_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedByOfficerId: uuid('uploaded_by_officer_id').references(() => officers.id),
    uploadedByUserId: uuid('uploaded_by_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('attachments_request_idx').on(t.requestId)],
);

/** An order that came through the channel: which agency sent it, by which officer or API key. */
export const channelOrders = pgTable(
  'channel_orders',
  {
    requestId: uuid('request_id')
      .primaryKey()
      .references(() => requests.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    submittedByOfficerId: uuid('submitted_by_officer_id').references(() => officers.id),
    submittedByApiKeyId: uuid('submitted_by_api_key_id').references(() => apiKeys.id),
    createdAt: createdAt(),
  },
  (t) => [index('channel_orders_agency_idx').on(t.agencyId, t.createdAt)],
);
