/**
 * Issue 10, item 1: an agency applies; a platform admin verifies it (linking its authority and
 * inviting its contact by mail), rejects it or suspends and reinstates it; officers are invited by
 * the agency's admin officer on the agency's domain, accept, enrol TOTP and sign in with it. An
 * unverified or suspended agency can do nothing; a reviewer cannot act as an officer.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencies, authorities, officers } from '../../src/db/schema/index.js';
import { addOfficer, createVerifiedAgency, setAgencyStatus } from '../support/agencies.js';
import { createTestApp, type TestApp } from '../support/app.js';
import {
  application,
  apply,
  invitationToken,
  lastMailTo,
  officerPassword,
  signInAdmin,
  totpCode,
  verifiedAgencyWithOfficer,
} from './officer-support.js';

let t: TestApp;
let admin: { authorization: string; id: string };
let clock = new Date('2026-11-30T09:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  admin = await signInAdmin(t);
});
afterAll(async () => t?.close());

const tick = (seconds: number) => {
  clock = new Date(clock.getTime() + seconds * 1000);
};

describe('from application to a signed-in officer', () => {
  it('applies, verifies, mails the invitation, accepts, enrols TOTP, signs out and in, and invites a colleague', async () => {
    const body = application();
    const applied = await t.app.inject({ method: 'POST', url: '/api/v1/agencies/applications', payload: body });
    expect(applied.statusCode, applied.body).toBe(201);
    const { id, status } = applied.json();
    expect(status).toBe('pending');

    const pending = await t.app.inject({ method: 'GET', url: '/api/v1/admin/agencies?status=pending', headers: admin });
    expect(pending.json().agencies.map((a: { id: string }) => a.id)).toContain(id);

    const verified = await t.app.inject({ method: 'POST', url: `/api/v1/admin/agencies/${id}/verify`, headers: admin });
    expect(verified.statusCode, verified.body).toBe(200);
    const { agency, events } = verified.json();
    expect(agency).toMatchObject({ status: 'verified', domain: body.domain });
    const [authority] = await t.database.db.select().from(authorities).where(eq(authorities.id, agency.authorityId));
    expect(authority).toMatchObject({ country: 'KZ', name: body.name, kind: body.kind });
    expect(events.map((e: { type: string }) => e.type)).toEqual(['applied', 'verified', 'officer_invited']);
    expect(events[1]).toMatchObject({
      actorUserId: admin.id,
      before: { status: 'pending', authorityId: null },
      after: { status: 'verified', authorityId: agency.authorityId },
    });

    const mail = await lastMailTo(t, body.contactEmail);
    expect(mail).toMatchObject({ kind: 'invitation', agencyId: id, status: 'queued' });
    expect(mail!.body).toContain('http://localhost:8080/portal/invitation?token=');
    const token = await invitationToken(t, body.contactEmail);

    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/authority/invitations/accept',
      payload: { token, password: officerPassword },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ stage: 'enrol', officer: { email: body.contactEmail, isAgencyAdmin: true } });
    expect(accepted.headers['set-cookie']).toMatch(/^writ_officer=writ_os_.+HttpOnly.+SameSite=Strict/);
    const enrolling = { authorization: `Bearer ${accepted.json().token}` };
    const [row] = await t.database.db.select().from(officers).where(eq(officers.email, body.contactEmail));
    expect(row!.emailConfirmedAt).not.toBeNull();

    // An `enrol` session can only enrol a factor.
    const tooEarly = await t.app.inject({ method: 'GET', url: '/api/v1/authority/officers', headers: enrolling });
    expect(tooEarly.statusCode).toBe(401);
    expect(tooEarly.json().code).toBe('second_factor_required');

    const started = await t.app.inject({ method: 'POST', url: '/api/v1/authority/totp', headers: enrolling });
    expect(started.statusCode, started.body).toBe(200);
    const { secret, uri } = started.json();
    expect(uri).toMatch(/^otpauth:\/\/totp\/.+secret=.+algorithm=SHA1&digits=6&period=30/);
    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/authority/totp/confirm',
      headers: enrolling,
      payload: { code: totpCode(secret, clock) },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().session).toMatchObject({ stage: 'full', factors: { totp: true, recoveryCodesLeft: 10 } });
    expect(new Set(confirmed.json().recoveryCodes).size).toBe(10);
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/authority/officers', headers: enrolling });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().officers).toMatchObject([{ email: body.contactEmail, status: 'active' }]);

    const signOut = await t.app.inject({ method: 'DELETE', url: '/api/v1/authority/session', headers: enrolling });
    expect(signOut.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/authority/session', headers: enrolling })).statusCode).toBe(401);

    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/authority/session',
      payload: { email: body.contactEmail.toUpperCase(), password: officerPassword },
    });
    expect(signIn.statusCode, signIn.body).toBe(200);
    expect(signIn.json()).toMatchObject({ stage: 'second_factor', factors: { totp: true, passkeys: 0 } });
    const auth = { authorization: `Bearer ${signIn.json().token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/authority/officers', headers: auth })).statusCode).toBe(401);
    tick(30);
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/v1/authority/session/totp',
      headers: auth,
      payload: { code: totpCode(secret, clock) },
    });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ stage: 'full', agency: { id, status: 'verified' } });

    const colleague = `bolat@dept.${body.domain}`;
    const invited = await t.app.inject({
      method: 'POST',
      url: '/api/v1/authority/officers',
      headers: auth,
      payload: { email: colleague, name: 'Bolat Officer' },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    expect(invited.json()).toMatchObject({ email: colleague, status: 'invited', isAgencyAdmin: false, emailConfirmedAt: null });
    expect(await lastMailTo(t, colleague)).toMatchObject({ kind: 'invitation', agencyId: id });
    const history = await t.app.inject({ method: 'GET', url: `/api/v1/admin/agencies/${id}`, headers: admin });
    expect(history.json().events.map((e: { type: string }) => e.type)).toEqual([
      'applied',
      'verified',
      'officer_invited',
      'invitation_accepted',
      'second_factor_enrolled',
      'officer_invited',
    ]);
  });

  it('refuses an invitation off the agency domain, naming the field, and a used invitation link', async () => {
    const officer = await verifiedAgencyWithOfficer(t, admin, clock);
    for (const email of [`x@evil${officer.body.domain}`, 'x@gmail.com', `x@${officer.body.domain}.evil.example`]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/authority/officers',
        headers: officer.auth,
        payload: { email, name: 'Someone' },
      });
      expect(res.statusCode, email).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'email' });
      expect(await lastMailTo(t, email)).toBeUndefined();
    }
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/authority/invitations/accept',
      payload: { token: await invitationToken(t, officer.email), password: 'another long passphrase' },
    });
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ code: 'not_found', field: 'token' });
  });
});

describe('applications', () => {
  it('refuses a bad domain, a contact off the domain, a bad time zone and a duplicate name, storing nothing', async () => {
    const before = (await t.database.db.select().from(agencies)).length;
    const cases: [Record<string, unknown>, string][] = [
      [{ domain: 'https://mic.gov.kz/about' }, 'domain'],
      [{ domain: 'localhost' }, 'domain'],
      [{ contactEmail: 'aigerim@gmail.com' }, 'contactEmail'],
      [{ domain: 'gov.example', contactEmail: 'aigerim@evilgov.example' }, 'contactEmail'],
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ country: 'SU' }, 'country'],
      [{ kind: 'army' }, 'kind'],
    ];
    for (const [overrides, field] of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/agencies/applications', payload: application(overrides) });
      expect(res.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed', field });
    }
    expect((await t.database.db.select().from(agencies)).length).toBe(before);

    const first = application({ domain: 'MIC.Gov.Example.', contactEmail: 'a@press.mic.gov.example' });
    const id = await apply(t.app, first);
    const [stored] = await t.database.db.select().from(agencies).where(eq(agencies.id, id));
    expect(stored).toMatchObject({ domain: 'mic.gov.example', status: 'pending' });
    const duplicate = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agencies/applications',
      payload: application({ name: first.name.toUpperCase() }),
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'conflict', field: 'name' });
  });
});

describe("admins' decisions", () => {
  const decide = (id: string, decision: string, reason?: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/agencies/${id}/${decision}`,
      headers: admin,
      ...(reason === undefined ? {} : { payload: { reason } }),
    });

  it('rejects with a reason; suspends with a reason and reinstates; refuses wrong transitions; records each change', async () => {
    const rejectedId = await apply(t.app, application());
    expect((await decide(rejectedId, 'reject', '   ')).json()).toMatchObject({ code: 'validation_failed', field: 'reason' });
    const rejected = await decide(rejectedId, 'reject', 'No such body in the register');
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json().agency).toMatchObject({ status: 'rejected', statusReason: 'No such body in the register' });
    expect(rejected.json().events[1]).toMatchObject({
      type: 'rejected',
      actorUserId: admin.id,
      before: { status: 'pending' },
      after: { status: 'rejected' },
      note: 'No such body in the register',
    });
    for (const decision of ['verify', 'suspend', 'reinstate']) {
      const res = await decide(rejectedId, decision, 'because');
      expect(res.statusCode, decision).toBe(409);
      expect(res.json().code).toBe('invalid_transition');
    }

    const id = await apply(t.app, application());
    expect((await decide(id, 'suspend', 'too early')).json().code).toBe('invalid_transition');
    expect((await decide(id, 'reinstate')).json().code).toBe('invalid_transition');
    expect((await decide(id, 'verify')).statusCode).toBe(200);
    expect((await decide(id, 'verify')).json().code).toBe('invalid_transition');
    const suspended = await decide(id, 'suspend', 'Orders sent outside its mandate');
    expect(suspended.json().agency).toMatchObject({ status: 'suspended', statusReason: 'Orders sent outside its mandate' });
    const reinstated = await decide(id, 'reinstate');
    expect(reinstated.json().agency).toMatchObject({ status: 'verified', statusReason: null });
    expect(reinstated.json().events.map((e: { type: string }) => e.type)).toEqual([
      'applied',
      'verified',
      'officer_invited',
      'suspended',
      'reinstated',
    ]);
    expect(reinstated.json().events.at(-1)).toMatchObject({ before: { status: 'suspended' }, after: { status: 'verified' } });
    expect((await decide('00000000-0000-4000-8000-000000000000', 'verify')).statusCode).toBe(404);
  });

  it('links a verified agency to the existing authority of the same country and name', async () => {
    const body = application({ country: 'DE', timeZone: undefined });
    const [existing] = await t.database.db
      .insert(authorities)
      .values({ country: 'DE', name: body.name, kind: 'police' })
      .returning({ id: authorities.id });
    const id = await apply(t.app, body);
    expect((await decide(id, 'verify')).json().agency.authorityId).toBe(existing!.id);
  });
});

describe('who may act', () => {
  it('refuses the admin routes to reviewers (403), officers and the public (401)', async () => {
    const id = await apply(t.app, application());
    const agency = await createVerifiedAgency(t, 'KZ');
    for (const call of [
      { method: 'GET' as const, url: '/api/v1/admin/agencies' },
      { method: 'GET' as const, url: `/api/v1/admin/agencies/${id}` },
      { method: 'POST' as const, url: `/api/v1/admin/agencies/${id}/verify` },
    ]) {
      expect((await t.app.inject({ ...call, headers: t.auth })).statusCode, call.url).toBe(403);
      expect((await t.app.inject({ ...call, headers: agency.auth })).statusCode, call.url).toBe(401);
      expect((await t.app.inject(call)).statusCode, call.url).toBe(401);
    }
    const [stored] = await t.database.db.select().from(agencies).where(eq(agencies.id, id));
    expect(stored!.status).toBe('pending');
  });

  it("refuses a reviewer's staff session on authority routes (401), as token or cookie", async () => {
    const staffToken = t.auth.authorization.slice('Bearer '.length);
    for (const headers of [t.auth, { cookie: `writ_session=${staffToken}` }]) {
      for (const url of ['/api/v1/authority/officers', '/api/v1/authority/session']) {
        const res = await t.app.inject({ method: 'GET', url, headers });
        expect(res.statusCode, url).toBe(401);
        expect(res.json().code).toBe('unauthenticated');
      }
    }
  });

  it("lets a suspended agency's officer do nothing until it is reinstated", async () => {
    const agency = await createVerifiedAgency(t, 'KZ');
    await setAgencyStatus(t, agency.id, 'suspended');
    const refused = await t.app.inject({ method: 'GET', url: '/api/v1/authority/officers', headers: agency.auth });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('agency_not_verified');
    await setAgencyStatus(t, agency.id, 'verified');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/authority/officers', headers: agency.auth })).statusCode).toBe(200);
  });

  it('suspending through the admin route stops a signed-in officer at once; the officer may still sign in, and do nothing', async () => {
    const officer = await verifiedAgencyWithOfficer(t, admin, clock);
    const suspend = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/agencies/${officer.id}/suspend`,
      headers: admin,
      payload: { reason: 'Under review' },
    });
    expect(suspend.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/authority/officers', headers: officer.auth })).json().code).toBe(
      'agency_not_verified',
    );
    // Signing in by the browser's cookie: the steps work, the agency's routes do not.
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/authority/session',
      payload: { email: officer.email, password: officerPassword },
    });
    const cookie = { cookie: `writ_officer=${signIn.json().token}` };
    tick(30);
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/v1/authority/session/totp',
      headers: cookie,
      payload: { code: totpCode(officer.secret, clock) },
    });
    expect(second.json()).toMatchObject({ stage: 'full', agency: { status: 'suspended' } });
    const refused = await t.app.inject({ method: 'GET', url: '/api/v1/authority/officers', headers: cookie });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('agency_not_verified');
    await t.app.inject({ method: 'POST', url: `/api/v1/admin/agencies/${officer.id}/reinstate`, headers: admin });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/authority/officers', headers: cookie })).statusCode).toBe(200);
  });

  it('verifies all or nothing: a contact who is already an officer leaves the agency pending and no authority behind', async () => {
    const first = await verifiedAgencyWithOfficer(t, admin, clock);
    const body = application({ domain: first.body.domain, contactEmail: first.email.toUpperCase() });
    const id = await apply(t.app, body);
    const refused = await t.app.inject({ method: 'POST', url: `/api/v1/admin/agencies/${id}/verify`, headers: admin });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'conflict', field: 'contactEmail' });
    const [stored] = await t.database.db.select().from(agencies).where(eq(agencies.id, id));
    expect(stored).toMatchObject({ status: 'pending', authorityId: null });
    expect(await t.database.db.select().from(authorities).where(eq(authorities.name, body.name))).toEqual([]);
    const history = await t.app.inject({ method: 'GET', url: `/api/v1/admin/agencies/${id}`, headers: admin });
    expect(history.json().events.map((e: { type: string }) => e.type)).toEqual(['applied']);
  });

  it("keeps agencies apart: another agency's officer is not found; only admin officers manage officers", async () => {
    const a = await createVerifiedAgency(t, 'KZ');
    const b = await createVerifiedAgency(t, 'BR');
    const colleague = await addOfficer(t, a.id, `plain@${a.domain}`);
    const acrossAgencies = await t.app.inject({
      method: 'POST',
      url: `/api/v1/authority/officers/${b.officer.id}/disable`,
      headers: a.auth,
    });
    expect(acrossAgencies.statusCode).toBe(404);
    const listOfB = await t.app.inject({ method: 'GET', url: '/api/v1/authority/officers', headers: b.auth });
    expect(listOfB.json().officers.map((o: { id: string }) => o.id)).toEqual([b.officer.id]);
    const notAdmin = await t.app.inject({ method: 'GET', url: '/api/v1/authority/officers', headers: colleague.auth });
    expect(notAdmin.statusCode).toBe(403);

    const disabled = await t.app.inject({
      method: 'POST',
      url: `/api/v1/authority/officers/${colleague.id}/disable`,
      headers: a.auth,
    });
    expect(disabled.json()).toMatchObject({ status: 'disabled' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/authority/session', headers: colleague.auth })).statusCode).toBe(
      401,
    );
  });
});
