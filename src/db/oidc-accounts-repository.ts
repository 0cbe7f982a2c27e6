/** Staff accounts that sign in through an OpenID Connect provider (issue 12). */
import type { Clock } from '../app/context.js';
import type { Db } from './connection.js';

// Placeholder of the foundation commit: the helper that owns this file fills it in.
export function oidcAccountsRepository(_db: Db, _now: Clock) {
  return {};
}
export type OidcAccountsRepository = ReturnType<typeof oidcAccountsRepository>;
