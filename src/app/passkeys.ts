/**
 * Passkeys (WebAuthn) as an officer's second factor (issue 10). Enrolment: options with a fresh
 * challenge, then the authenticator's answer is verified and the credential stored; a first factor
 * ends the enrolment (recovery codes shown once, the session `full`). Sign-in: options listing the
 * officer's passkeys, then the signed answer is verified against the stored key and counter; a
 * failure counts toward the same lock-out as a wrong password or code. The challenge waits on the
 * session's row, so any Writ process may receive the answer, and is taken once.
 */
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { z } from 'zod';
import type { authenticationResponseSchema, registrationResponseSchema } from '../contracts/passkeys.js';
import type { PasskeySummary } from '../db/passkeys-repository.js';
import { WritError } from '../domain/errors.js';
import { checkAwaitsSecondFactor, checkMayEnrol } from '../domain/officer.js';
import { challengeFor, checkMayRemovePasskey, passkeyRefused, storedChallenge } from '../domain/passkey.js';
import type { Writ } from './context.js';
import {
  checkNotLockedOut,
  completeEnrolment,
  completeSecondFactor,
  type OfficerSession,
  type OfficerSessionView,
  secondFactorFailed,
  sessionView,
} from './officers.js';

type PasskeysWrit = Pick<Writ, 'passkeys' | 'officers' | 'officerSessions' | 'config' | 'now'>;
type RegistrationResponse = z.output<typeof registrationResponseSchema>;
type AuthenticationResponse = z.output<typeof authenticationResponseSchema>;

/** How long the browser may take to answer (the challenge is kept until the session's next one). */
const TIMEOUT_MS = 5 * 60_000;
type Transport = 'ble' | 'cable' | 'hybrid' | 'internal' | 'nfc' | 'smart-card' | 'usb';

export async function registrationOptions(writ: PasskeysWrit, session: OfficerSession) {
  checkMayEnrol(session.principal.stage);
  const { officer } = session.principal;
  const existing = await writ.passkeys.listOf(officer.id);
  const options = await generateRegistrationOptions({
    rpName: writ.config.webauthn.rpName,
    rpID: writ.config.webauthn.rpId,
    userName: officer.email,
    userDisplayName: officer.name,
    userID: new TextEncoder().encode(officer.id),
    timeout: TIMEOUT_MS,
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  await writ.passkeys.setChallenge(session.token, storedChallenge('register', options.challenge));
  return options;
}

/**
 * Verifies the authenticator's answer to this session's registration challenge and stores the
 * passkey. The officer's first factor completes the enrolment: recovery codes (once) and a `full` session.
 */
export async function registerPasskey(
  writ: PasskeysWrit,
  session: OfficerSession,
  response: RegistrationResponse,
): Promise<{ passkey: PasskeySummary; session: OfficerSessionView; recoveryCodes: string[] | null }> {
  checkMayEnrol(session.principal.stage);
  const { officer, agency } = session.principal;
  const challenge = challengeFor(await writ.passkeys.takeChallenge(session.token), 'register');
  if (!challenge) throw noChallenge('registration-options');
  const verified = await verifyRegistrationResponse({
    response: { ...response, response: { ...response.response, transports: response.response.transports } },
    expectedChallenge: challenge,
    expectedOrigin: writ.config.webauthn.origin,
    expectedRPID: writ.config.webauthn.rpId,
    requireUserVerification: false,
  }).catch(() => ({ verified: false as const }));
  if (!verified.verified) throw passkeyRefused();
  const { credential } = verified.registrationInfo;
  const transports = credential.transports ?? [];
  const added = await writ.passkeys.add(
    { officerId: officer.id, agencyId: agency.id },
    { credentialId: credential.id, publicKey: credential.publicKey, counter: credential.counter, transports },
  );
  if (!added) throw new WritError('conflict', 'this passkey is registered already', 'response');
  const passkey = { credentialId: credential.id, transports, createdAt: writ.now(), lastUsedAt: null };
  if (session.principal.stage === 'enrol') return { passkey, ...(await completeEnrolment(writ, session, 'passkey')) };
  return { passkey, session: await sessionView(writ, session.principal), recoveryCodes: null };
}

export async function authenticationOptions(writ: PasskeysWrit, session: OfficerSession) {
  checkAwaitsSecondFactor(session.principal.stage);
  await checkNotLockedOut(writ, session.principal.officer.id);
  const passkeys = await writ.passkeys.listOf(session.principal.officer.id);
  if (passkeys.length === 0)
    throw new WritError('invalid_transition', 'this officer has no passkey: use the authenticator app or a recovery code');
  const options = await generateAuthenticationOptions({
    rpID: writ.config.webauthn.rpId,
    timeout: TIMEOUT_MS,
    userVerification: 'preferred',
    allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: p.transports as Transport[] })),
  });
  await writ.passkeys.setChallenge(session.token, storedChallenge('authenticate', options.challenge));
  return options;
}

/**
 * The second step of a sign-in with a passkey: the answer must be signed by one of this officer's
 * passkeys over this session's challenge, with a counter past the stored one. Any failure counts
 * toward the lock-out and says nothing about which check failed.
 */
export async function authenticateWithPasskey(
  writ: PasskeysWrit,
  session: OfficerSession,
  response: AuthenticationResponse,
): Promise<OfficerSessionView> {
  checkAwaitsSecondFactor(session.principal.stage);
  const officerId = session.principal.officer.id;
  await checkNotLockedOut(writ, officerId);
  const challenge = challengeFor(await writ.passkeys.takeChallenge(session.token), 'authenticate');
  if (!challenge) throw noChallenge('authentication-options');
  const passkey = await writ.passkeys.find(response.id);
  const refused = () => secondFactorFailed(writ, officerId, passkeyRefused().message);
  if (!passkey || passkey.officerId !== officerId) return refused();
  const verified = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: writ.config.webauthn.origin,
    expectedRPID: writ.config.webauthn.rpId,
    credential: {
      id: passkey.credentialId,
      publicKey: passkey.publicKey,
      counter: passkey.counter,
      transports: passkey.transports as Transport[],
    },
    requireUserVerification: false,
  }).catch(() => ({ verified: false, authenticationInfo: undefined }));
  if (!verified.verified || !verified.authenticationInfo) return refused();
  if (!(await writ.passkeys.recordUse(passkey.credentialId, verified.authenticationInfo.newCounter))) return refused();
  return completeSecondFactor(writ, session);
}

export async function listPasskeys(writ: Pick<Writ, 'passkeys'>, session: OfficerSession): Promise<PasskeySummary[]> {
  return writ.passkeys.listOf(session.principal.officer.id);
}

/** Removes one of the officer's own passkeys; 404 for anyone else's; refused if it is the last second factor. */
export async function removePasskey(writ: Pick<Writ, 'passkeys'>, session: OfficerSession, credentialId: string): Promise<void> {
  const { officer, agency } = session.principal;
  const removed = await writ.passkeys.remove({ officerId: officer.id, agencyId: agency.id }, credentialId, checkMayRemovePasskey);
  if (!removed) throw new WritError('not_found', `passkey ${credentialId} does not exist`);
}

const noChallenge = (step: string) =>
  new WritError('invalid_transition', `no passkey challenge is waiting on this session: ask for ${step} first (each works once)`);
