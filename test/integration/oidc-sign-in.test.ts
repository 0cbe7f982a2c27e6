/**
 * Issue 12: staff sign in through a real OpenID Connect provider (oidc-provider on loopback), the
 * login driven over HTTP: start → provider login form → consent → Writ callback → session cookie.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { usersRepository } from '../../src/db/users-repository.js';
import type { StaffRole } from '../../src/domain/permissions.js';
import { buildApp } from '../../src/http/app.js';
import { generousRateLimits } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { loginAtProvider, OIDC_ROLE_CLAIM, startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.js';

const PUBLIC_URL = 'http://writ.test';
let provider: TestOidcProvider;
let database: TestDatabase;
const apps: FastifyInstance[] = [];

async function writApp(env: Record<string, string> = {}): Promise<FastifyInstance> {
  const config = loadConfig({
    WRIT_DATA_DIR: '/nonexistent',
    LOG_LEVEL: 'silent',
    WRIT_PUBLIC_URL: PUBLIC_URL,
    WRIT_OIDC_ISSUER: provider.issuer,
    WRIT_OIDC_CLIENT_ID: provider.clientId,
    WRIT_OIDC_CLIENT_SECRET: provider.clientSecret,
    WRIT_OIDC_ALLOW_HTTP: 'true',
    WRIT_OIDC_LABEL: 'Staff SSO',
    ...generousRateLimits,
    ...env,
  });
  const app = await buildApp({ config, database, logger: false });
  apps.push(app);
  return app;
}

type Outcome = { location: string; cookie: string | undefined; pendingCookie: string; callback: URL };

/** start → provider → callback; returns where Writ sent the browser and the session cookie set. */
async function signInThroughProvider(app: FastifyInstance, login: string, tamper?: (callback: URL) => void): Promise<Outcome> {
  const start = await app.inject({ method: 'GET', url: '/api/v1/session/oidc/start?next=/review/queue' });
  expect(start.statusCode, start.body).toBe(302);
  const authorization = new URL(String(start.headers.location));
  expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorization.searchParams.get('state')).toBeTruthy();
  expect(authorization.searchParams.get('nonce')).toBeTruthy();
  const pending = start.cookies.find((c) => c.name === 'writ_oidc');
  expect(pending).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/session/oidc' });
  const callback = await loginAtProvider(authorization.href, login);
  expect(callback.origin + callback.pathname).toBe(`${PUBLIC_URL}/api/v1/session/oidc/callback`);
  tamper?.(callback);
  const pendingCookie = `writ_oidc=${pending?.value}`;
  const done = await app.inject({
    method: 'GET',
    url: callback.pathname + callback.search,
    headers: { cookie: pendingCookie },
  });
  expect(done.statusCode, done.body).toBe(303);
  return {
    location: String(done.headers.location),
    cookie: done.cookies.find((c) => c.name === 'writ_session' && c.value)?.value,
    pendingCookie,
    callback,
  };
}

async function sessionOf(app: FastifyInstance, cookie: string | undefined) {
  const r = await app.inject({ method: 'GET', url: '/api/v1/session', cookies: { writ_session: cookie ?? '' } });
  return r.statusCode === 200 ? (r.json().user as { id: string; email: string; role: StaffRole }) : undefined;
}

async function account(email: string, role: StaffRole, password: string | null = null) {
  return usersRepository(database.db).create({ email, name: email.split('@')[0] ?? email, role, passwordHash: password });
}

beforeAll(async () => {
  provider = await startOidcProvider(`${PUBLIC_URL}/api/v1/session/oidc/callback`);
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await database?.close();
  await provider?.close();
});

describe('OpenID Connect sign-in', () => {
  it('tells the sign-in page it is enabled, with its label', async () => {
    const app = await writApp();
    const info = await app.inject({ method: 'GET', url: '/api/v1/session/oidc' });
    expect(info.json()).toEqual({ enabled: true, label: 'Staff SSO' });
  });

  it('links an existing account by its verified email, then finds it by (issuer, sub)', async () => {
    const app = await writApp();
    const existing = await account('lina@platform.example', 'legal');
    provider.accounts.set('lina', { sub: 'sub-lina', email: 'LINA@platform.example', email_verified: true });
    const first = await signInThroughProvider(app, 'lina');
    expect(first.location).toBe('/review/queue');
    expect(await sessionOf(app, first.cookie)).toMatchObject({ id: existing.id, role: 'legal' });
    // The email changes at the provider: the link by subject still finds the account.
    provider.accounts.set('lina', { sub: 'sub-lina', email: 'lina.new@platform.example', email_verified: true });
    const again = await signInThroughProvider(app, 'lina');
    expect(await sessionOf(app, again.cookie)).toMatchObject({ id: existing.id });
  });

  it('refuses an unverified email, linking nothing', async () => {
    const app = await writApp();
    await account('omar@platform.example', 'reviewer');
    provider.accounts.set('omar', { sub: 'sub-omar', email: 'omar@platform.example', email_verified: false });
    const outcome = await signInThroughProvider(app, 'omar');
    expect(outcome.location).toBe('/signin?error=oidc_email_unverified');
    expect(outcome.cookie).toBeUndefined();
  });

  it('refuses an unknown person without WRIT_OIDC_CREATE_ACCOUNTS, and creates an auditor with it', async () => {
    provider.accounts.set('newcomer', {
      sub: 'sub-new',
      email: 'newcomer@platform.example',
      email_verified: true,
      name: 'New Comer',
    });
    const closed = await writApp();
    expect((await signInThroughProvider(closed, 'newcomer')).location).toBe('/signin?error=oidc_no_account');
    const open = await writApp({ WRIT_OIDC_CREATE_ACCOUNTS: 'true' });
    const created = await signInThroughProvider(open, 'newcomer');
    expect(created.location).toBe('/review/queue');
    expect(await sessionOf(open, created.cookie)).toMatchObject({ email: 'newcomer@platform.example', role: 'auditor' });
  });

  it('follows the role claim at every sign-in', async () => {
    const app = await writApp({ WRIT_OIDC_ROLE_CLAIM: OIDC_ROLE_CLAIM, WRIT_OIDC_CREATE_ACCOUNTS: 'true' });
    provider.accounts.set('hana', {
      sub: 'sub-hana',
      email: 'hana@platform.example',
      email_verified: true,
      writ_role: 'human_rights',
    });
    const first = await signInThroughProvider(app, 'hana');
    expect(await sessionOf(app, first.cookie)).toMatchObject({ role: 'human_rights' });
    provider.accounts.set('hana', {
      sub: 'sub-hana',
      email: 'hana@platform.example',
      email_verified: true,
      writ_role: ['legal'],
    });
    const second = await signInThroughProvider(app, 'hana');
    expect(await sessionOf(app, second.cookie)).toMatchObject({ role: 'legal' });
  });

  it('refuses a disabled account', async () => {
    const app = await writApp();
    const disabled = await account('dana@platform.example', 'reviewer');
    provider.accounts.set('dana', { sub: 'sub-dana', email: 'dana@platform.example', email_verified: true });
    expect(await sessionOf(app, (await signInThroughProvider(app, 'dana')).cookie)).toMatchObject({ id: disabled.id });
    await database.pool.query('update users set disabled_at = now() where id = $1', [disabled.id]);
    const refused = await signInThroughProvider(app, 'dana');
    expect(refused.location).toBe('/signin?error=oidc_disabled');
    expect(refused.cookie).toBeUndefined();
  });

  it('refuses a tampered state and a replayed code', async () => {
    const app = await writApp();
    await account('tom@platform.example', 'reviewer');
    provider.accounts.set('tom', { sub: 'sub-tom', email: 'tom@platform.example', email_verified: true });
    const tampered = await signInThroughProvider(app, 'tom', (callback) => callback.searchParams.set('state', 'forged-state'));
    expect(tampered.location).toBe('/signin?error=oidc_failed');
    expect(tampered.cookie).toBeUndefined();

    const good = await signInThroughProvider(app, 'tom');
    expect(good.cookie).toBeDefined();
    const replay = await app.inject({
      method: 'GET',
      url: good.callback.pathname + good.callback.search,
      headers: { cookie: good.pendingCookie },
    });
    expect(replay.headers.location).toBe('/signin?error=oidc_failed');
    expect(replay.cookies.find((c) => c.name === 'writ_session' && c.value)).toBeUndefined();
  });

  it('answers 503 when the provider is down, and 404 when none is configured', async () => {
    const down = await writApp({ WRIT_OIDC_ISSUER: 'http://127.0.0.1:9/' });
    const start = await down.inject({ method: 'GET', url: '/api/v1/session/oidc/start' });
    expect(start.statusCode).toBe(503);
    expect(start.json()).toMatchObject({ code: 'unavailable' });
    const none = await writApp({ WRIT_OIDC_ISSUER: '', WRIT_OIDC_CLIENT_ID: '', WRIT_OIDC_CLIENT_SECRET: '' });
    expect((await none.inject({ method: 'GET', url: '/api/v1/session/oidc' })).json()).toEqual({ enabled: false, label: null });
    expect((await none.inject({ method: 'GET', url: '/api/v1/session/oidc/start' })).statusCode).toBe(404);
  });
});
