/** Pushback against an order: contests, court challenges, the authority's answers (issue 12). */
import type { Clock } from '../app/context.js';
import type { Db } from './connection.js';

// Placeholder of the foundation commit: the helper that owns this file fills it in.
export function pushbacksRepository(_db: Db, _now: Clock) {
  return {};
}
export type PushbacksRepository = ReturnType<typeof pushbacksRepository>;
