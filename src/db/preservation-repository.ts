/** Preservation holds (issue 11): placed, extended, reminded, released, kept for legal process. */
import type { DataCategory, DataRequestKind, ProductionExtent } from '../domain/data-request.js';
import type { Db } from './connection.js';
import type { Tx } from './request-rows.js';

/** What an account's decision tells the hold on it (see holdAfterDecision). */
export type DecisionForHold = {
  requestId: string;
  accountId: string;
  kind: DataRequestKind;
  extent: ProductionExtent;
  producedCategories: DataCategory[];
  decidedAt: Date;
  actorId: string;
  /** WRIT_PRESERVATION_DAYS: how long a new hold lasts. */
  preservationDays: number;
};

/**
 * Called by the decision on an account, in its transaction and under the request's lock: on a
 * preservation order, data preserved (all or some) places the account's hold or updates what it
 * holds; none releases it. Other kinds: nothing.
 */
export async function holdAfterDecision(_tx: Tx, _decision: DecisionForHold): Promise<void> {}

export function preservationRepository(_db: Db, _now: () => Date = () => new Date()) {
  return {};
}
export type PreservationRepository = ReturnType<typeof preservationRepository>;
