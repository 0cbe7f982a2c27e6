/**
 * The officers' use cases (src/app/officers.ts) called directly over a real database: the
 * invitation and its mail (refused off the agency's domain or for a taken address), the password
 * length, an unknown invitation token, the sign-in stages and their session lifetimes, the streak of
 * failures that a password step ends (or not), an unknown address or a disabled officer answered and
 * locked as a wrong password, the second factors' refusals (a TOTP step works once) and the recovery
 * codes' shape.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptInvitation,
  confirmTotpEnrolment,
  disableOfficer,
  inviteOfficer,
  officerSession,
  signInOfficer,
  startTotpEnrolment,
  useRecoveryCode,
  verifyTotp,
} from '../../src/app/officers.js';
import { invitationPagePath } from '../../src/contracts/agencies.js';
import { hashToken } from '../../src/db/officer-sessions-repository.js';
import { mailOutbox, officerSessions } from '../../src/db/schema/index.js';
import { createVerifiedAgency, principalOf, type TestAgency } from '../support/agencies.js';
import { createTestWrit, refusal, type TestWrit } from '../support/writ.js';
import { totpCode } from './officer-support.js';

const PUBLIC_URL = 'http://writ.test';
const AGENCY_NAME = 'Ministry of Signals';
const clock = new Date('2026-11-30T09:00:00Z');
const PASSWORD = 'a long officer passphrase';
let t: TestWrit;
let agency: TestAgency;
let officers = 0;

beforeAll(async () => {
  t = await createTestWrit({
    now: () => clock,
    env: { WRIT_PUBLIC_URL: PUBLIC_URL, WRIT_SIGNIN_ACCOUNT_FAILURES: '3', WRIT_SESSION_TTL_HOURS: '8' },
  });
  agency = await createVerifiedAgency(t, 'KZ', { name: AGENCY_NAME });
});
afterAll(async () => t?.close());

async function mailTo(email: string) {
  const [mail] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, email));
  if (!mail) throw new Error(`no mail to ${email}`);
  return mail;
}

/** Invites a new officer and returns its address and the token of its mailed link. */
async function invited(): Promise<{ email: string; token: string }> {
  officers += 1;
  const email = `officer${officers}@${agency.domain}`;
  await inviteOfficer(t.writ, principalOf(agency), { email, name: `Officer ${officers}`, isAgencyAdmin: false });
  const token = /token=([^\s]+)/.exec((await mailTo(email)).body)?.[1];
  if (!token) throw new Error('no token in the invitation');
  return { email, token: decodeURIComponent(token) };
}

/** When the session of `token` ends, as stored. */
async function sessionExpiry(token: string) {
  const [row] = await t.database.db
    .select({ expiresAt: officerSessions.expiresAt })
    .from(officerSessions)
    .where(eq(officerSessions.tokenHash, hashToken(token)));
  return row?.expiresAt;
}

async function sessionOf(token: string) {
  return officerSession((await t.writ.officerSessions.principalForSession(token)) ?? null, token);
}

/** An officer who accepted the invitation and enrolled TOTP; returns the secret and the recovery codes. */
async function enrolled() {
  const { email, token } = await invited();
  const accepted = await acceptInvitation(t.writ, { token, password: PASSWORD });
  const session = await sessionOf(accepted.token);
  const { secret } = await startTotpEnrolment(t.writ, session);
  const done = await confirmTotpEnrolment(t.writ, session, totpCode(secret, clock));
  return { email, secret, recoveryCodes: done.recoveryCodes ?? [], session: await sessionOf(accepted.token) };
}

const wrongPassword = { code: 'invalid_credentials', field: 'password', message: 'the email or the password is wrong' };

describe('inviting and disabling officers', () => {
  it('stores the invited address without the spaces around it, and mails the whole invitation', async () => {
    officers += 1;
    const email = `spaced${officers}@${agency.domain}`;
    const officer = await inviteOfficer(t.writ, principalOf(agency), {
      email: `  ${email}  `,
      name: 'Nia Spaced',
      isAgencyAdmin: false,
    });
    expect(officer.email).toBe(email);
    const mail = await mailTo(email);
    expect(mail.kind).toBe('invitation');
    const link = /^http:\/\/writ\.test\/portal\/invitation\?token=\S+$/m.exec(mail.body)?.[0];
    expect(link?.startsWith(`${PUBLIC_URL}${invitationPagePath}?token=`)).toBe(true);
    expect(mail.subject).toBe(`Invitation to the authority portal for ${AGENCY_NAME}`);
    expect(mail.body).toBe(
      [
        'Dear Nia Spaced,',
        '',
        `You are invited to act for ${AGENCY_NAME} on the authority portal.`,
        'Open this link to choose your password and set up your second factor:',
        '',
        link,
        '',
        'The link works once and expires on 2026-12-03T09:00:00.000Z (UTC).',
        'If you did not expect this mail, ignore it.',
      ].join('\n'),
    );
  });

  it("refuses an address off the agency's domain, and one that is already an officer's, each on the email", async () => {
    const invite = (email: string) => inviteOfficer(t.writ, principalOf(agency), { email, name: 'Again', isAgencyAdmin: false });
    expect(await refusal(invite('someone@elsewhere.example'))).toMatchObject({ code: 'validation_failed', field: 'email' });
    const { email } = await invited();
    expect(await refusal(invite(email))).toEqual({
      code: 'conflict',
      field: 'email',
      message: `${email} is already an officer's address`,
    });
  });

  it('refuses an officer disabling themselves', async () => {
    const principal = principalOf(agency);
    expect(await refusal(disableOfficer(t.writ, principal, agency.officer.id))).toMatchObject({ code: 'invalid_transition' });
  });
});

describe('accepting an invitation', () => {
  it('refuses a password one character shorter than 12, accepts one of exactly 12, and gives 30 minutes to enrol', async () => {
    const { token } = await invited();
    expect(await refusal(acceptInvitation(t.writ, { token, password: 'x'.repeat(11) }))).toEqual({
      code: 'validation_failed',
      field: 'password',
      message: 'the password must have at least 12 characters',
    });
    const accepted = await acceptInvitation(t.writ, { token, password: 'x'.repeat(12) });
    expect(accepted.view.stage).toBe('enrol');
    expect(accepted.expiresAt).toEqual(new Date(clock.getTime() + 30 * 60_000));
  });

  it('refuses a token that names no invitation, on the token', async () => {
    expect(await refusal(acceptInvitation(t.writ, { token: 'no-such-invitation', password: PASSWORD }))).toEqual({
      code: 'not_found',
      field: 'token',
      message: 'this invitation link is unknown, was used already or has expired: ask for a new one',
    });
  });
});

describe('the password step', () => {
  it('answers a wrong password with invalid_credentials on the password', async () => {
    const { email, token } = await invited();
    await acceptInvitation(t.writ, { token, password: PASSWORD });
    expect(await refusal(signInOfficer(t.writ, { email, password: 'not the passphrase' }))).toEqual(wrongPassword);
  });

  it('answers an address that is no officer as a wrong password, and locks it after as many failures as an officer', async () => {
    const wrong = () => signInOfficer(t.writ, { email: `nobody@${agency.domain}`, password: PASSWORD });
    expect(await refusal(wrong())).toEqual(wrongPassword);
    expect(await refusal(wrong())).toEqual(wrongPassword);
    expect((await refusal(wrong())).code).toBe('account_locked');
  });

  it('answers a disabled officer giving the right password as a wrong password', async () => {
    const { email, token } = await invited();
    const accepted = await acceptInvitation(t.writ, { token, password: PASSWORD });
    await disableOfficer(t.writ, principalOf(agency), accepted.view.officer.id);
    expect(await refusal(signInOfficer(t.writ, { email, password: PASSWORD }))).toEqual(wrongPassword);
  });

  it('ends the streak of failures for an officer still to enrol (stage enrol, 15 minutes)', async () => {
    const { email, token } = await invited();
    await acceptInvitation(t.writ, { token, password: PASSWORD });
    const wrong = () => signInOfficer(t.writ, { email, password: 'not the passphrase' });
    expect(await refusal(wrong())).toEqual(wrongPassword);
    expect(await refusal(wrong())).toEqual(wrongPassword);
    const ok = await signInOfficer(t.writ, { email, password: PASSWORD });
    expect(ok.view.stage).toBe('enrol');
    expect(ok.expiresAt).toEqual(new Date(clock.getTime() + 15 * 60_000));
    // The streak started again: two more failures do not reach the threshold of 3, the third does.
    expect(await refusal(wrong())).toEqual(wrongPassword);
    expect(await refusal(wrong())).toEqual(wrongPassword);
    expect((await refusal(wrong())).code).toBe('account_locked');
  });

  it('does not end the streak when a second factor is still to come (stage second_factor, 15 minutes)', async () => {
    const { email } = await enrolled();
    const wrong = () => signInOfficer(t.writ, { email, password: 'not the passphrase' });
    expect(await refusal(wrong())).toEqual(wrongPassword);
    expect(await refusal(wrong())).toEqual(wrongPassword);
    const half = await signInOfficer(t.writ, { email, password: PASSWORD });
    expect(half.view.stage).toBe('second_factor');
    expect(half.expiresAt).toEqual(new Date(clock.getTime() + 15 * 60_000));
    expect((await refusal(wrong())).code).toBe('account_locked');
  });
});

describe('second factors', () => {
  it('issues ten recovery codes of ten base32 characters, spread over the alphabet', async () => {
    const { recoveryCodes } = await enrolled();
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    // Each character comes from fresh random bits: ten codes never all start with the same two characters.
    expect(new Set(recoveryCodes.map((c) => c[0])).size).toBeGreaterThan(1);
    expect(new Set(recoveryCodes.map((c) => c[1])).size).toBeGreaterThan(1);
  });

  it('refuses a second authenticator app for an officer who has one', async () => {
    const { session } = await enrolled();
    expect(session.principal.stage).toBe('full');
    expect(await refusal(startTotpEnrolment(t.writ, session))).toEqual({
      code: 'conflict',
      field: undefined,
      message: 'this officer already has an authenticator app enrolled',
    });
  });

  it('refuses a wrong TOTP code and a wrong recovery code, each with its message, then takes a recovery code', async () => {
    const { email, secret, recoveryCodes } = await enrolled();
    const half = await signInOfficer(t.writ, { email, password: PASSWORD });
    const session = await sessionOf(half.token);
    const right = totpCode(secret, clock);
    const wrongCode = right === '123456' ? '654321' : '123456';
    expect(await refusal(verifyTotp(t.writ, session, wrongCode))).toEqual({
      code: 'invalid_credentials',
      field: 'code',
      message: 'the code is wrong',
    });
    expect(await refusal(useRecoveryCode(t.writ, session, 'zzzzz-zzzzz'))).toEqual({
      code: 'invalid_credentials',
      field: 'code',
      message: 'the recovery code is wrong or was used already',
    });
    const view = await useRecoveryCode(t.writ, session, recoveryCodes[0] ?? '');
    expect(view.stage).toBe('full');
  });

  it('refuses at enrolment a code that does not match, telling to check the app and the clock', async () => {
    const { token } = await invited();
    const accepted = await acceptInvitation(t.writ, { token, password: PASSWORD });
    const session = await sessionOf(accepted.token);
    const { secret } = await startTotpEnrolment(t.writ, session);
    const wrongCode = totpCode(secret, clock) === '123456' ? '654321' : '123456';
    expect(await refusal(confirmTotpEnrolment(t.writ, session, wrongCode))).toEqual({
      code: 'invalid_credentials',
      field: 'code',
      message: 'the code does not match: check the app and the device clock',
    });
  });

  it("refuses at sign-in the code used to enrol, takes the next step's, and the session then lasts the configured 8 hours", async () => {
    const { email, secret } = await enrolled();
    const half = await signInOfficer(t.writ, { email, password: PASSWORD });
    const session = await sessionOf(half.token);
    expect(await refusal(verifyTotp(t.writ, session, totpCode(secret, clock)))).toEqual({
      code: 'invalid_credentials',
      field: 'code',
      message: 'this code was used already: wait for the next one',
    });
    const view = await verifyTotp(t.writ, session, totpCode(secret, new Date(clock.getTime() + 30_000)));
    expect(view.stage).toBe('full');
    expect(await sessionExpiry(half.token)).toEqual(new Date(clock.getTime() + 8 * 3_600_000));
  });
});
