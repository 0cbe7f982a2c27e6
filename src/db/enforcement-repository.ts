/** Enforcement actions sent to the platform's content system, and their confirmations (issue 12). */
import type { Clock } from '../app/context.js';
import type { Db } from './connection.js';

// Placeholder of the foundation commit: the helper that owns this file fills it in.
export function enforcementRepository(_db: Db, _now: Clock) {
  return {};
}
export type EnforcementRepository = ReturnType<typeof enforcementRepository>;
