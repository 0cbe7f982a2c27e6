/** Productions of data orders (issue 11): the package's record, its availability, its downloads. */
import type { Db } from './connection.js';

export function productionsRepository(_db: Db, _now: () => Date = () => new Date()) {
  return {};
}
export type ProductionsRepository = ReturnType<typeof productionsRepository>;
