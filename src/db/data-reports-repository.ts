/** The user-data report's figures (issue 11), counted over the base tables. */
import type { Db } from './connection.js';

export function dataReportsRepository(_db: Db, _now: () => Date = () => new Date()) {
  return {};
}
export type DataReportsRepository = ReturnType<typeof dataReportsRepository>;
