/**
 * The rules of agencies and officers (issue 10) without a database: which decisions an admin may
 * take from which status, what counts as the agency's domain and an address on it, the lock-out's
 * back-off, the sign-in stages and TOTP steps.
 */
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { type AgencyStatus, agencyDomain, agencyTransition, checkApplication, isOnDomain } from '../../src/domain/agency.js';
import { WritError } from '../../src/domain/errors.js';
import {
  checkAwaitsSecondFactor,
  checkMayEnrol,
  checkNotLocked,
  formatRecoveryCode,
  lockDuration,
  newTotpSecret,
  normalRecoveryCode,
  stageAfterPassword,
  totpStep,
} from '../../src/domain/officer.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return error instanceof WritError ? `${error.code}${error.field ? `:${error.field}` : ''}` : String(error);
  }
};

describe('agency transitions', () => {
  it('allows exactly verify and reject from pending, suspend from verified, reinstate from suspended', () => {
    const statuses: AgencyStatus[] = ['pending', 'verified', 'rejected', 'suspended'];
    const allowed = statuses.flatMap((status) =>
      (['verify', 'reject', 'suspend', 'reinstate'] as const)
        .filter((decision) => codeOf(() => agencyTransition(status, decision)) === 'ok')
        .map((decision) => `${status} ${decision} → ${agencyTransition(status, decision).to}`),
    );
    expect(allowed).toEqual([
      'pending verify → verified',
      'pending reject → rejected',
      'verified suspend → suspended',
      'suspended reinstate → verified',
    ]);
    expect(codeOf(() => agencyTransition('rejected', 'verify'))).toBe('invalid_transition');
  });
});

describe("the agency's domain", () => {
  it('takes a DNS name alone, lower-cased, and refuses schemes, paths, ports and single labels', () => {
    expect(agencyDomain(' MIC.Gov.KZ. ')).toBe('mic.gov.kz');
    expect(agencyDomain('xn--80ak6aa92e.xn--p1ai')).toBe('xn--80ak6aa92e.xn--p1ai');
    for (const bad of [
      'https://mic.gov.kz',
      'mic.gov.kz/about',
      'mic.gov.kz:443',
      'localhost',
      '-mic.gov.kz',
      'mic..kz',
      'a@b.kz',
    ])
      expect(
        codeOf(() => agencyDomain(bad)),
        bad,
      ).toBe('validation_failed:domain');
  });

  it('counts an address on the domain or a subdomain, not on a look-alike', () => {
    expect(isOnDomain('a@gov.kz', 'gov.kz')).toBe(true);
    expect(isOnDomain('A@Press.MIC.Gov.KZ', 'gov.kz')).toBe(true);
    expect(isOnDomain('a@evilgov.kz', 'gov.kz')).toBe(false);
    expect(isOnDomain('a@gov.kz.evil.example', 'gov.kz')).toBe(false);
    expect(isOnDomain('gov.kz', 'gov.kz')).toBe(false);
  });

  it("checks an application's contact and time zone against the normalised domain", () => {
    const base = {
      country: 'KZ',
      name: 'Ministry',
      kind: 'police' as const,
      domain: 'Gov.KZ',
      legalMandate: 'Art. 1',
      contactName: 'A',
      contactEmail: 'a@mic.gov.kz',
      timeZone: 'Asia/Almaty',
    };
    expect(checkApplication(base).domain).toBe('gov.kz');
    expect(codeOf(() => checkApplication({ ...base, contactEmail: 'a@gmail.com' }))).toBe('validation_failed:contactEmail');
    expect(codeOf(() => checkApplication({ ...base, timeZone: '+05:00' }))).toBe('validation_failed:timeZone');
  });
});

describe('lock-out', () => {
  it('locks from the threshold on for 1, 2, 4, 8 and then at most 15 minutes', () => {
    expect([3, 4, 5, 6, 7, 8, 9, 10, 40].map((n) => lockDuration(n, 5) / 60_000)).toEqual([0, 0, 1, 2, 4, 8, 15, 15, 15]);
  });

  it('refuses while locked, saying how long to wait', () => {
    const now = new Date('2026-11-30T09:00:00Z');
    expect(codeOf(() => checkNotLocked(new Date(now.getTime() + 90_500), now))).toBe('account_locked');
    try {
      checkNotLocked(new Date(now.getTime() + 90_500), now);
    } catch (error) {
      expect((error as { retryAfterSeconds: number }).retryAfterSeconds).toBe(91);
    }
    expect(codeOf(() => checkNotLocked(now, now))).toBe('ok');
    expect(codeOf(() => checkNotLocked(null, now))).toBe('ok');
  });
});

describe('sign-in stages', () => {
  it('asks for a factor when there is one, enrolment when there is none; enrols only enrol or full sessions', () => {
    expect(stageAfterPassword({ totp: false, passkeys: 0 })).toBe('enrol');
    expect(stageAfterPassword({ totp: true, passkeys: 0 })).toBe('second_factor');
    expect(stageAfterPassword({ totp: false, passkeys: 2 })).toBe('second_factor');
    expect(['enrol', 'second_factor', 'full'].map((s) => codeOf(() => checkMayEnrol(s as 'enrol')))).toEqual([
      'ok',
      'second_factor_required',
      'ok',
    ]);
    expect(['enrol', 'second_factor', 'full'].map((s) => codeOf(() => checkAwaitsSecondFactor(s as 'enrol')))).toEqual([
      'invalid_transition',
      'ok',
      'invalid_transition',
    ]);
  });
});

describe('TOTP and recovery codes', () => {
  it("gives a code's time step within one step of now, and null beyond", () => {
    const { secret, uri } = newTotpSecret('officer@gov.kz');
    expect(uri).toContain(`secret=${secret}`);
    const now = new Date('2026-11-30T09:00:10Z');
    const step = Math.floor(now.getTime() / 30_000);
    const code = (offset: number) =>
      TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: now.getTime() + offset * 30_000 });
    expect([-2, -1, 0, 1, 2].map((o) => totpStep(secret, code(o), now))).toEqual([null, step - 1, step, step + 1, null]);
  });

  it('compares recovery codes without case, dashes or spaces', () => {
    expect(formatRecoveryCode('ABCDEFGHIJKL')).toBe('abcde-fghij');
    expect(normalRecoveryCode(' ABCDE fghij ')).toBe(normalRecoveryCode('abcde-fghij'));
  });
});
