/**
 * Issue 10, item 1: an officer's sign-in takes a password and a second factor. A TOTP code is
 * accepted one step either side of now and never twice; a recovery code works once; failures in a
 * row (password or second factor) lock the account for a growing while, stored in PostgreSQL so that
 * the lock holds in another Writ process and after a restart; an unknown address is answered like a
 * wrong password.
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { officers } from '../../src/db/schema/index.js';
import { buildApp } from '../../src/http/app.js';
import { createTestApp, type TestApp } from '../support/app.js';
import {
  acceptAndEnrol,
  invitationToken,
  officerPassword,
  signInAdmin,
  totpCode,
  verifiedAgencyWithOfficer,
} from './officer-support.js';

let t: TestApp;
let admin: { authorization: string; id: string };
let clock = new Date('2026-11-30T09:00:00Z');
const tick = (seconds: number) => {
  clock = new Date(clock.getTime() + seconds * 1000);
};

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  admin = await signInAdmin(t);
});
afterAll(async () => t?.close());

/** Another Writ process over the same database (a second instance, or the same one restarted). */
async function anotherWrit(): Promise<FastifyInstance> {
  const config = loadConfig({ WRIT_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' });
  return buildApp({ config, database: t.database, now: () => clock, logger: false });
}

function passwordStep(app: FastifyInstance, email: string, password = officerPassword) {
  return app.inject({ method: 'POST', url: '/api/v1/authority/session', payload: { email, password } });
}

async function halfSignedIn(app: FastifyInstance, email: string) {
  const res = await passwordStep(app, email);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().stage).toBe('second_factor');
  return { authorization: `Bearer ${res.json().token}` };
}

function secondStep(app: FastifyInstance, auth: { authorization: string }, kind: 'totp' | 'recovery', code: string) {
  return app.inject({ method: 'POST', url: `/api/v1/authority/session/${kind}`, headers: auth, payload: { code } });
}

describe('TOTP', () => {
  it('accepts the step before and after now, never a step twice, nor one two steps away', async () => {
    const officer = await verifiedAgencyWithOfficer(t, admin, clock);
    // The enrolment's own step is used: its code cannot sign in.
    const replayed = await secondStep(t.app, await halfSignedIn(t.app, officer.email), 'totp', totpCode(officer.secret, clock));
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json()).toMatchObject({ code: 'invalid_credentials', field: 'code' });

    tick(90);
    const previous = new Date(clock.getTime() - 30_000);
    const auth = await halfSignedIn(t.app, officer.email);
    expect((await secondStep(t.app, auth, 'totp', totpCode(officer.secret, previous))).statusCode).toBe(200);

    const again = await halfSignedIn(t.app, officer.email);
    const sameStep = await secondStep(t.app, again, 'totp', totpCode(officer.secret, previous));
    expect(sameStep.statusCode).toBe(401);
    expect(sameStep.json().detail).toMatch(/used already/);
    const earlierStep = await secondStep(t.app, again, 'totp', totpCode(officer.secret, new Date(clock.getTime() - 60_000)));
    expect(earlierStep.statusCode).toBe(401);
    const twoAhead = await secondStep(t.app, again, 'totp', totpCode(officer.secret, new Date(clock.getTime() + 60_000)));
    expect(twoAhead.statusCode).toBe(401);
    const next = await secondStep(t.app, again, 'totp', totpCode(officer.secret, new Date(clock.getTime() + 30_000)));
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json().stage).toBe('full');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/authority/officers', headers: again })).statusCode).toBe(200);
  });

  it('refuses a second factor to a session that has not given the password, and enrolment half-way', async () => {
    const officer = await verifiedAgencyWithOfficer(t, admin, clock);
    tick(30);
    expect((await secondStep(t.app, {} as { authorization: string }, 'totp', totpCode(officer.secret, clock))).statusCode).toBe(
      401,
    );
    const half = await halfSignedIn(t.app, officer.email);
    const enrol = await t.app.inject({ method: 'POST', url: '/api/v1/authority/totp', headers: half });
    expect(enrol.statusCode).toBe(401);
    expect(enrol.json().code).toBe('second_factor_required');
    const full = await secondStep(t.app, officer.auth, 'totp', totpCode(officer.secret, clock));
    expect(full.statusCode).toBe(409);
  });
});

describe('recovery codes', () => {
  it('signs in with each code once, as printed or typed loosely', async () => {
    const officer = await verifiedAgencyWithOfficer(t, admin, clock);
    const [first, second] = officer.recoveryCodes as [string, string];
    expect(first).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    const used = await secondStep(t.app, await halfSignedIn(t.app, officer.email), 'recovery', first);
    expect(used.statusCode, used.body).toBe(200);
    expect(used.json()).toMatchObject({ stage: 'full', factors: { recoveryCodesLeft: 9 } });

    const reused = await secondStep(t.app, await halfSignedIn(t.app, officer.email), 'recovery', first);
    expect(reused.statusCode).toBe(401);
    expect(reused.json()).toMatchObject({ code: 'invalid_credentials', field: 'code' });
    const loose = ` ${second.replace('-', ' ').toUpperCase()} `;
    expect((await secondStep(t.app, await halfSignedIn(t.app, officer.email), 'recovery', loose)).statusCode).toBe(200);
  });
});

describe('lock-out', () => {
  it('locks after 5 failures in a row, in another process and after a restart, then doubles; a success resets', async () => {
    const officer = await verifiedAgencyWithOfficer(t, admin, clock);
    for (let i = 1; i <= 4; i++) expect((await passwordStep(t.app, officer.email, `guess ${i}`)).statusCode).toBe(401);
    const locking = await passwordStep(t.app, officer.email, 'guess 5');
    expect(locking.statusCode).toBe(423);
    expect(locking.headers['retry-after']).toBe('60');
    expect(locking.json()).toMatchObject({ code: 'account_locked', status: 423 });

    // The right password is refused too, by this process, by another and by a restarted one.
    const other = await anotherWrit();
    try {
      tick(20);
      const elsewhere = await passwordStep(other, officer.email);
      expect(elsewhere.statusCode).toBe(423);
      expect(elsewhere.headers['retry-after']).toBe('40');
    } finally {
      await other.close();
    }
    const restarted = await anotherWrit();
    try {
      expect((await passwordStep(restarted, officer.email)).statusCode).toBe(423);
      tick(41);
      // The next failure after the lock doubles it.
      const doubled = await passwordStep(restarted, officer.email, 'guess 6');
      expect(doubled.statusCode).toBe(423);
      expect(doubled.headers['retry-after']).toBe('120');
      tick(121);
      await halfSignedIn(restarted, officer.email);
    } finally {
      await restarted.close();
    }
    const auth = await halfSignedIn(t.app, officer.email);
    expect((await secondStep(t.app, auth, 'totp', totpCode(officer.secret, clock))).statusCode).toBe(200);
    const [row] = await t.database.db.select().from(officers).where(eq(officers.email, officer.email));
    expect(row).toMatchObject({ failedAttempts: 0, lockedUntil: null });
    for (let i = 1; i <= 4; i++) expect((await passwordStep(t.app, officer.email, `guess ${i}`)).statusCode).toBe(401);
  });

  it('counts wrong second factors too, and refuses the right one while locked', async () => {
    const officer = await verifiedAgencyWithOfficer(t, admin, clock);
    tick(30);
    const auth = await halfSignedIn(t.app, officer.email);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await secondStep(t.app, auth, 'recovery', `wrong-${i}`)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const right = await secondStep(t.app, auth, 'totp', totpCode(officer.secret, clock));
    expect(right.statusCode).toBe(423);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    tick(61);
    expect((await secondStep(t.app, auth, 'totp', totpCode(officer.secret, clock))).statusCode).toBe(200);
  });

  it('answers an unknown address as it answers a wrong password', async () => {
    const officer = await verifiedAgencyWithOfficer(t, admin, clock);
    const wrong = await passwordStep(t.app, officer.email, 'not the password');
    const unknown = await passwordStep(t.app, `nobody@${officer.body.domain}`, 'not the password');
    expect(unknown.statusCode).toBe(wrong.statusCode);
    const { instance: _a, ...unknownProblem } = unknown.json();
    const { instance: _b, ...wrongProblem } = wrong.json();
    expect(unknownProblem).toEqual(wrongProblem);
    expect(unknownProblem).toMatchObject({ status: 401, code: 'invalid_credentials' });
  });

  it('locks an unknown address exactly as a real one, so that a lock reveals no account', async () => {
    const officer = await verifiedAgencyWithOfficer(t, admin, clock);
    const answers = async (email: string) => {
      const seen: unknown[] = [];
      for (let i = 0; i < 7; i += 1) {
        const res = await passwordStep(t.app, email, 'not the password');
        const { instance: _instance, ...problem } = res.json();
        seen.push({ status: res.statusCode, retryAfter: res.headers['retry-after'] ?? null, problem });
      }
      return seen;
    };
    const real = await answers(officer.email);
    const unknown = await answers(`nobody@${officer.body.domain}`);
    expect(real.map((a) => (a as { status: number }).status)).toContain(423);
    expect(unknown).toEqual(real);
  });

  it('refuses a disabled officer as it refuses a wrong password, and ends its sessions', async () => {
    const officer = await verifiedAgencyWithOfficer(t, admin, clock);
    const colleague = `dana@${officer.body.domain}`;
    const invited = await t.app.inject({
      method: 'POST',
      url: '/api/v1/authority/officers',
      headers: officer.auth,
      payload: { email: colleague, name: 'Dana' },
    });
    expect((await passwordStep(t.app, colleague)).json().code).toBe('invalid_credentials');
    const dana = await acceptAndEnrol(t.app, await invitationToken(t, colleague), clock);
    expect((await passwordStep(t.app, colleague)).statusCode).toBe(200);
    await t.app.inject({ method: 'POST', url: `/api/v1/authority/officers/${invited.json().id}/disable`, headers: officer.auth });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/authority/session', headers: dana.auth })).statusCode).toBe(401);
    const refused = await passwordStep(t.app, colleague);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe('invalid_credentials');
  });
});

describe('invitations', () => {
  it('expire after WRIT_INVITATION_TTL_HOURS (72 h)', async () => {
    const officer = await verifiedAgencyWithOfficer(t, admin, clock);
    const invite = (email: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/authority/officers',
        headers: officer.auth,
        payload: { email, name: 'Late' },
      });
    const accept = async (email: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/authority/invitations/accept',
        payload: { token: await invitationToken(t, email), password: officerPassword },
      });
    const [late, inTime] = [`late@${officer.body.domain}`, `in.time@${officer.body.domain}`];
    await invite(late);
    await invite(inTime);
    tick(72 * 3600 - 1);
    expect((await accept(inTime)).statusCode).toBe(200);
    tick(2);
    const expired = await accept(late);
    expect(expired.statusCode).toBe(404);
    expect(expired.json()).toMatchObject({ code: 'not_found', field: 'token' });
  });
});
