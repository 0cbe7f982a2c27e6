/** Claiming and releasing orders; bulk decisions (issue 12, queue work). */
import type { Clock } from '../app/context.js';
import type { Db } from './connection.js';

// Placeholder of the foundation commit: the helper that owns this file fills it in.
export function claimsRepository(_db: Db, _now: Clock) {
  return {};
}
export type ClaimsRepository = ReturnType<typeof claimsRepository>;
