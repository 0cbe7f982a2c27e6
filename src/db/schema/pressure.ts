/**
 * The pressure record (issue 15): state actions against the platform (fines, blocks, shutdowns …),
 * the orders each concerns, and the history of every change. The regime, duty and deadline rule an
 * event enforces are named by id and come from the rule packs, as in the obligations register.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { type PressureSource, pressureKinds, pressureStatuses, shutdownScopes } from '../../domain/pressure.js';
import { requests, users } from './core.js';

export const pressureKind = pgEnum('pressure_kind', pressureKinds);
export const pressureStatus = pgEnum('pressure_status', pressureStatuses);
export const shutdownScope = pgEnum('shutdown_scope', shutdownScopes);

export const pressureEvents = pgTable(
  'pressure_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: pressureKind('kind').notNull(),
    country: char('country', { length: 2 }).notNull(),
    authority: text('authority').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    scope: shutdownScope('scope'),
    region: text('region'),
    announcedOn: date('announced_on', { mode: 'string' }).notNull(),
    inForceOn: date('in_force_on', { mode: 'string' }),
    endedOn: date('ended_on', { mode: 'string' }),
    amount: numeric('amount', { precision: 23, scale: 8 }),
    currency: char('currency', { length: 3 }),
    referenceCurrency: char('reference_currency', { length: 3 }),
    referenceRate: numeric('reference_rate', { precision: 23, scale: 8 }),
    referenceRateOn: date('reference_rate_on', { mode: 'string' }),
    regimeId: text('regime_id'),
    dutyId: text('duty_id'),
    deadlineRuleId: text('deadline_rule_id'),
    status: pressureStatus('status').notNull(),
    demo: boolean('demo').notNull().default(false),
    sources: jsonb('sources').$type<PressureSource[]>().notNull(),
    /** Counts the changes, so that an edit made on a stale copy is refused instead of undoing another. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('pressure_events_country_idx').on(t.country, t.announcedOn),
    index('pressure_events_duty_idx').on(t.regimeId, t.dutyId),
    check('pressure_events_country_format', sql`${t.country} ~ '^[A-Z]{2}$'`),
    check('pressure_events_amount_with_currency', sql`(${t.amount} IS NULL) = (${t.currency} IS NULL)`),
    check(
      'pressure_events_ends_after_start',
      sql`${t.endedOn} IS NULL OR ${t.endedOn} >= coalesce(${t.inForceOn}, ${t.announcedOn})`,
    ),
  ],
);

/** The orders an event concerns (e.g. the declined orders a fine punishes). */
export const pressureEventOrders = pgTable(
  'pressure_event_orders',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => pressureEvents.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.requestId] }), index('pressure_event_orders_request_idx').on(t.requestId)],
);

/** Append-only history: the event as it was before and after each change, and who made it. */
export const pressureEventHistory = pgTable(
  'pressure_event_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => pressureEvents.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('pressure_event_history_event_idx').on(t.eventId, t.id)],
);
