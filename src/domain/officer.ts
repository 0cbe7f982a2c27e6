/**
 * Officers of an agency (issue 10) and how they prove who they are: a password, then a second
 * factor from the first sign-in (TOTP per RFC 6238, or a passkey), with one-time recovery codes.
 * Repeated failures lock the account for a growing while. Plain rules: the caller supplies the
 * clock, the randomness and the storage.
 */
import { Secret, TOTP } from 'otpauth';
import { WritError } from './errors.js';

export type OfficerStatus = 'invited' | 'active' | 'disabled';
export type OfficerSessionStage = 'second_factor' | 'enrol' | 'full';

export type Officer = {
  id: string;
  agencyId: string;
  email: string;
  name: string;
  isAgencyAdmin: boolean;
  status: OfficerStatus;
  emailConfirmedAt: Date | null;
  createdAt: Date;
};

/** Which second factors an officer has. */
export type OfficerFactors = { totp: boolean; passkeys: number; recoveryCodesLeft: number };

export const hasSecondFactor = (factors: Pick<OfficerFactors, 'totp' | 'passkeys'>) => factors.totp || factors.passkeys > 0;

/**
 * The stage a session starts at once the password is right: an officer with a second factor must
 * give it (`second_factor`); one without may only enrol one (`enrol`). An `enrol` or `second_factor`
 * session becomes `full` once a factor is enrolled or checked — never otherwise.
 */
export function stageAfterPassword(factors: Pick<OfficerFactors, 'totp' | 'passkeys'>): OfficerSessionStage {
  return hasSecondFactor(factors) ? 'second_factor' : 'enrol';
}

/** Enrolling a factor is for an officer setting up (`enrol`) or signed in (`full`), never half-way. */
export function checkMayEnrol(stage: OfficerSessionStage): void {
  if (stage === 'second_factor')
    throw new WritError('second_factor_required', 'confirm this sign-in with your second factor before enrolling another');
}

/** Checking a factor at sign-in is for a `second_factor` session only. */
export function checkAwaitsSecondFactor(stage: OfficerSessionStage): void {
  if (stage === 'enrol')
    throw new WritError('invalid_transition', 'this officer has no second factor yet: enrol one (TOTP or a passkey) first');
  if (stage === 'full') throw new WritError('invalid_transition', 'this session is already fully signed in');
}

// ── Lock-out ───────────────────────────────────────────────────────────────────────────────────

const MINUTE = 60_000;
const FIRST_LOCK = MINUTE;
const LONGEST_LOCK = 15 * MINUTE;

/** How long the account is locked after `failures` in a row when `threshold` are allowed: 0 below, then 1, 2, 4, 8, 15 min. */
export function lockDuration(failures: number, threshold: number): number {
  if (failures < threshold) return 0;
  return Math.min(FIRST_LOCK * 2 ** Math.min(failures - threshold, 20), LONGEST_LOCK);
}

/** Refuses while the account is locked, with how long to wait. */
export function checkNotLocked(lockedUntil: Date | null, now: Date): void {
  if (lockedUntil && lockedUntil.getTime() > now.getTime()) throw lockedError(lockedUntil, now);
}

export class AccountLockedError extends WritError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('account_locked', message);
  }
}

export function lockedError(lockedUntil: Date, now: Date): AccountLockedError {
  const seconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  return new AccountLockedError(`too many failed attempts: the account is locked; try again in ${seconds} s`, seconds);
}

// ── TOTP (RFC 6238: SHA-1, 6 digits, 30 s) ─────────────────────────────────────────────────────

const TOTP_PERIOD = 30;

function totp(secretBase32: string, label = 'officer'): TOTP {
  return new TOTP({
    issuer: 'Writ',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new random secret (160 bits, base32) and the otpauth:// URI an authenticator app reads. */
export function newTotpSecret(label: string): { secret: string; uri: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: totp(secret, label).toString() };
}

/**
 * The time step a code belongs to, accepting the step before and after `now` (clock drift), or
 * null when the code is wrong. The caller accepts a step only if it is later than the last
 * accepted one, so that no code is ever used twice.
 */
export function totpStep(secretBase32: string, code: string, now: Date): number | null {
  const t = totp(secretBase32);
  const delta = t.validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return t.counter({ timestamp: now.getTime() }) + delta;
}

// ── Recovery codes ─────────────────────────────────────────────────────────────────────────────

export const RECOVERY_CODE_COUNT = 10;

/** How a recovery code is compared: lower case, without the dashes and spaces it is printed with. */
export const normalRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');

/** A recovery code as shown, from 10 random base32 characters (50 bits): `abcde-fghij`. */
export function formatRecoveryCode(base32: string): string {
  const c = base32.toLowerCase().slice(0, 10);
  return `${c.slice(0, 5)}-${c.slice(5)}`;
}

/** Officer session tokens and API keys carry a prefix, so that a token says which table to ask. */
export const OFFICER_TOKEN_PREFIX = 'writ_os_';
export const API_KEY_PREFIX = 'writ_ak_';
