/**
 * Security bookkeeping: sign-in attempts, kept in PostgreSQL so that the limits against password
 * guessing hold across restarts and across processes (docs/decisions/0031-sign-in-throttling.md).
 */
import { bigserial, index, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** `pending` while the password is being checked; it counts as a failure until it is settled. */
export const signInOutcome = pgEnum('sign_in_outcome', ['pending', 'succeeded', 'failed']);

export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The injected clock's time, so that tests can move past a back-off without sleeping. */
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull(),
    /** The client's address as Fastify sees it (behind a trusted proxy: from X-Forwarded-For). */
    clientAddress: text('client_address').notNull(),
    /** SHA-256 of the lower-cased email, whether or not such an account exists. */
    accountKey: text('account_key').notNull(),
    outcome: signInOutcome('outcome').notNull().default('pending'),
  },
  (t) => [
    index('sign_in_attempts_address_idx').on(t.clientAddress, t.attemptedAt),
    index('sign_in_attempts_account_idx').on(t.accountKey, t.attemptedAt),
    index('sign_in_attempts_attempted_idx').on(t.attemptedAt),
  ],
);
