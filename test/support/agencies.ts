/**
 * Agencies and officers made directly in the database, for tests of the authority channel that are
 * not about how an agency is verified or how an officer signs in (those have their own tests, which
 * go through the real flows).
 */
import { eq } from 'drizzle-orm';
import {
  type AgencyPrincipal,
  API_KEY_PREFIX,
  hashToken,
  officerSessionsRepository,
} from '../../src/db/officer-sessions-repository.js';
import { agencies, apiKeys, authorities, officers } from '../../src/db/schema/index.js';
import type { AuthorityKind } from '../../src/domain/vocabulary.js';
import type { TestApp } from './app.js';

export type TestAgency = {
  id: string;
  authorityId: string;
  country: string;
  domain: string;
  /** An admin officer, fully signed in. */
  officer: { id: string; email: string };
  /** Bearer headers of that officer's session. */
  auth: { authorization: string };
};

let counter = 0;

/** A verified agency of `country` with its authority and one signed-in admin officer. */
export async function createVerifiedAgency(
  t: Pick<TestApp, 'database'>,
  country: string,
  options: { name?: string; kind?: AuthorityKind; timeZone?: string | null; status?: 'verified' | 'suspended' | 'pending' } = {},
): Promise<TestAgency> {
  counter += 1;
  const db = t.database.db;
  const name = options.name ?? `Agency ${country} ${counter}`;
  const kind = options.kind ?? 'communications_regulator';
  const domain = `agency${counter}.${country.toLowerCase()}.example`;
  const [authority] = await db
    .insert(authorities)
    .values({ country, name, kind, timeZone: options.timeZone ?? null })
    .returning({ id: authorities.id });
  const [agency] = await db
    .insert(agencies)
    .values({
      country,
      name,
      kind,
      domain,
      legalMandate: 'Law on Online Platforms, Art. 19',
      contactName: 'First Officer',
      contactEmail: `first@${domain}`,
      timeZone: options.timeZone ?? null,
      status: options.status ?? 'verified',
      authorityId: authority!.id,
      decidedAt: new Date(),
    })
    .returning({ id: agencies.id });
  const officer = await addOfficer(t, agency!.id, `first@${domain}`, { isAgencyAdmin: true });
  return {
    id: agency!.id,
    authorityId: authority!.id,
    country,
    domain,
    officer: { id: officer.id, email: officer.email },
    auth: officer.auth,
  };
}

/** An active officer of the agency with a fully signed-in session. */
export async function addOfficer(
  t: Pick<TestApp, 'database'>,
  agencyId: string,
  email: string,
  options: { isAgencyAdmin?: boolean } = {},
): Promise<{ id: string; email: string; auth: { authorization: string } }> {
  const [row] = await t.database.db
    .insert(officers)
    .values({
      agencyId,
      email,
      name: email.split('@')[0]!,
      isAgencyAdmin: options.isAgencyAdmin ?? false,
      status: 'active',
      emailConfirmedAt: new Date(),
    })
    .returning({ id: officers.id });
  const session = await officerSessionsRepository(t.database.db, () => new Date()).start(row!.id, 'full', 60);
  return { id: row!.id, email, auth: { authorization: `Bearer ${session.token}` } };
}

/** An API key of the agency, made directly; returns its Bearer headers. */
export async function addApiKey(t: TestApp, agencyId: string): Promise<{ id: string; auth: { authorization: string } }> {
  counter += 1;
  const key = `${API_KEY_PREFIX}test${counter}${Math.random().toString(36).slice(2)}`;
  const [row] = await t.database.db
    .insert(apiKeys)
    .values({ agencyId, name: `test key ${counter}`, prefix: key.slice(0, 12), keyHash: hashToken(key) })
    .returning({ id: apiKeys.id });
  return { id: row!.id, auth: { authorization: `Bearer ${key}` } };
}

export async function setAgencyStatus(t: TestApp, agencyId: string, status: 'verified' | 'suspended' | 'pending' | 'rejected') {
  await t.database.db.update(agencies).set({ status }).where(eq(agencies.id, agencyId));
}

/** The principal a use case of the authority channel gets for `agency`'s admin officer, fully signed in. */
export function principalOf(agency: TestAgency): AgencyPrincipal {
  return {
    agency: {
      id: agency.id,
      country: agency.country,
      name: `Agency ${agency.country}`,
      status: 'verified',
      authorityId: agency.authorityId,
    },
    officer: { id: agency.officer.id, email: agency.officer.email, name: 'First Officer', isAgencyAdmin: true },
    apiKeyId: null,
    stage: 'full',
  };
}
