/** Staged review: review policies per reason category, stage findings, proposals and sign-offs (issue 12). */
import type { Clock } from '../app/context.js';
import type { Db } from './connection.js';

// Placeholder of the foundation commit: the helper that owns this file fills it in.
export function reviewRepository(_db: Db, _now: Clock) {
  return {};
}
export type ReviewRepository = ReturnType<typeof reviewRepository>;
