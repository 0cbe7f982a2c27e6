/** Notices to affected users, held while a non-disclosure order runs, and their appeals (issue 12). */
import type { Clock } from '../app/context.js';
import type { Db } from './connection.js';

// Placeholder of the foundation commit: the helper that owns this file fills it in.
export function noticesRepository(_db: Db, _now: Clock) {
  return {};
}
export type NoticesRepository = ReturnType<typeof noticesRepository>;
