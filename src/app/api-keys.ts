/** An agency admin officer's API keys (issue 10): create one (shown once), list them, revoke one. */
import type { AgencyPrincipal } from '../db/officer-sessions-repository.js';
import { type ApiKey, checkApiKeyExpiry } from '../domain/api-key.js';
import { notFound, WritError } from '../domain/errors.js';
import type { Writ } from './context.js';

type KeysWrit = Pick<Writ, 'apiKeys' | 'now'>;

/** The admin officer acting: keys are managed in the portal, never with a key. */
function adminOfficer(principal: AgencyPrincipal): { id: string } {
  if (!principal.officer?.isAgencyAdmin) throw new WritError('forbidden', "only the agency's admin officers manage API keys");
  return principal.officer;
}

export async function createApiKey(
  writ: KeysWrit,
  principal: AgencyPrincipal,
  input: { name: string; expiresAt?: string | undefined },
): Promise<{ apiKey: ApiKey; key: string }> {
  const officer = adminOfficer(principal);
  const expiresAt = input.expiresAt === undefined ? null : new Date(input.expiresAt);
  checkApiKeyExpiry(expiresAt, writ.now());
  return writ.apiKeys.create(principal.agency.id, officer.id, { name: input.name, expiresAt });
}

export async function listApiKeys(writ: KeysWrit, principal: AgencyPrincipal): Promise<ApiKey[]> {
  adminOfficer(principal);
  return writ.apiKeys.list(principal.agency.id);
}

/** Revokes one of the agency's keys; another agency's key is not found (404), never forbidden. */
export async function revokeApiKey(writ: KeysWrit, principal: AgencyPrincipal, id: string): Promise<ApiKey> {
  const officer = adminOfficer(principal);
  const revoked = await writ.apiKeys.revoke(principal.agency.id, id, officer.id);
  if (!revoked) throw notFound('API key', id);
  return revoked;
}
