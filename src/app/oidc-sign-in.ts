/**
 * Staff sign-in through an OpenID Connect provider (issue 12, decision 47): the authorization code
 * flow with PKCE (S256), state and nonce (openid-client v6). The account is found by the provider's
 * (issuer, sub); else an enabled account with the ID token's email is linked when the provider says
 * that email is verified; else one is created when `WRIT_OIDC_CREATE_ACCOUNTS` allows it. With a
 * role claim configured, the provider is the source of truth: the role follows the claim at every
 * sign-in (a claim naming no staff role gives `auditor`, who reads and changes nothing).
 */
import * as client from 'openid-client';
import type { ReviewSettings } from '../config-review.js';
import type { OidcErrorCode } from '../contracts/accounts.js';
import type { User } from '../db/users-repository.js';
import { WritError } from '../domain/errors.js';
import { type StaffRole, staffRoles } from '../domain/permissions.js';
import type { Writ } from './context.js';

export type OidcSettings = NonNullable<ReviewSettings['oidc']>;

/** A refused sign-in: the sign-in page shows the translated message of its code. */
export class OidcRefusal extends Error {
  constructor(
    readonly code: OidcErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** What the browser keeps between the start and the callback (a short-lived httpOnly cookie). */
export type OidcPending = { verifier: string; state: string; nonce: string; next: string };

const discovered = new Map<string, Promise<client.Configuration>>();

function loopbackHttp(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** The provider's configuration, discovered once per process; a provider that is down gives 503 `unavailable`. */
export async function oidcConfiguration(settings: OidcSettings): Promise<client.Configuration> {
  const key = `${settings.issuer} ${settings.clientId}`;
  let pending = discovered.get(key);
  if (!pending) {
    const insecure = settings.allowHttp && loopbackHttp(settings.issuer);
    pending = client.discovery(
      new URL(settings.issuer),
      settings.clientId,
      settings.clientSecret,
      undefined,
      insecure ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    discovered.set(key, pending);
    // A failed discovery is not kept: the next sign-in tries again.
    pending.catch(() => discovered.delete(key));
  }
  try {
    return await pending;
  } catch (error) {
    throw new WritError(
      'unavailable',
      `the sign-in provider ${settings.issuer} cannot be reached (${(error as Error).message}); try again shortly or sign in with a password`,
    );
  }
}

/** A same-origin path to return to after sign-in; anything else (another origin, `//host`) gives /review. */
export function safeNext(next: string | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || /[\r\n]/.test(next)) return '/review';
  return next;
}

export async function beginOidcSignIn(
  settings: OidcSettings,
  next: string | undefined,
): Promise<{ url: URL; pending: OidcPending }> {
  const config = await oidcConfiguration(settings);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: settings.redirectUri,
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url, pending: { verifier, state, nonce, next: safeNext(next) } };
}

function claimedRole(claims: Record<string, unknown>, roleClaim: string): StaffRole {
  const value = claims[roleClaim];
  const named = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
  return staffRoles.find((role) => named.includes(role)) ?? 'auditor';
}

/**
 * The callback: exchanges the code (checking state, nonce and PKCE), then finds, links or creates
 * the account. Throws OidcRefusal for every refusal; never signs in a disabled account.
 */
export async function completeOidcSignIn(
  writ: Pick<Writ, 'oidcAccounts'>,
  settings: OidcSettings,
  callbackQuery: string,
  pending: OidcPending | undefined,
): Promise<User> {
  if (!pending) throw new OidcRefusal('oidc_failed', 'no sign-in was started in this browser, or it took too long');
  let config: client.Configuration;
  try {
    config = await oidcConfiguration(settings);
  } catch (error) {
    throw new OidcRefusal('oidc_unavailable', (error as Error).message);
  }
  const currentUrl = new URL(settings.redirectUri);
  currentUrl.search = callbackQuery;
  let claims: Record<string, unknown>;
  try {
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    claims = (tokens.claims() ?? {}) as Record<string, unknown>;
  } catch (error) {
    throw new OidcRefusal('oidc_failed', `the provider's answer was refused: ${(error as Error).message}`);
  }
  const issuer = String(claims.iss ?? settings.issuer);
  const subject = typeof claims.sub === 'string' ? claims.sub : '';
  if (!subject) throw new OidcRefusal('oidc_failed', 'the ID token has no subject');
  const email = typeof claims.email === 'string' ? claims.email : undefined;
  const emailVerified = claims.email_verified === true;
  const role = settings.roleClaim ? claimedRole(claims, settings.roleClaim) : undefined;
  const accounts = writ.oidcAccounts;

  let account = await accounts.findBySubject(issuer, subject);
  if (!account) {
    const byEmail = email ? await accounts.findByEmail(email) : undefined;
    if (byEmail) {
      if (!emailVerified) throw new OidcRefusal('oidc_email_unverified', `the provider does not say that ${email} is verified`);
      if (byEmail.disabled) throw new OidcRefusal('oidc_disabled', `the account ${byEmail.email} is disabled`);
      if (byEmail.oidcSubject !== null || !(await accounts.link(byEmail.id, issuer, subject)))
        throw new OidcRefusal('oidc_no_account', `the account ${byEmail.email} is linked to another identity`);
      account = { ...byEmail, oidcIssuer: issuer, oidcSubject: subject };
    } else {
      if (!settings.createAccounts) throw new OidcRefusal('oidc_no_account', 'no Writ account belongs to this identity');
      if (!email || !emailVerified)
        throw new OidcRefusal('oidc_email_unverified', 'a new account needs a verified email from the provider');
      const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : email;
      account = await accounts.create({ email, name, role: role ?? 'auditor', issuer, subject });
      if (!account) throw new OidcRefusal('oidc_no_account', 'the account could not be created: its email is taken');
    }
  }
  if (account.disabled) throw new OidcRefusal('oidc_disabled', `the account ${account.email} is disabled`);
  if (role && role !== account.role) {
    await accounts.setRole(account.id, role);
    account = { ...account, role };
  }
  return { id: account.id, email: account.email, name: account.name, role: account.role };
}
