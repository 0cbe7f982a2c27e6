/**
 * The obligations register: the platform's user figures per jurisdiction, the status it keeps on
 * each local-presence duty, the evidence for it (small files kept in PostgreSQL), and the history
 * of every change. The duties themselves come from the rule packs (rules/*.yaml), not the database.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  char,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { coverageMetrics, dutyStatuses } from '../../domain/regimes/vocabulary.js';
import { users } from './core.js';

export const coverageMetric = pgEnum('coverage_metric', coverageMetrics);
export const dutyStatus = pgEnum('duty_status', dutyStatuses);

/** The largest evidence file Writ keeps in the database. */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** One measurement of the platform's users in a jurisdiction, in the metric a law uses. */
export const userFigures = pgTable(
  'user_figures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    country: char('country', { length: 2 }).notNull(),
    metric: coverageMetric('metric').notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
    measuredOn: date('measured_on', { mode: 'string' }).notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('user_figures_country_metric_idx').on(t.country, t.metric, t.measuredOn),
    check('user_figures_country_format', sql`${t.country} ~ '^[A-Z]{2}$'`),
    check('user_figures_value_not_negative', sql`${t.value} >= 0`),
  ],
);

/** Where the platform stands on one duty of one regime in one jurisdiction. */
export const dutyRecords = pgTable(
  'duty_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    country: char('country', { length: 2 }).notNull(),
    regimeId: text('regime_id').notNull(),
    dutyId: text('duty_id').notNull(),
    status: dutyStatus('status').notNull().default('not_started'),
    owner: text('owner'),
    note: text('note'),
    notApplicableReason: text('not_applicable_reason'),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('duty_records_duty_key').on(t.country, t.regimeId, t.dutyId),
    check(
      'duty_records_reason_when_not_applicable',
      sql`${t.status} <> 'not_applicable' OR ${t.notApplicableReason} IS NOT NULL`,
    ),
  ],
);

/** A note, and optionally a file, showing that a duty is met. */
export const dutyEvidence = pgTable(
  'duty_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dutyRecordId: uuid('duty_record_id')
      .notNull()
      .references(() => dutyRecords.id, { onDelete: 'cascade' }),
    note: text('note').notNull(),
    fileName: text('file_name'),
    contentType: text('content_type'),
    content: bytea('content'),
    size: integer('size'),
    sha256: text('sha256'),
    addedBy: uuid('added_by').references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('duty_evidence_record_idx').on(t.dutyRecordId),
    check('duty_evidence_size_limit', sql`${t.size} IS NULL OR ${t.size} <= ${sql.raw(String(MAX_EVIDENCE_BYTES))}`),
  ],
);

/** Append-only history of the register: figures recorded, statuses changed, evidence added. */
export const obligationEvents = pgTable(
  'obligation_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    country: char('country', { length: 2 }).notNull(),
    regimeId: text('regime_id'),
    dutyId: text('duty_id'),
    type: text('type').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('obligation_events_duty_idx').on(t.country, t.regimeId, t.dutyId, t.id)],
);
