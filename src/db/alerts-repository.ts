/** Deadline alerts: which are due, and which fired, once each (issue 12). */
import type { Clock } from '../app/context.js';
import type { Db } from './connection.js';

// Placeholder of the foundation commit: the helper that owns this file fills it in.
export function alertsRepository(_db: Db, _now: Clock) {
  return {};
}
export type AlertsRepository = ReturnType<typeof alertsRepository>;
