/**
 * An agency's API keys (issue 10): what a key is called, how long it may live, and what state it
 * is in. A key is shown once when created and stored only as its SHA-256; the same rules for every
 * agency of every country.
 */
import { WritError } from './errors.js';

/** A key may live at most a year; without an expiry it lives until revoked. */
export const API_KEY_MAX_LIFETIME_DAYS = 365;
/** The characters of a key kept in clear (`writ_ak_` and a few more), so that people can tell keys apart. */
export const API_KEY_VISIBLE_PREFIX_LENGTH = 12;

export type ApiKeyState = 'active' | 'expired' | 'revoked';

export type ApiKey = {
  id: string;
  agencyId: string;
  name: string;
  prefix: string;
  createdAt: Date;
  createdBy: { id: string; name: string } | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** Checks a new key's expiry: after now, and at most a year ahead. */
export function checkApiKeyExpiry(expiresAt: Date | null, now: Date): void {
  if (expiresAt === null) return;
  if (expiresAt.getTime() <= now.getTime())
    throw new WritError('validation_failed', 'expiresAt: must be in the future', 'expiresAt');
  const latest = now.getTime() + API_KEY_MAX_LIFETIME_DAYS * 24 * 3_600_000;
  if (expiresAt.getTime() > latest)
    throw new WritError(
      'validation_failed',
      `expiresAt: a key may live at most ${API_KEY_MAX_LIFETIME_DAYS} days (until ${new Date(latest).toISOString()})`,
      'expiresAt',
    );
}

export function apiKeyState(key: Pick<ApiKey, 'expiresAt' | 'revokedAt'>, now: Date): ApiKeyState {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}
