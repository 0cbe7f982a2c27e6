/** Preservation holds (issue 11): placed, extended, reminded, released, kept for legal process. */
import type { Db } from './connection.js';

export function preservationRepository(_db: Db, _now: () => Date = () => new Date()) {
  return {};
}
export type PreservationRepository = ReturnType<typeof preservationRepository>;
