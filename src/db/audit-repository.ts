/** The hash-chained audit log: reading chains to verify them, heads, signed checkpoints (issue 12). */
import type { Clock } from '../app/context.js';
import type { Db } from './connection.js';

// Placeholder of the foundation commit: the helper that owns this file fills it in.
export function auditRepository(_db: Db, _now: Clock) {
  return {};
}
export type AuditRepository = ReturnType<typeof auditRepository>;
