/** Issue 13 — the public request database, read only: search with facets, one record or its tombstone, feeds. (Placeholder: queries are added here.) */
import type { Clock } from '../app/context.js';
import type { Db } from './connection.js';

export function publicRecordsRepository(_db: Db, _now: Clock) {
  return {};
}
