/** The real app over a fresh test database, with helpers to sign in and to record orders. */
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.js';
import { authoritiesRepository } from '../../src/db/authorities-repository.js';
import { usersRepository } from '../../src/db/users-repository.js';
import type { StaffRole } from '../../src/domain/permissions.js';
import type { AuthorityKind } from '../../src/domain/vocabulary.js';
import { buildApp } from '../../src/http/app.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { passwordHash } from './writ.js';

export type TestApp = {
  app: FastifyInstance;
  database: TestDatabase;
  /** Bearer headers of a signed-in reviewer. */
  auth: { authorization: string };
  reviewer: { id: string; name: string };
  close(): Promise<void>;
};

export const reviewerCredentials = { email: 'ana@platform.example', password: 'correct horse battery' };

/** Rate limits no test trips over unless it means to (test/integration/rate-limits.test.ts sets its own). */
export const generousRateLimits = {
  WRIT_RATE_LIMIT_KEY_WRITES: '100000',
  WRIT_RATE_LIMIT_ADDRESS_WRITES: '100000',
  WRIT_RATE_LIMIT_KEY_READS: '100000',
  WRIT_RATE_LIMIT_ADDRESS_READS: '100000',
};

export async function createTestApp(options: { now?: () => Date; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ WRIT_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', ...generousRateLimits, ...options.env });
  const app = await buildApp({ config, database, now: options.now, logger: false });
  const reviewer = await usersRepository(database.db).create({
    email: reviewerCredentials.email,
    name: 'Ana Reviewer',
    passwordHash: await passwordHash(reviewerCredentials.password),
  });
  const signIn = await app.inject({ method: 'POST', url: '/api/v1/session', payload: reviewerCredentials });
  if (signIn.statusCode !== 200) throw new Error(`sign-in failed: ${signIn.body}`);
  return {
    app,
    database,
    auth: { authorization: `Bearer ${signIn.json().token}` },
    reviewer,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export async function createAuthority(
  t: TestApp,
  country = 'KZ',
  name = 'Ministry of Information',
  kind: AuthorityKind = 'communications_regulator',
) {
  return authoritiesRepository(t.database.db).create({ country, name, kind, timeZone: null });
}

export function newRequestBody(authorityId: string, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'content_removal',
    authorityId,
    receivedAt: '2026-03-10T23:30:00+05:00',
    authorityTimeZone: 'Asia/Almaty',
    legalBasis: 'Law on Online Platforms, Art. 19',
    claimedCategories: ['cyberbullying of a child'],
    channel: 'portal',
    items: [
      { targetKind: 'url', target: 'https://video.example/watch/a', product: 'Video' },
      { targetKind: 'account', target: '@someone', product: 'Profiles' },
    ],
    ...overrides,
  };
}

/**
 * A data order (issue 11) of `kind` (user_data unless overridden): two accounts, the legal process
 * its kind needs, and the data asked for; `dataRequest` overrides merge into its data part.
 */
export function dataRequestBody(
  authorityId: string,
  overrides: Record<string, unknown> & { dataRequest?: Record<string, unknown> } = {},
) {
  const { dataRequest = {}, ...rest } = overrides;
  const kind = (rest.kind as string | undefined) ?? 'user_data';
  const legalProcess =
    kind === 'emergency_disclosure' ? 'emergency_request' : kind === 'preservation' ? 'preservation_request' : 'court_order';
  return {
    ...newRequestBody(authorityId, { kind, claimedCategories: [], items: [] }),
    legalBasis: 'Criminal Procedure Code, Art. 232',
    ...rest,
    dataRequest: {
      legalProcess,
      accounts: [
        { identifierKind: 'username', identifier: 'first_user' },
        { identifierKind: 'email', identifier: 'second@example.org' },
      ],
      categories: ['subscriber_information', 'ip_and_sign_in_logs'],
      ...(kind === 'emergency_disclosure'
        ? { emergency: { threat: 'risk_of_death_or_serious_injury', justification: 'A missing person is at risk.' } }
        : {}),
      ...dataRequest,
    },
  };
}

/**
 * The data part of a `kind` data order naming `accounts` usernames (`<prefix>0`, `<prefix>1`, …),
 * for tests that build their own orders: put it as `dataRequest` and give the order no items.
 */
export function dataPartFor(kind: string, accounts = 2, prefix = 'user') {
  const legalProcess =
    kind === 'emergency_disclosure' ? 'emergency_request' : kind === 'preservation' ? 'preservation_request' : 'court_order';
  return {
    legalProcess,
    accounts: Array.from({ length: accounts }, (_, n) => ({ identifierKind: 'username', identifier: `${prefix}${n}` })),
    categories: ['subscriber_information'],
    ...(kind === 'emergency_disclosure'
      ? { emergency: { threat: 'risk_of_death_or_serious_injury', justification: 'A missing person is at risk.' } }
      : {}),
  };
}

/**
 * Another staff account with a role of the permission table (src/domain/permissions.ts), signed in:
 * its id and Bearer headers. Each call needs its own email.
 */
export async function createStaff(
  t: TestApp,
  role: StaffRole,
  email = `${role}-${Math.random().toString(36).slice(2, 8)}@platform.example`,
  name = `${role.replace('_', ' ')} ${email.split('@')[0]}`,
): Promise<{ id: string; name: string; email: string; role: StaffRole; auth: { authorization: string } }> {
  const password = 'correct horse battery';
  const user = await usersRepository(t.database.db).create({ email, name, role, passwordHash: await passwordHash(password) });
  const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } });
  if (signIn.statusCode !== 200) throw new Error(`sign-in failed: ${signIn.body}`);
  return { ...user, role, auth: { authorization: `Bearer ${signIn.json().token}` } };
}
