/** Staff accounts on the wire (src/contracts/accounts.ts). */
import type { AccountView } from '../../contracts/accounts.js';
import type { AccountRecord } from '../../db/users-repository.js';

export function presentAccount(a: AccountRecord): AccountView {
  return {
    id: a.id,
    email: a.email,
    name: a.name,
    role: a.role,
    local: a.local,
    oidc: a.oidc,
    disabled: a.disabledAt !== null,
    disabledAt: a.disabledAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
  };
}
