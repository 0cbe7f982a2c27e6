/**
 * The real flows of the authority channel's sign-up, for tests: an agency applies, an admin
 * verifies it, its contact accepts the mailed invitation and enrols TOTP. Codes are computed from
 * the returned secret with otpauth, as an authenticator app would.
 */
import { hash } from '@node-rs/argon2';
import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { mailOutbox } from '../../src/db/schema/index.js';
import { usersRepository } from '../../src/db/users-repository.js';
import type { TestApp } from '../support/app.js';

export const officerPassword = 'a long officer passphrase';

export function totpCode(secret: string, at: Date): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30, timestamp: at.getTime() });
}

let admins = 0;
/** A platform admin's Bearer headers. */
export async function signInAdmin(t: TestApp): Promise<{ authorization: string; id: string }> {
  admins += 1;
  const credentials = { email: `admin${admins}@platform.example`, password: 'a long admin passphrase' };
  const admin = await usersRepository(t.database.db).create({
    email: credentials.email,
    name: `Admin ${admins}`,
    role: 'admin',
    passwordHash: await hash(credentials.password),
  });
  const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: credentials });
  return { authorization: `Bearer ${signIn.json().token}`, id: admin.id };
}

let applications = 0;
export function application(overrides: Record<string, unknown> = {}) {
  applications += 1;
  const domain = `ministry${applications}.gov.example`;
  return {
    country: 'KZ',
    name: `Ministry of Information ${applications}`,
    kind: 'communications_regulator',
    domain,
    legalMandate: 'Law on Online Platforms, Art. 19',
    contactName: 'Aigerim Contact',
    contactEmail: `aigerim@${domain}`,
    timeZone: 'Asia/Almaty',
    ...overrides,
  };
}

export async function apply(app: FastifyInstance, body: Record<string, unknown>): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/agencies/applications', payload: body });
  if (res.statusCode !== 201) throw new Error(`application refused: ${res.body}`);
  return res.json().id;
}

/** The newest mail to `to` in the outbox. */
export async function lastMailTo(t: TestApp, to: string) {
  const [mail] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, to)).orderBy(desc(mailOutbox.createdAt));
  return mail;
}

/** The token of the invitation link in the newest mail to `to`. */
export async function invitationToken(t: TestApp, to: string): Promise<string> {
  const mail = await lastMailTo(t, to);
  const link = mail?.body.match(/https?:\/\/\S+\/portal\/invitation\?token=(\S+)/);
  if (!link) throw new Error(`no invitation link mailed to ${to}`);
  return decodeURIComponent(link[1]!);
}

/** Accepts the invitation and enrols TOTP at `at`: the officer's Bearer headers (a full session), secret and recovery codes. */
export async function acceptAndEnrol(app: FastifyInstance, token: string, at: Date) {
  const accepted = await app.inject({
    method: 'POST',
    url: '/api/v1/authority/invitations/accept',
    payload: { token, password: officerPassword },
  });
  if (accepted.statusCode !== 200) throw new Error(`accepting failed: ${accepted.body}`);
  const auth = { authorization: `Bearer ${accepted.json().token}` };
  const started = await app.inject({ method: 'POST', url: '/api/v1/authority/totp', headers: auth });
  const { secret } = started.json();
  const confirmed = await app.inject({
    method: 'POST',
    url: '/api/v1/authority/totp/confirm',
    headers: auth,
    payload: { code: totpCode(secret, at) },
  });
  if (confirmed.statusCode !== 200) throw new Error(`enrolling failed: ${confirmed.body}`);
  return { auth, secret: secret as string, recoveryCodes: confirmed.json().recoveryCodes as string[] };
}

/** Applies, verifies (as `admin`) and accepts the contact's invitation with TOTP. */
export async function verifiedAgencyWithOfficer(t: TestApp, admin: { authorization: string }, at: Date) {
  const body = application();
  const id = await apply(t.app, body);
  const verified = await t.app.inject({ method: 'POST', url: `/api/v1/admin/agencies/${id}/verify`, headers: admin });
  if (verified.statusCode !== 200) throw new Error(`verifying failed: ${verified.body}`);
  const officer = await acceptAndEnrol(t.app, await invitationToken(t, body.contactEmail), at);
  return { id, body, email: body.contactEmail, ...officer };
}
