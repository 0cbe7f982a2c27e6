/**
 * The staff OpenID Connect sign-in's use cases (src/app/oidc-sign-in.ts) called directly, against a
 * real provider on loopback (oidc-provider) and a real database: when plain http is allowed for the
 * issuer, how a discovery is kept or tried again, the paths a sign-in may return to, and the checks
 * of the ID token's claims.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  beginOidcSignIn,
  completeOidcSignIn,
  type OidcSettings,
  oidcConfiguration,
  safeNext,
} from '../../src/app/oidc-sign-in.js';
import { WritError } from '../../src/domain/errors.js';
import type { StaffRole } from '../../src/domain/permissions.js';
import { loginAtProvider, OIDC_ROLE_CLAIM, startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.js';
import { createTestWrit, staffMember, type TestWrit } from '../support/writ.js';

const REDIRECT_URI = 'http://writ.test/api/v1/session/oidc/callback';
let provider: TestOidcProvider;
let t: TestWrit;
let clients = 0;

beforeAll(async () => {
  provider = await startOidcProvider(REDIRECT_URI);
  t = await createTestWrit();
});
afterAll(async () => {
  await t?.close();
  await provider?.close();
});

/** Settings for the test provider; each gets its own client id, so that no discovery is shared between tests. */
function settings(overrides: Partial<OidcSettings> = {}): OidcSettings {
  clients += 1;
  return {
    issuer: provider.issuer,
    clientId: `${provider.clientId}#${clients}`,
    clientSecret: provider.clientSecret,
    roleClaim: undefined,
    createAccounts: false,
    label: 'Staff SSO',
    allowHttp: true,
    redirectUri: REDIRECT_URI,
    ...overrides,
  };
}

/** Same client as the provider knows (the token request needs it). */
function signInSettings(overrides: Partial<OidcSettings> = {}): OidcSettings {
  return { ...settings(overrides), clientId: provider.clientId };
}

async function unavailableMessage(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WritError);
  expect((error as WritError).code).toBe('unavailable');
  return (error as WritError).message;
}

/** start → provider login as `login` → callback, as the routes do. */
async function signIn(s: OidcSettings, login: string) {
  const { url, pending } = await beginOidcSignIn(s, '/review/queue');
  const callback = await loginAtProvider(url.href, login);
  return completeOidcSignIn(t.writ, s, callback.search, pending);
}

let people = 0;
function person(claims: { email_verified?: boolean; name?: string; writ_role?: unknown; email?: string } = {}) {
  people += 1;
  const login = `person${people}`;
  const email = claims.email ?? `${login}@platform.example`;
  provider.accounts.set(login, { sub: `sub-${login}`, email, email_verified: true, ...claims });
  return { login, email };
}

describe('plain http for the issuer', () => {
  it('is allowed for a loopback issuer (127.0.0.1) when WRIT_OIDC_ALLOW_HTTP is set', async () => {
    const config = await oidcConfiguration(settings({ allowHttp: true }));
    expect(config.serverMetadata().issuer).toBe(provider.issuer);
  });

  it('is refused for a loopback issuer without WRIT_OIDC_ALLOW_HTTP', async () => {
    expect(await unavailableMessage(oidcConfiguration(settings({ allowHttp: false })))).toMatch(/HTTPS/i);
  });

  it('is refused for an issuer that is not loopback even with WRIT_OIDC_ALLOW_HTTP', async () => {
    const message = await unavailableMessage(oidcConfiguration(settings({ issuer: 'http://127.0.0.2:9', allowHttp: true })));
    expect(message).toMatch(/HTTPS/i);
  });

  it('is allowed for localhost and [::1] (the request is made, and fails only because nothing listens)', async () => {
    for (const issuer of ['http://localhost:9', 'http://[::1]:9']) {
      const message = await unavailableMessage(oidcConfiguration(settings({ issuer, allowHttp: true })));
      expect(message).toContain(issuer);
      expect(message).not.toMatch(/HTTPS/i);
    }
  });
});

describe('discovery', () => {
  let server: Server;
  let handler: (req: IncomingMessage, res: ServerResponse) => void;
  let issuer: string;
  let callback: (req: IncomingMessage, res: ServerResponse) => void;
  const down = (_req: IncomingMessage, res: ServerResponse) => {
    res.statusCode = 503;
    res.end('down');
  };

  beforeAll(async () => {
    handler = down;
    server = createServer((req, res) => handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    callback = new Provider(issuer, {
      clients: [{ client_id: 'c', client_secret: 'a-secret', redirect_uris: [REDIRECT_URI] }],
      findAccount: async (_ctx, id) => ({ accountId: id, claims: async () => ({ sub: id }) }),
    }).callback();
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );

  it('is tried again after a failure, then kept: the provider going down later does not matter', async () => {
    const s = settings({ issuer });
    handler = down;
    await unavailableMessage(oidcConfiguration(s));
    handler = callback;
    const config = await oidcConfiguration(s);
    expect(config.serverMetadata().issuer).toBe(issuer);
    handler = down;
    expect(await oidcConfiguration(s)).toBe(config);
  });
});

describe('the path to return to', () => {
  it('keeps a same-origin path and refuses //host, /\\host, another origin and line breaks', () => {
    expect(safeNext('/review/queue?x=1')).toBe('/review/queue?x=1');
    expect(safeNext('//evil.example/review')).toBe('/review');
    expect(safeNext('/\\evil.example/review')).toBe('/review');
    expect(safeNext('https://evil.example/')).toBe('/review');
    expect(safeNext('/review\nSet-Cookie: x')).toBe('/review');
    expect(safeNext(undefined)).toBe('/review');
  });
});

describe('the callback', () => {
  it('refuses a callback whose state was tampered with, saying the answer was refused', async () => {
    const s = signInSettings();
    const { login } = person();
    const { url, pending } = await beginOidcSignIn(s, undefined);
    const callback = await loginAtProvider(url.href, login);
    callback.searchParams.set('state', 'forged');
    await expect(completeOidcSignIn(t.writ, s, callback.search, pending)).rejects.toMatchObject({
      code: 'oidc_failed',
      message: expect.stringMatching(/^the provider's answer was refused: ./),
    });
  });

  it('refuses to link an existing account by an unverified email, naming it', async () => {
    const { login, email } = person({ email_verified: false });
    await staffMember(t.writ, 'reviewer', email);
    await expect(signIn(signInSettings(), login)).rejects.toMatchObject({
      code: 'oidc_email_unverified',
      message: `the provider does not say that ${email} is verified`,
    });
  });

  it('refuses an account already linked to another identity with the same email', async () => {
    const first = person();
    const account = await staffMember(t.writ, 'reviewer', first.email);
    expect(await signIn(signInSettings(), first.login)).toMatchObject({ id: account.id });
    const other = person({ email: first.email });
    await expect(signIn(signInSettings(), other.login)).rejects.toMatchObject({
      code: 'oidc_no_account',
      message: `the account ${first.email} is linked to another identity`,
    });
  });

  it('refuses an unknown identity when accounts are not created', async () => {
    const { login } = person();
    await expect(signIn(signInSettings({ createAccounts: false }), login)).rejects.toMatchObject({
      code: 'oidc_no_account',
      message: 'no Writ account belongs to this identity',
    });
  });

  it('names a created account after the trimmed name claim, cut at 200 characters, or its email when blank', async () => {
    const s = signInSettings({ createAccounts: true });
    const trimmed = person({ name: '  Ada Lovelace  ' });
    expect(await signIn(s, trimmed.login)).toMatchObject({ email: trimmed.email, name: 'Ada Lovelace', role: 'auditor' });
    const long = person({ name: ` ${'n'.repeat(250)} ` });
    expect((await signIn(s, long.login)).name).toBe('n'.repeat(200));
    const blank = person({ name: '   ' });
    expect((await signIn(s, blank.login)).name).toBe(blank.email);
  });

  it('refuses a disabled account found by its subject, naming it', async () => {
    const { login, email } = person();
    const account = await staffMember(t.writ, 'reviewer', email);
    expect(await signIn(signInSettings(), login)).toMatchObject({ id: account.id });
    await t.database.pool.query('update users set disabled_at = now() where id = $1', [account.id]);
    await expect(signIn(signInSettings(), login)).rejects.toMatchObject({
      code: 'oidc_disabled',
      message: `the account ${email} is disabled`,
    });
  });

  it('keeps the account role without a role claim configured', async () => {
    const { login, email } = person({ writ_role: 'admin' });
    await staffMember(t.writ, 'legal', email);
    expect(await signIn(signInSettings(), login)).toMatchObject({ email, role: 'legal' satisfies StaffRole });
  });

  it('takes the role from a role claim given as a single string', async () => {
    const { login, email } = person({ writ_role: 'human_rights' });
    await staffMember(t.writ, 'reviewer', email);
    expect(await signIn(signInSettings({ roleClaim: OIDC_ROLE_CLAIM }), login)).toMatchObject({ role: 'human_rights' });
  });
});
