/**
 * Passkeys (WebAuthn) as an officer's second factor, against the real app and PostgreSQL, with a
 * software authenticator (test/support/passkey-authenticator.ts) in place of a browser's: enrolling
 * a first passkey ends the enrolment (recovery codes once, a full session), a passkey confirms a
 * sign-in, and every refusal path changes nothing: the wrong stage, an unknown credential, a
 * replayed answer or counter, a challenge of another session or purpose, the last factor.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officerSessionsRepository } from '../../src/db/officer-sessions-repository.js';
import { agencyEvents, officerPasskeys, officers } from '../../src/db/schema/index.js';
import { addApiKey, addOfficer, createVerifiedAgency, type TestAgency } from '../support/agencies.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { SoftAuthenticator } from '../support/passkey-authenticator.js';

let t: TestApp;
let agency: TestAgency;
// The test app's defaults (src/config.ts): http://localhost:8080, relying party `localhost`.
const site = { origin: 'http://localhost:8080', rpId: 'localhost' };

beforeAll(async () => {
  t = await createTestApp();
  agency = await createVerifiedAgency(t, 'KZ');
});
afterAll(async () => t?.close());

let officers_ = 0;
/** A new officer of `agencyId` and a session of theirs at `stage`. */
async function officerAt(stage: 'enrol' | 'second_factor' | 'full', agencyId = agency.id) {
  officers_ += 1;
  const officer = await addOfficer(t, agencyId, `officer${officers_}@${agency.domain}`);
  return { id: officer.id, auth: await sessionOf(officer.id, stage) };
}

async function sessionOf(officerId: string, stage: 'enrol' | 'second_factor' | 'full') {
  const session = await officerSessionsRepository(t.database.db, () => new Date()).start(officerId, stage, 30);
  return { authorization: `Bearer ${session.token}` };
}

const post = (url: string, auth: { authorization: string }, payload?: unknown) =>
  t.app.inject({ method: 'POST', url: `/api/v1/authority/passkeys${url}`, headers: auth, payload: payload as object });

async function enrol(auth: { authorization: string }, device = new SoftAuthenticator(site)) {
  const options = await post('/registration-options', auth);
  expect(options.statusCode, options.body).toBe(200);
  const res = await post('', auth, { response: device.register(options.json()) });
  return { res, device };
}

async function stageOf(auth: { authorization: string }) {
  const principal = await officerSessionsRepository(t.database.db, () => new Date()).principalForSession(
    auth.authorization.slice('Bearer '.length),
  );
  return principal?.stage;
}

const failuresOf = async (officerId: string) =>
  (await t.database.db.select({ n: officers.failedAttempts }).from(officers).where(eq(officers.id, officerId)))[0]!.n;

describe('enrolling a passkey', () => {
  it('a first passkey ends the enrolment: recovery codes once, the session fully signed in, the officer active', async () => {
    const officer = await officerAt('enrol');
    await t.database.db.update(officers).set({ status: 'invited' }).where(eq(officers.id, officer.id));
    const options = (await post('/registration-options', officer.auth)).json();
    expect(options.rp).toEqual({ id: 'localhost', name: 'Writ' });
    expect(options.user.name).toBe(`officer${officers_}@${agency.domain}`);

    const { res } = await enrol(officer.auth);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.recoveryCodes).toHaveLength(10);
    expect(body.session.stage).toBe('full');
    expect(body.session.factors.passkeys).toBe(1);
    expect(await stageOf(officer.auth)).toBe('full');
    const [row] = await t.database.db.select({ status: officers.status }).from(officers).where(eq(officers.id, officer.id));
    expect(row!.status).toBe('active');
    const events = await t.database.db.select().from(agencyEvents).where(eq(agencyEvents.actorOfficerId, officer.id));
    expect(events.map((e) => e.type)).toContain('passkey_added');

    // A second passkey while signed in: no new recovery codes, both listed.
    const second = await enrol(officer.auth);
    expect(second.res.statusCode, second.res.body).toBe(201);
    expect(second.res.json().recoveryCodes).toBeNull();
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/authority/passkeys', headers: officer.auth });
    expect(list.json().passkeys.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining([body.passkey.id, second.res.json().passkey.id]),
    );
  });

  it('is refused half-way through a sign-in, to an API key, and without a challenge of this session', async () => {
    const waiting = await officerAt('second_factor');
    const refused = await post('/registration-options', waiting.auth);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe('second_factor_required');
    const key = await addApiKey(t, agency.id);
    expect((await post('/registration-options', key.auth)).statusCode).toBe(401);

    const a = await officerAt('enrol');
    const b = await officerAt('enrol');
    // A's challenge answered on B's session (which asked for its own): refused, nothing stored.
    const optionsA = (await post('/registration-options', a.auth)).json();
    await post('/registration-options', b.auth);
    const crossed = await post('', b.auth, { response: new SoftAuthenticator(site).register(optionsA) });
    expect(crossed.statusCode).toBe(401);
    expect(crossed.json().code).toBe('invalid_credentials');
    // B's challenge was taken by that answer: even a right one now finds none.
    const stale = await post('', b.auth, { response: new SoftAuthenticator(site).register(optionsA) });
    expect(stale.statusCode).toBe(409);
    // Another origin signed for: refused.
    const optionsB = (await post('/registration-options', b.auth)).json();
    const phished = await post('', b.auth, {
      response: new SoftAuthenticator(site).register(optionsB, { origin: 'https://writ.evil.example' }),
    });
    expect(phished.statusCode).toBe(401);
    const stored = await t.database.db.select().from(officerPasskeys).where(eq(officerPasskeys.officerId, b.id));
    expect(stored).toEqual([]);
    expect(await stageOf(b.auth)).toBe('enrol');
  });
});

describe('signing in with a passkey', () => {
  async function enrolledOfficer() {
    const officer = await officerAt('enrol');
    const { res, device } = await enrol(officer.auth);
    expect(res.statusCode, res.body).toBe(201);
    return { ...officer, device, signIn: await sessionOf(officer.id, 'second_factor') };
  }

  it("confirms the sign-in: the officer's own passkey over this session's challenge", async () => {
    const officer = await enrolledOfficer();
    const options = await post('/authentication-options', officer.signIn);
    expect(options.statusCode, options.body).toBe(200);
    expect(options.json().allowCredentials.map((c: { id: string }) => c.id)).toEqual([
      officer.device.authenticate(options.json()).id,
    ]);
    const res = await post('/authentication', officer.signIn, { response: officer.device.authenticate(options.json()) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().stage).toBe('full');
    expect(await stageOf(officer.signIn)).toBe('full');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/authority/passkeys', headers: officer.signIn });
    expect(list.statusCode).toBe(200);
    expect(list.json().passkeys[0].lastUsedAt).not.toBeNull();
  });

  it('refuses the wrong stage, a replayed answer, an old counter, an unknown credential and a challenge of another session', async () => {
    const officer = await enrolledOfficer();
    // Enrolling or signed in already: nothing to confirm.
    expect((await post('/authentication-options', (await officerAt('enrol')).auth)).statusCode).toBe(409);
    expect((await post('/authentication-options', officer.auth)).statusCode).toBe(409);

    const options = (await post('/authentication-options', officer.signIn)).json();
    const answer = officer.device.authenticate(options);
    expect((await post('/authentication', officer.signIn, { response: answer })).statusCode).toBe(200);

    // The same answer again, on a new sign-in that asked for its own challenge.
    const again = await sessionOf(officer.id, 'second_factor');
    await post('/authentication-options', again);
    const replayed = await post('/authentication', again, { response: answer });
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json().code).toBe('invalid_credentials');
    // The challenge went with that try: the right answer now finds none.
    const late = await post('/authentication', again, { response: officer.device.authenticate(options) });
    expect(late.statusCode).toBe(409);

    // A fresh challenge signed with a counter that did not move on (a cloned authenticator).
    const fresh = (await post('/authentication-options', again)).json();
    const [stored] = await t.database.db
      .select({ counter: officerPasskeys.counter })
      .from(officerPasskeys)
      .where(eq(officerPasskeys.officerId, officer.id));
    expect(stored!.counter).toBe(1);
    const cloned = await post('/authentication', again, {
      response: officer.device.authenticate(fresh, 0, { counter: stored!.counter }),
    });
    expect(cloned.statusCode).toBe(401);

    // A credential the server never registered.
    const unknownDevice = new SoftAuthenticator(site);
    unknownDevice.register({ challenge: 'x' });
    const next = (await post('/authentication-options', again)).json();
    expect((await post('/authentication', again, { response: unknownDevice.authenticate(next) })).statusCode).toBe(401);

    // Another session's challenge (the officer's own second sign-in), answered here.
    const other = await sessionOf(officer.id, 'second_factor');
    const otherOptions = (await post('/authentication-options', other)).json();
    await post('/authentication-options', again);
    expect((await post('/authentication', again, { response: officer.device.authenticate(otherOptions) })).statusCode).toBe(401);
    expect(await stageOf(again)).toBe('second_factor');
    expect(await failuresOf(officer.id)).toBe(4);
  });

  it("another officer's passkey does not confirm this officer's sign-in, and failures lock the account", async () => {
    const victim = await enrolledOfficer();
    const attacker = await enrolledOfficer();
    for (let i = 0; i < 4; i += 1) {
      const options = (await post('/authentication-options', victim.signIn)).json();
      const res = await post('/authentication', victim.signIn, { response: attacker.device.authenticate(options) });
      expect(res.statusCode).toBe(401);
    }
    const options = (await post('/authentication-options', victim.signIn)).json();
    const locking = await post('/authentication', victim.signIn, { response: attacker.device.authenticate(options) });
    expect(locking.statusCode).toBe(423);
    // Locked: even the right passkey is refused until the lock ends.
    const refused = await post('/authentication-options', victim.signIn);
    expect(refused.statusCode).toBe(423);
    expect(await stageOf(victim.signIn)).toBe('second_factor');
  });
});

describe('removing a passkey', () => {
  it("keeps the last second factor, and answers 404 for anyone else's passkey", async () => {
    const officer = await officerAt('enrol');
    const first = (await enrol(officer.auth)).res.json().passkey.id as string;
    const del = (id: string, auth: { authorization: string }) =>
      t.app.inject({ method: 'DELETE', url: `/api/v1/authority/passkeys/${id}`, headers: auth });

    const last = await del(first, officer.auth);
    expect(last.statusCode).toBe(409);
    const second = (await enrol(officer.auth)).res.json().passkey.id as string;

    // Another officer of the same agency, and an admin officer of another agency: 404, nothing removed.
    const colleague = await officerAt('full');
    expect((await del(second, colleague.auth)).statusCode).toBe(404);
    const elsewhere = await createVerifiedAgency(t, 'DE');
    expect((await del(second, elsewhere.auth)).statusCode).toBe(404);
    // A reviewer's session is not an officer's.
    expect((await del(second, t.auth)).statusCode).toBe(401);

    expect((await del(second, officer.auth)).statusCode).toBe(204);
    const left = await t.database.db.select().from(officerPasskeys).where(eq(officerPasskeys.officerId, officer.id));
    expect(left.map((p) => p.credentialId)).toEqual([first]);
  });
});
