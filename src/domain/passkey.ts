/**
 * Passkeys (WebAuthn) as an officer's second factor (issue 10): which challenge an answer must
 * carry, and that the last second factor cannot be removed (when an officer may enrol or confirm a
 * sign-in is officer.ts's, for every factor alike). The same for every officer of every agency.
 */
import { WritError } from './errors.js';

/** What a challenge was issued for: an answer to one purpose is never taken for the other. */
export type ChallengePurpose = 'register' | 'authenticate';

/** The challenge as stored on the officer's session row: its purpose, then the challenge itself. */
export const storedChallenge = (purpose: ChallengePurpose, challenge: string) => `${purpose}:${challenge}`;

/** The challenge stored for `purpose`, or null when the session holds none, or one for the other purpose. */
export function challengeFor(stored: string | null, purpose: ChallengePurpose): string | null {
  if (!stored?.startsWith(`${purpose}:`)) return null;
  return stored.slice(purpose.length + 1) || null;
}

/** An officer keeps at least one second factor: removing the last passkey without TOTP is refused. */
export function checkMayRemovePasskey(factors: { passkeys: number; totp: boolean }): void {
  if (factors.passkeys <= 1 && !factors.totp)
    throw new WritError(
      'conflict',
      'this is your only second factor: add another passkey or an authenticator app before removing it',
    );
}

/** The error for any answer that does not verify: it says nothing about which check failed. */
export const passkeyRefused = () =>
  new WritError('invalid_credentials', 'the passkey could not be verified; try again', 'response');
