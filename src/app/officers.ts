/**
 * Officers of an agency (issue 10): invited by an admin officer of a verified agency, they accept
 * with a password (which confirms their address), then enrol a second factor before they can do
 * anything; every later sign-in takes the password and a factor. Failures lock the account for a
 * while (in PostgreSQL, so across restarts and processes).
 *
 * For passkeys (src/app/passkeys.ts): `checkNotLockedOut` before checking an assertion,
 * `secondFactorFailed` when it is wrong, `completeSecondFactor` when it is right, and
 * `completeEnrolment(…, 'passkey')` once one is registered.
 */
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { invitationPagePath, MIN_OFFICER_PASSWORD_LENGTH } from '../contracts/agencies.js';
import type { AgencyPrincipal } from '../db/officer-sessions-repository.js';
import { hashToken } from '../db/officer-sessions-repository.js';
import type { NewMail } from '../db/outbox-repository.js';
import { checkOnDomain } from '../domain/agency.js';
import { WritError } from '../domain/errors.js';
import {
  checkAwaitsSecondFactor,
  checkMayEnrol,
  checkNotLocked,
  formatRecoveryCode,
  lockedError,
  newTotpSecret,
  normalRecoveryCode,
  type Officer,
  type OfficerFactors,
  type OfficerSessionStage,
  RECOVERY_CODE_COUNT,
  stageAfterPassword,
  totpStep,
} from '../domain/officer.js';
import type { Writ } from './context.js';

type OfficersWrit = Pick<Writ, 'officers' | 'officerSessions' | 'config' | 'now'>;

/** How long a session may stay half-way (password given, factor not yet) before it must start again. */
const SIGN_IN_STEP_MINUTES = 15;
/** After accepting an invitation: time to set up an authenticator. */
const ENROL_MINUTES = 30;

/** A signed-in (or signing-in) officer's session, as the portal shows it. */
export type OfficerSessionView = {
  officer: NonNullable<AgencyPrincipal['officer']>;
  agency: Pick<AgencyPrincipal['agency'], 'id' | 'country' | 'name' | 'status'>;
  stage: OfficerSessionStage;
  factors: OfficerFactors;
};

/** A portal session's principal, with its token; 401 for an API key or no officer session. */
export type OfficerSession = { principal: AgencyPrincipal & { officer: NonNullable<AgencyPrincipal['officer']> }; token: string };

export function officerSession(principal: AgencyPrincipal | null, token: string | null): OfficerSession {
  if (!principal?.officer || !token) throw new WritError('unauthenticated', 'sign in to the authority portal first');
  return { principal: principal as OfficerSession['principal'], token };
}

// ── Links sent by mail ─────────────────────────────────────────────────────────────────────────

const newLinkToken = () => randomBytes(32).toString('base64url');

/** The invitation's one-use link and its plain-text mail (never HTML built from data). */
export function invitationLink(
  writ: Pick<Writ, 'config' | 'now'>,
  agency: { id: string; name: string },
): { tokenHash: string; expiresAt: Date; mail: (officer: Officer) => NewMail } {
  const token = newLinkToken();
  const hours = writ.config.invitationTtlHours;
  const expiresAt = new Date(writ.now().getTime() + hours * 3_600_000);
  const link = `${writ.config.publicUrl}${invitationPagePath}?token=${encodeURIComponent(token)}`;
  return {
    tokenHash: hashToken(token),
    expiresAt,
    mail: (officer) => ({
      kind: 'invitation',
      to: officer.email,
      agencyId: agency.id,
      subject: `Invitation to the authority portal for ${agency.name}`,
      body: [
        `Dear ${officer.name},`,
        '',
        `You are invited to act for ${agency.name} on the authority portal.`,
        'Open this link to choose your password and set up your second factor:',
        '',
        link,
        '',
        `The link works once and expires on ${expiresAt.toISOString()} (UTC).`,
        'If you did not expect this mail, ignore it.',
      ].join('\n'),
    }),
  };
}

// ── Officers of an agency ──────────────────────────────────────────────────────────────────────

/** An admin officer invites a colleague whose address is on the agency's domain. */
export async function inviteOfficer(
  writ: Pick<Writ, 'officers' | 'agencies' | 'config' | 'now'>,
  principal: AgencyPrincipal,
  input: { email: string; name: string; isAgencyAdmin: boolean },
): Promise<Officer> {
  const agency = await writ.agencies.find(principal.agency.id);
  if (!agency) throw new WritError('not_found', 'the agency does not exist');
  checkOnDomain(input.email, agency.domain, 'email');
  const officer = await writ.officers.invite(
    { agencyId: agency.id, ...input, email: input.email.trim(), invitedBy: principal.officer?.id ?? null },
    invitationLink(writ, agency),
  );
  if (!officer) throw new WritError('conflict', `${input.email} is already an officer's address`, 'email');
  return officer;
}

export async function disableOfficer(
  writ: Pick<Writ, 'officers'>,
  principal: AgencyPrincipal,
  officerId: string,
): Promise<Officer> {
  if (principal.officer?.id === officerId)
    throw new WritError('invalid_transition', 'you cannot disable yourself; ask another admin officer of the agency');
  const officer = await writ.officers.disable(principal.agency.id, officerId, principal.officer?.id ?? null);
  if (!officer) throw new WritError('not_found', `officer ${officerId} does not exist`);
  return officer;
}

// ── Accepting an invitation and signing in ─────────────────────────────────────────────────────

/** Sets the password and confirms the address; starts a session that may only enrol a second factor. */
export async function acceptInvitation(writ: OfficersWrit, input: { token: string; password: string }) {
  if (input.password.length < MIN_OFFICER_PASSWORD_LENGTH)
    throw new WritError(
      'validation_failed',
      `the password must have at least ${MIN_OFFICER_PASSWORD_LENGTH} characters`,
      'password',
    );
  const accepted = await writ.officers.acceptInvitation(input.token, await hash(input.password));
  if (!accepted)
    throw new WritError(
      'not_found',
      'this invitation link is unknown, was used already or has expired: ask for a new one',
      'token',
    );
  return startSession(writ, accepted.officerId, 'enrol', ENROL_MINUTES);
}

// Verifying against a real hash when there is no such officer keeps the work and the answer alike.
let noSuchOfficerHash: Promise<string> | undefined;
const hashForMissingOfficer = () => {
  noSuchOfficerHash ??= hash(randomBytes(16));
  return noSuchOfficerHash;
};

/**
 * The password step. Unknown addresses, disabled officers and officers who never set a password
 * get the same answer as a wrong password, after the same argon2 work. An officer of a suspended
 * agency may sign in, but every authority route refuses it (`agency_not_verified`).
 */
export async function signInOfficer(
  writ: OfficersWrit & Pick<Writ, 'unknownSignIns'>,
  input: { email: string; password: string },
) {
  const record = await writ.officers.findForSignIn(input.email);
  const usable = record && record.status !== 'disabled' && record.passwordHash ? record : undefined;
  // An address that is no usable officer locks as an officer would, so a lock reveals no account.
  const threshold = writ.config.signInAccountFailures;
  checkNotLocked(usable ? usable.lockedUntil : await writ.unknownSignIns.lockedUntil(input.email, threshold), writ.now());
  const ok = await verify(usable?.passwordHash ?? (await hashForMissingOfficer()), input.password).catch(() => false);
  if (!usable || !ok) {
    if (usable) await countFailure(writ, usable.id);
    else {
      const lockedUntil = await writ.unknownSignIns.recordFailure(input.email, threshold);
      if (lockedUntil) throw lockedError(lockedUntil, writ.now());
    }
    throw new WritError('invalid_credentials', 'the email or the password is wrong', 'password');
  }
  const factors = await writ.officers.factors(usable.id);
  const stage = stageAfterPassword(factors);
  if (stage === 'enrol') await writ.officers.recordSuccess(usable.id);
  return startSession(writ, usable.id, stage, SIGN_IN_STEP_MINUTES);
}

async function startSession(writ: OfficersWrit, officerId: string, stage: OfficerSessionStage, minutes: number) {
  const session = await writ.officerSessions.start(
    officerId,
    stage,
    stage === 'full' ? writ.config.sessionTtlHours * 60 : minutes,
  );
  const principal = await writ.officerSessions.principalForSession(session.token);
  if (!principal) throw new WritError('internal', 'the new session could not be read back');
  return { ...session, view: await sessionView(writ, principal) };
}

export async function sessionView(writ: Pick<Writ, 'officers'>, principal: AgencyPrincipal): Promise<OfficerSessionView> {
  if (!principal.officer) throw new WritError('unauthenticated', 'an API key is not an officer: sign in to the authority portal');
  const { id, country, name, status } = principal.agency;
  return {
    officer: principal.officer,
    agency: { id, country, name, status },
    stage: principal.stage,
    factors: await writ.officers.factors(principal.officer.id),
  };
}

// ── Second factors ─────────────────────────────────────────────────────────────────────────────

/** Refuses while the officer is locked out (423 with the wait). */
export async function checkNotLockedOut(writ: Pick<Writ, 'officers' | 'now'>, officerId: string): Promise<void> {
  checkNotLocked(await writ.officers.lockedUntil(officerId), writ.now());
}

async function countFailure(writ: Pick<Writ, 'officers' | 'config' | 'now'>, officerId: string): Promise<void> {
  const lockedUntil = await writ.officers.recordFailure(officerId, writ.config.signInAccountFailures);
  if (lockedUntil) throw lockedError(lockedUntil, writ.now());
}

/** A wrong second factor: counts toward the lock-out, then throws (`account_locked` if it locked now). */
export async function secondFactorFailed(
  writ: Pick<Writ, 'officers' | 'config' | 'now'>,
  officerId: string,
  message = 'the code is wrong',
): Promise<never> {
  await countFailure(writ, officerId);
  throw new WritError('invalid_credentials', message, 'code');
}

/** A second factor was checked at sign-in: the session becomes `full` and the streak of failures ends. */
export async function completeSecondFactor(writ: OfficersWrit, session: OfficerSession): Promise<OfficerSessionView> {
  const expiresAt = new Date(writ.now().getTime() + writ.config.sessionTtlHours * 3_600_000);
  await writ.officers.completeSecondFactor(session.principal.officer.id, session.token, expiresAt, null);
  return sessionView(writ, { ...session.principal, stage: 'full' });
}

/**
 * A second factor was enrolled: the session becomes `full`, the officer `active`; if it is the
 * officer's first factor (no recovery codes yet), 10 recovery codes are issued and returned, once.
 */
export async function completeEnrolment(
  writ: OfficersWrit,
  session: OfficerSession,
  factor: 'totp' | 'passkey',
): Promise<{ session: OfficerSessionView; recoveryCodes: string[] | null }> {
  const officerId = session.principal.officer.id;
  const recoveryCodes = (await writ.officers.hasRecoveryCodes(officerId)) ? null : await issueRecoveryCodes(writ, officerId);
  const expiresAt = new Date(writ.now().getTime() + writ.config.sessionTtlHours * 3_600_000);
  await writ.officers.completeSecondFactor(officerId, session.token, expiresAt, factor);
  return { session: await sessionView(writ, { ...session.principal, stage: 'full' }), recoveryCodes };
}

/** Issues 10 new one-time recovery codes (replacing any left), stored hashed; returns them to be shown once. */
export async function issueRecoveryCodes(writ: Pick<Writ, 'officers'>, officerId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => formatRecoveryCode(base32(randomBytes(7))));
  await writ.officers.replaceRecoveryCodes(
    officerId,
    codes.map((c) => hashToken(normalRecoveryCode(c))),
  );
  return codes;
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** Starts TOTP enrolment: a new secret, remembered by this session until a first code confirms it. */
export async function startTotpEnrolment(writ: OfficersWrit, session: OfficerSession): Promise<{ secret: string; uri: string }> {
  checkMayEnrol(session.principal.stage);
  if (await writ.officers.totpSecret(session.principal.officer.id))
    throw new WritError('conflict', 'this officer already has an authenticator app enrolled');
  const offer = newTotpSecret(session.principal.officer.email);
  await writ.officers.offerTotp(session.token, offer.secret);
  return offer;
}

/** Confirms TOTP enrolment with a first code: the secret becomes the officer's, the session `full`. */
export async function confirmTotpEnrolment(writ: OfficersWrit, session: OfficerSession, code: string) {
  checkMayEnrol(session.principal.stage);
  const officerId = session.principal.officer.id;
  await checkNotLockedOut(writ, officerId);
  const secret = await writ.officers.offeredTotp(session.token);
  if (!secret) throw new WritError('invalid_transition', 'start the enrolment first (POST /api/v1/authority/totp)');
  const step = totpStep(secret, code, writ.now());
  if (step === null) return secondFactorFailed(writ, officerId, 'the code does not match: check the app and the device clock');
  if (!(await writ.officers.activateTotp(officerId, secret, step)))
    throw new WritError('conflict', 'this officer already has an authenticator app enrolled');
  return completeEnrolment(writ, session, 'totp');
}

/** The second step of a sign-in with an authenticator code: ±1 step, never a step used before. */
export async function verifyTotp(writ: OfficersWrit, session: OfficerSession, code: string): Promise<OfficerSessionView> {
  checkAwaitsSecondFactor(session.principal.stage);
  const officerId = session.principal.officer.id;
  await checkNotLockedOut(writ, officerId);
  const secret = await writ.officers.totpSecret(officerId);
  if (!secret)
    throw new WritError('invalid_transition', 'this officer has no authenticator app: use a passkey or a recovery code');
  const step = totpStep(secret, code, writ.now());
  if (step === null) return secondFactorFailed(writ, officerId);
  if (!(await writ.officers.acceptTotpStep(officerId, step)))
    return secondFactorFailed(writ, officerId, 'this code was used already: wait for the next one');
  return completeSecondFactor(writ, session);
}

/** The second step with a recovery code: each code works once. */
export async function useRecoveryCode(writ: OfficersWrit, session: OfficerSession, code: string): Promise<OfficerSessionView> {
  checkAwaitsSecondFactor(session.principal.stage);
  const officerId = session.principal.officer.id;
  await checkNotLockedOut(writ, officerId);
  if (!(await writ.officers.useRecoveryCode(officerId, hashToken(normalRecoveryCode(code)))))
    return secondFactorFailed(writ, officerId, 'the recovery code is wrong or was used already');
  return completeSecondFactor(writ, session);
}
