/**
 * The passkey use cases themselves (src/app/passkeys.ts), called directly over a real database with
 * the software authenticator of test/support/passkey-authenticator.ts, and answers changed the way
 * an authenticator or an attacker could change them: what the registration and sign-in options ask
 * of the browser; a first passkey ends the enrolment and a later one issues no recovery codes; an
 * answer without user verification or without transports is taken; every refusal with its code,
 * field and message (no challenge waiting, an answer that does not verify, a credential registered
 * already, the wrong stage, a lock, no passkey, another officer's credential, a bad signature, a
 * counter used by a concurrent sign-in), and which of them count toward the lock-out.
 */
import { createHash, type KeyObject, sign } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officerSession } from '../../src/app/officers.js';
import {
  authenticateWithPasskey,
  authenticationOptions,
  listPasskeys,
  registerPasskey,
  registrationOptions,
  removePasskey,
} from '../../src/app/passkeys.js';
import { hashToken } from '../../src/db/officer-sessions-repository.js';
import { agencyEvents, officerPasskeys, officerSessions, officers } from '../../src/db/schema/index.js';
import { addOfficer, createVerifiedAgency, type TestAgency } from '../support/agencies.js';
import { SoftAuthenticator } from '../support/passkey-authenticator.js';
import { createTestWrit, refusal, type TestWrit } from '../support/writ.js';

// Later than the wall clock, so that the sessions addOfficer starts on it never outlive these.
const clock = new Date('2031-03-01T09:00:00Z');
const site = { origin: 'https://portal.writ.example', rpId: 'portal.writ.example' };
const refused = { code: 'invalid_credentials', field: 'code', message: 'the passkey could not be verified; try again' };
let t: TestWrit;
let agency: TestAgency;
let count = 0;

beforeAll(async () => {
  t = await createTestWrit({ now: () => clock, env: { WRIT_PUBLIC_URL: site.origin } });
  agency = await createVerifiedAgency(t, 'KZ');
});
afterAll(async () => t?.close());

type Stage = 'enrol' | 'second_factor' | 'full';

/** A new active officer of the agency (no factor, no recovery codes) and a session of theirs at `stage`. */
async function officerAt(stage: Stage) {
  count += 1;
  const email = `officer${count}@${agency.domain}`;
  const { id } = await addOfficer(t, agency.id, email);
  return { id, email, name: `officer${count}`, session: await sessionOf(id, stage) };
}

async function sessionOf(officerId: string, stage: Stage) {
  const { token } = await t.writ.officerSessions.start(officerId, stage, 30);
  return officerSession((await t.writ.officerSessions.principalForSession(token)) ?? null, token);
}

/** An officer who enrolled a passkey of `device`, and a new sign-in of theirs waiting for the second factor. */
async function enrolled() {
  const officer = await officerAt('enrol');
  const device = new SoftAuthenticator(site);
  const done = await registerPasskey(
    t.writ,
    officer.session,
    device.register(await registrationOptions(t.writ, officer.session)),
  );
  return { ...officer, device, credentialId: done.passkey.credentialId, signIn: await sessionOf(officer.id, 'second_factor') };
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();
type Registration = ReturnType<SoftAuthenticator['register']>;

/**
 * A registration answer with its authenticator data's flags set to `flags`, or naming `credentialId`
 * (16 bytes, as the software authenticator makes them), or without transports. "none" attestation
 * signs nothing, so the answer stays as valid as the original.
 */
function changed(answer: Registration, change: { flags?: number; credentialId?: string; transports?: 'none' }): Registration {
  const attestation = isoCBOR.decodeFirst<Map<string, unknown>>(Buffer.from(answer.response.attestationObject, 'base64url'));
  const authData = Buffer.from(attestation.get('authData') as Uint8Array);
  if (change.flags !== undefined) authData[32] = change.flags;
  // rpIdHash (32) flags (1) counter (4) aaguid (16) length (2), then the credential id.
  if (change.credentialId) Buffer.from(change.credentialId, 'base64url').copy(authData, 55);
  attestation.set('authData', new Uint8Array(authData));
  const id = change.credentialId ?? answer.id;
  const { transports: _transports, ...withoutTransports } = answer.response;
  return {
    ...answer,
    id,
    rawId: id,
    response: {
      ...(change.transports === 'none' ? withoutTransports : answer.response),
      attestationObject: Buffer.from(isoCBOR.encode(attestation as never)).toString('base64url'),
    } as Registration['response'],
  };
}

/**
 * A sign-in answer of `device`'s first credential with authenticator flags `flags` (0x05: present and
 * verified), its counter at `counter` (next by default), signed with `signWith` (its own key by default).
 */
function assertion(
  device: SoftAuthenticator,
  options: { challenge: string },
  change: { flags?: number; counter?: number; signWith?: KeyObject } = {},
) {
  const credential = device.credentials[0]!;
  credential.counter = change.counter ?? credential.counter + 1;
  const counter = Buffer.alloc(4);
  counter.writeUInt32BE(credential.counter);
  const authenticatorData = Buffer.concat([sha256(site.rpId), Buffer.from([change.flags ?? 0x05]), counter]);
  const clientDataJSON = Buffer.from(
    JSON.stringify({ type: 'webauthn.get', challenge: options.challenge, origin: site.origin, crossOrigin: false }),
  );
  const signature = sign('sha256', Buffer.concat([authenticatorData, sha256(clientDataJSON)]), change.signWith ?? credential.key);
  const id = credential.id.toString('base64url');
  return {
    id,
    rawId: id,
    type: 'public-key' as const,
    response: {
      clientDataJSON: clientDataJSON.toString('base64url'),
      authenticatorData: authenticatorData.toString('base64url'),
      signature: signature.toString('base64url'),
    },
    clientExtensionResults: {},
  };
}

async function officerRow(officerId: string) {
  const [row] = await t.database.db
    .select({ status: officers.status, failedAttempts: officers.failedAttempts, lockedUntil: officers.lockedUntil })
    .from(officers)
    .where(eq(officers.id, officerId));
  return row!;
}

async function stageOf(token: string) {
  const [row] = await t.database.db
    .select({ stage: officerSessions.stage })
    .from(officerSessions)
    .where(eq(officerSessions.tokenHash, hashToken(token)));
  return row?.stage;
}

const storedOf = (officerId: string) =>
  t.database.db
    .select({
      credentialId: officerPasskeys.credentialId,
      counter: officerPasskeys.counter,
      lastUsedAt: officerPasskeys.lastUsedAt,
    })
    .from(officerPasskeys)
    .where(eq(officerPasskeys.officerId, officerId));

const lock = (officerId: string) =>
  t.database.db
    .update(officers)
    .set({ failedAttempts: 5, lockedUntil: new Date(clock.getTime() + 90_000) })
    .where(eq(officers.id, officerId));

const lockedRefusal = {
  code: 'account_locked',
  field: undefined,
  message: 'too many failed attempts: the account is locked; try again in 90 s',
};

describe('registrationOptions', () => {
  it("asks for the officer's new credential: the relying party, the officer as the user, five minutes, no attestation, a resident key and user verification preferred, the officer's passkeys excluded", async () => {
    const officer = await enrolled();
    const session = await sessionOf(officer.id, 'full');
    const options = await registrationOptions(t.writ, session);
    expect(options).toEqual({
      challenge: expect.stringMatching(/^[\w-]{43}$/),
      rp: { name: 'Writ', id: site.rpId },
      user: { id: Buffer.from(officer.id).toString('base64url'), name: officer.email, displayName: officer.name },
      pubKeyCredParams: [
        { alg: -8, type: 'public-key' },
        { alg: -7, type: 'public-key' },
        { alg: -257, type: 'public-key' },
      ],
      timeout: 300_000,
      attestation: 'none',
      excludeCredentials: [{ id: officer.credentialId, type: 'public-key', transports: ['internal'] }],
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred', requireResidentKey: false },
      extensions: { credProps: true },
      hints: [],
    });
  });

  it('is refused half-way through a sign-in', async () => {
    const officer = await officerAt('second_factor');
    expect(await refusal(registrationOptions(t.writ, officer.session))).toEqual({
      code: 'second_factor_required',
      field: undefined,
      message: 'confirm this sign-in with your second factor before enrolling another',
    });
  });
});

describe('registerPasskey', () => {
  it('stores a first passkey and ends the enrolment: 10 recovery codes once, the session full, the officer active', async () => {
    const officer = await officerAt('enrol');
    await t.database.db.update(officers).set({ status: 'invited' }).where(eq(officers.id, officer.id));
    const device = new SoftAuthenticator(site);
    const answer = device.register(await registrationOptions(t.writ, officer.session));
    const done = await registerPasskey(t.writ, officer.session, answer);
    expect(done).toEqual({
      passkey: { credentialId: answer.id, transports: ['internal'], createdAt: clock, lastUsedAt: null },
      session: {
        officer: { id: officer.id, email: officer.email, name: officer.name, isAgencyAdmin: false },
        agency: { id: agency.id, country: 'KZ', name: expect.any(String), status: 'verified' },
        stage: 'full',
        factors: { totp: false, passkeys: 1, recoveryCodesLeft: 10 },
      },
      recoveryCodes: Array(10).fill(expect.stringMatching(/^[a-z2-7]{5}-[a-z2-7]{5}$/)),
    });
    expect(await stageOf(officer.session.token)).toBe('full');
    expect((await officerRow(officer.id)).status).toBe('active');
    expect(await listPasskeys(t.writ, officer.session)).toEqual([done.passkey]);
    const events = await t.database.db
      .select({ type: agencyEvents.type, after: agencyEvents.after })
      .from(agencyEvents)
      .where(eq(agencyEvents.actorOfficerId, officer.id))
      .orderBy(agencyEvents.id);
    expect(events).toEqual([
      { type: 'passkey_added', after: { officerId: officer.id, credentialId: answer.id } },
      { type: 'second_factor_enrolled', after: { officerId: officer.id, factor: 'passkey' } },
    ]);
  });

  it('adds a passkey to a signed-in session without issuing recovery codes or ending any enrolment', async () => {
    const officer = await officerAt('full');
    const device = new SoftAuthenticator(site);
    const answer = device.register(await registrationOptions(t.writ, officer.session));
    const done = await registerPasskey(t.writ, officer.session, answer);
    expect(done.recoveryCodes).toBeNull();
    expect(done.session).toMatchObject({ stage: 'full', factors: { totp: false, passkeys: 1, recoveryCodesLeft: 0 } });
    const events = await t.database.db
      .select({ type: agencyEvents.type })
      .from(agencyEvents)
      .where(eq(agencyEvents.actorOfficerId, officer.id));
    expect(events).toEqual([{ type: 'passkey_added' }]);
  });

  it('takes an answer without user verification, and one that names no transports (stored with none)', async () => {
    const officer = await officerAt('full');
    const device = new SoftAuthenticator(site);
    const unverified = changed(device.register(await registrationOptions(t.writ, officer.session)), { flags: 0x41 });
    expect((await registerPasskey(t.writ, officer.session, unverified)).passkey.credentialId).toBe(unverified.id);
    const bare = changed(device.register(await registrationOptions(t.writ, officer.session)), { transports: 'none' });
    const done = await registerPasskey(t.writ, officer.session, bare);
    expect(done.passkey).toEqual({ credentialId: bare.id, transports: [], createdAt: clock, lastUsedAt: null });
    expect((await listPasskeys(t.writ, officer.session)).find((p) => p.credentialId === bare.id)?.transports).toEqual([]);
  });

  it('is refused without a registration challenge waiting on the session, and the challenge works once', async () => {
    const officer = await officerAt('enrol');
    const device = new SoftAuthenticator(site);
    const noChallenge = {
      code: 'invalid_transition',
      field: undefined,
      message: 'no passkey challenge is waiting on this session: ask for registration-options first (each works once)',
    };
    expect(await refusal(registerPasskey(t.writ, officer.session, device.register({ challenge: 'never-issued' })))).toEqual(
      noChallenge,
    );
    const options = await registrationOptions(t.writ, officer.session);
    const phished = device.register(options, { origin: 'https://writ.evil.example' });
    expect(await refusal(registerPasskey(t.writ, officer.session, phished))).toEqual({ ...refused, field: 'response' });
    expect(await refusal(registerPasskey(t.writ, officer.session, device.register(options)))).toEqual(noChallenge);
    expect(await storedOf(officer.id)).toEqual([]);
    expect(await stageOf(officer.session.token)).toBe('enrol');
  });

  it('refuses a credential registered already (to another officer): nothing stored, the enrolment goes on', async () => {
    const first = await enrolled();
    const officer = await officerAt('enrol');
    const answer = new SoftAuthenticator(site).register(await registrationOptions(t.writ, officer.session));
    expect(
      await refusal(registerPasskey(t.writ, officer.session, changed(answer, { credentialId: first.credentialId }))),
    ).toEqual({
      code: 'conflict',
      field: 'response',
      message: 'this passkey is registered already',
    });
    expect(await storedOf(officer.id)).toEqual([]);
    expect(await stageOf(officer.session.token)).toBe('enrol');
  });
});

describe('authenticationOptions', () => {
  it("asks for one of the officer's passkeys, with user verification preferred, within five minutes", async () => {
    const officer = await enrolled();
    expect(await authenticationOptions(t.writ, officer.signIn)).toEqual({
      rpId: site.rpId,
      challenge: expect.stringMatching(/^[\w-]{43}$/),
      allowCredentials: [{ id: officer.credentialId, type: 'public-key', transports: ['internal'] }],
      timeout: 300_000,
      userVerification: 'preferred',
    });
  });

  it('is refused to a session that is not waiting for a second factor, to a locked officer and to an officer with no passkey', async () => {
    const enrolling = await officerAt('enrol');
    expect(await refusal(authenticationOptions(t.writ, enrolling.session))).toEqual({
      code: 'invalid_transition',
      field: undefined,
      message: 'this officer has no second factor yet: enrol one (TOTP or a passkey) first',
    });
    const officer = await enrolled();
    expect(await refusal(authenticationOptions(t.writ, await sessionOf(officer.id, 'full')))).toEqual({
      code: 'invalid_transition',
      field: undefined,
      message: 'this session is already fully signed in',
    });
    await lock(officer.id);
    expect(await refusal(authenticationOptions(t.writ, officer.signIn))).toEqual(lockedRefusal);
    const withoutPasskey = await officerAt('second_factor');
    expect(await refusal(authenticationOptions(t.writ, withoutPasskey.session))).toEqual({
      code: 'invalid_transition',
      field: undefined,
      message: 'this officer has no passkey: use the authenticator app or a recovery code',
    });
  });
});

describe('authenticateWithPasskey', () => {
  it("confirms the sign-in with the officer's passkey: the session full, the counter and last use stored", async () => {
    const officer = await enrolled();
    const answer = officer.device.authenticate(await authenticationOptions(t.writ, officer.signIn));
    expect(await authenticateWithPasskey(t.writ, officer.signIn, answer)).toEqual({
      officer: { id: officer.id, email: officer.email, name: officer.name, isAgencyAdmin: false },
      agency: { id: agency.id, country: 'KZ', name: expect.any(String), status: 'verified' },
      stage: 'full',
      factors: { totp: false, passkeys: 1, recoveryCodesLeft: 10 },
    });
    expect(await stageOf(officer.signIn.token)).toBe('full');
    expect(await storedOf(officer.id)).toEqual([{ credentialId: officer.credentialId, counter: 1, lastUsedAt: clock }]);
  });

  it('takes an answer without user verification', async () => {
    const officer = await enrolled();
    const answer = assertion(officer.device, await authenticationOptions(t.writ, officer.signIn), { flags: 0x01 });
    expect((await authenticateWithPasskey(t.writ, officer.signIn, answer)).stage).toBe('full');
  });

  it('is refused without an authentication challenge waiting on the session, and to a session not waiting for a second factor', async () => {
    const officer = await enrolled();
    const options = await authenticationOptions(t.writ, officer.signIn);
    const noChallenge = {
      code: 'invalid_transition',
      field: undefined,
      message: 'no passkey challenge is waiting on this session: ask for authentication-options first (each works once)',
    };
    expect(await refusal(authenticateWithPasskey(t.writ, officer.signIn, assertion(officer.device, { challenge: 'x' })))).toEqual(
      refused,
    );
    expect(await refusal(authenticateWithPasskey(t.writ, officer.signIn, officer.device.authenticate(options)))).toEqual(
      noChallenge,
    );
    // A registration challenge is not one to sign in with.
    const enrolling = await officerAt('full');
    await registrationOptions(t.writ, enrolling.session);
    await t.database.db
      .update(officerSessions)
      .set({ stage: 'second_factor' })
      .where(eq(officerSessions.tokenHash, hashToken(enrolling.session.token)));
    const waiting = officerSession(
      (await t.writ.officerSessions.principalForSession(enrolling.session.token)) ?? null,
      enrolling.session.token,
    );
    expect(await refusal(authenticateWithPasskey(t.writ, waiting, officer.device.authenticate(options)))).toEqual(noChallenge);
    expect(
      await refusal(authenticateWithPasskey(t.writ, await sessionOf(officer.id, 'full'), officer.device.authenticate(options))),
    ).toEqual({
      code: 'invalid_transition',
      field: undefined,
      message: 'this session is already fully signed in',
    });
    expect((await officerRow(officer.id)).failedAttempts).toBe(1);
  });

  it('is refused while the officer is locked, even with the right passkey, without counting a failure', async () => {
    const officer = await enrolled();
    const options = await authenticationOptions(t.writ, officer.signIn);
    await lock(officer.id);
    expect(await refusal(authenticateWithPasskey(t.writ, officer.signIn, officer.device.authenticate(options)))).toEqual(
      lockedRefusal,
    );
    expect((await officerRow(officer.id)).failedAttempts).toBe(5);
    expect(await stageOf(officer.signIn.token)).toBe('second_factor');
  });

  it("refuses another officer's passkey, an unknown credential and a signature by another key, each counted as a failure", async () => {
    const officer = await enrolled();
    const other = await enrolled();
    const stranger = new SoftAuthenticator(site);
    stranger.register({ challenge: 'x' });
    const answers = [
      (options: { challenge: string }) => other.device.authenticate(options),
      (options: { challenge: string }) => stranger.authenticate(options),
      (options: { challenge: string }) => assertion(officer.device, options, { signWith: stranger.credentials[0]!.key }),
    ];
    for (const answer of answers) {
      const options = await authenticationOptions(t.writ, officer.signIn);
      expect(await refusal(authenticateWithPasskey(t.writ, officer.signIn, answer(options)))).toEqual(refused);
    }
    expect((await officerRow(officer.id)).failedAttempts).toBe(3);
    expect(await stageOf(officer.signIn.token)).toBe('second_factor');
    expect(await storedOf(officer.id)).toEqual([{ credentialId: officer.credentialId, counter: 0, lastUsedAt: null }]);
  });

  it('confirms only one of two sign-ins answered at once with the same signature counter (a cloned authenticator)', async () => {
    const officer = await enrolled();
    const second = await sessionOf(officer.id, 'second_factor');
    const answers = [
      assertion(officer.device, await authenticationOptions(t.writ, officer.signIn), { counter: 7 }),
      assertion(officer.device, await authenticationOptions(t.writ, second), { counter: 7 }),
    ];
    const results = await Promise.allSettled([
      authenticateWithPasskey(t.writ, officer.signIn, answers[0]!),
      authenticateWithPasskey(t.writ, second, answers[1]!),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failure = results.find((r) => r.status === 'rejected')!.reason;
    expect({ code: failure.code, field: failure.field, message: failure.message }).toEqual(refused);
    expect(await storedOf(officer.id)).toEqual([{ credentialId: officer.credentialId, counter: 7, lastUsedAt: clock }]);
  });
});

describe('removePasskey', () => {
  it("removes one of the officer's own passkeys with its event, keeps the last, and names anyone else's as not found", async () => {
    const officer = await officerAt('full');
    const device = new SoftAuthenticator(site);
    const first = (
      await registerPasskey(t.writ, officer.session, device.register(await registrationOptions(t.writ, officer.session)))
    ).passkey.credentialId;
    const second = (
      await registerPasskey(t.writ, officer.session, device.register(await registrationOptions(t.writ, officer.session)))
    ).passkey.credentialId;
    const colleague = await officerAt('full');
    expect(await refusal(removePasskey(t.writ, colleague.session, second))).toEqual({
      code: 'not_found',
      field: undefined,
      message: `passkey ${second} does not exist`,
    });
    await removePasskey(t.writ, officer.session, second);
    expect((await storedOf(officer.id)).map((p) => p.credentialId)).toEqual([first]);
    const [removed] = await t.database.db
      .select({ agencyId: agencyEvents.agencyId, before: agencyEvents.before })
      .from(agencyEvents)
      .where(and(eq(agencyEvents.actorOfficerId, officer.id), eq(agencyEvents.type, 'passkey_removed')));
    expect(removed).toEqual({ agencyId: agency.id, before: { officerId: officer.id, credentialId: second } });
    expect(await refusal(removePasskey(t.writ, officer.session, first))).toEqual({
      code: 'conflict',
      field: undefined,
      message: 'this is your only second factor: add another passkey or an authenticator app before removing it',
    });
  });
});
