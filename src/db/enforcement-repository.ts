/** Enforcement actions sent to the platform's content system, and their confirmations (issue 12). */
import type { Clock } from '../app/context.js';
import type { Outcome } from '../domain/vocabulary.js';
import type { Db } from './connection.js';
import type { DbOrTx } from './outbox-repository.js';

/** A decision as it took effect (written to `decisions`), with the outcome it replaced, if any. */
export type DecisionTakingEffect = {
  requestId: string;
  itemId: string;
  outcome: Outcome;
  /** Null for everywhere; the countries of a local restriction. */
  scopeCountries: string[] | null;
  decidedAt: Date;
  /** The outcome before this decision (a changed decision or a reversed appeal may restore the item). */
  previousOutcome: Outcome | null;
};

/**
 * Called in the transaction that writes a decision (every path: a single decision, a bulk one, a
 * sign-off, an appeal that reverses): queues the enforcement action and its signed call when the
 * decision restricts the item or lifts a restriction. The enforcement helper fills it in.
 */
export async function enforcementAfterDecision(_tx: DbOrTx, _decision: DecisionTakingEffect): Promise<void> {}

// Placeholder of the foundation commit: the helper that owns this file fills it in.
export function enforcementRepository(_db: Db, _now: Clock) {
  return {};
}
export type EnforcementRepository = ReturnType<typeof enforcementRepository>;
