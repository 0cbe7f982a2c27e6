/** An agency's API key on the wire: never the key itself, but in the one answer that creates it. */
import type { ApiKeyView, CreatedApiKey } from '../../contracts/api-keys.js';
import { type ApiKey, apiKeyState } from '../../domain/api-key.js';
import { iso } from './instants.js';

export function presentApiKey(key: ApiKey, now: Date): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    state: apiKeyState(key, now),
    createdAt: iso(key.createdAt),
    createdBy: key.createdBy,
    expiresAt: key.expiresAt ? iso(key.expiresAt) : null,
    lastUsedAt: key.lastUsedAt ? iso(key.lastUsedAt) : null,
    revokedAt: key.revokedAt ? iso(key.revokedAt) : null,
  };
}

export function presentCreatedApiKey(created: { apiKey: ApiKey; key: string }, now: Date): CreatedApiKey {
  return { ...presentApiKey(created.apiKey, now), key: created.key };
}
