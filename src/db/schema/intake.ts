/**
 * Batches of orders received under a key (POST /api/v1/requests/batch, `writ import orders`), so
 * that sending one again, after a lost answer or an interrupted import, creates nothing twice.
 */
import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './core.js';

/** The answer a batch got: the requests it created, in the order the orders were sent. */
export type BatchAnswerRecord = { requests: { id: string; reference: string; dueAt: string }[] };

export const intakeBatches = pgTable('intake_batches', {
  /** The sender's key (1–200 characters); one batch per key, whoever sent it. */
  batchKey: text('batch_key').primaryKey(),
  /** The account that sent it; null for the command line's import. */
  sentBy: uuid('sent_by').references(() => users.id),
  /** SHA-256 (hex) of the orders in canonical form: the same key with other orders is refused. */
  bodyHash: text('body_hash').notNull(),
  /** What the first call answered, given again to a repeat. Written in the batch's transaction. */
  answer: jsonb('answer').$type<BatchAnswerRecord>(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});
