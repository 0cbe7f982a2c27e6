/** Issue 13 — a decided order's publication: redactions chosen, approval, publishing into public_records and the log, correction, withdrawal. (Placeholder: queries are added here.) */
import type { Clock } from '../app/context.js';
import type { Db } from './connection.js';

export function publicationsRepository(_db: Db, _now: Clock) {
  return {};
}
