/** Decisions on the accounts of data orders and the post-hoc review of emergency disclosures (issue 11). */
import type { Db } from './connection.js';

export function accountDecisionsRepository(_db: Db, _now: () => Date = () => new Date()) {
  return {};
}
export type AccountDecisionsRepository = ReturnType<typeof accountDecisionsRepository>;
