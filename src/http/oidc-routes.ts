/**
 * Staff sign-in through an OpenID Connect provider (issue 12): the sign-in page asks whether it is
 * configured, the browser is sent to the provider with PKCE, state and nonce kept in a short-lived
 * httpOnly cookie, and the provider's callback starts a Writ session exactly like a local sign-in.
 * A refused callback goes to `/signin?error=<code>`, where the page shows a translated message.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Writ } from '../app/context.js';
import { beginOidcSignIn, completeOidcSignIn, type OidcPending, OidcRefusal, safeNext } from '../app/oidc-sign-in.js';
import { oidcInfoSchema } from '../contracts/accounts.js';
import { problemSchema } from '../contracts/common.js';
import { WritError } from '../domain/errors.js';
import { setSessionCookie } from './session-routes.js';

const PENDING_COOKIE = 'writ_oidc';
const PENDING_PATH = '/api/v1/session/oidc';
const PENDING_SECONDS = 600;

function readPending(value: string | undefined): OidcPending | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<OidcPending>;
    const { verifier, state, nonce, next } = parsed;
    if ([verifier, state, nonce, next].every((v) => typeof v === 'string'))
      return { verifier, state, nonce, next } as OidcPending;
  } catch {
    // A cookie that is not ours is no pending sign-in.
  }
  return undefined;
}

export const oidcRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  const settings = writ.config.oidc;

  app.get('/api/v1/session/oidc', {
    schema: {
      tags: ['session'],
      security: [],
      operationId: 'getOidcSignIn',
      summary: 'Single sign-on availability',
      description: 'Whether staff may sign in through an OpenID Connect provider, and the name on its button.',
      response: { 200: oidcInfoSchema },
    },
    handler: async () => ({ enabled: settings !== undefined, label: settings?.label ?? null }),
  });

  app.get('/api/v1/session/oidc/start', {
    schema: {
      tags: ['session'],
      security: [],
      operationId: 'startOidcSignIn',
      summary: 'Start a single sign-on',
      description:
        'Redirects (302) to the provider’s authorization endpoint (code flow with PKCE S256, state and nonce). ' +
        '`next` is the same-origin path to return to (else /review). 404 `not_configured` without a provider; ' +
        '503 `unavailable` when the provider cannot be reached.',
      querystring: z.object({ next: z.string().max(2000).optional() }),
      response: { 302: z.null(), 404: problemSchema, 503: problemSchema },
    },
    handler: async (request, reply) => {
      if (!settings) throw new WritError('not_configured', 'no OpenID Connect provider is configured (WRIT_OIDC_ISSUER)');
      const { url, pending } = await beginOidcSignIn(settings, request.query.next);
      reply.setCookie(PENDING_COOKIE, Buffer.from(JSON.stringify(pending)).toString('base64url'), {
        path: PENDING_PATH,
        httpOnly: true,
        // The callback is a cross-site top-level GET from the provider: Lax lets this cookie come back with it.
        sameSite: 'lax',
        secure: writ.config.cookieSecure,
        maxAge: PENDING_SECONDS,
      });
      return reply.redirect(url.href, 302);
    },
  });

  app.get('/api/v1/session/oidc/callback', {
    schema: {
      tags: ['session'],
      security: [],
      operationId: 'completeOidcSignIn',
      summary: 'Single sign-on callback',
      description:
        'Where the provider returns the browser. On success sets the session cookie and redirects (303) to the ' +
        'path given at the start; on refusal redirects to `/signin?error=<code>` (oidc_failed, oidc_email_unverified, ' +
        'oidc_no_account, oidc_disabled, oidc_unavailable).',
      // Read as sent (request.url) by openid-client; named here for the document.
      querystring: z.object({
        code: z.string().max(4000).optional(),
        state: z.string().max(4000).optional(),
        iss: z.string().max(4000).optional(),
        error: z.string().max(200).optional(),
        error_description: z.string().max(4000).optional(),
      }),
      response: { 303: z.null(), 404: problemSchema },
    },
    handler: async (request, reply) => {
      if (!settings) throw new WritError('not_configured', 'no OpenID Connect provider is configured (WRIT_OIDC_ISSUER)');
      const pending = readPending(request.cookies[PENDING_COOKIE]);
      // The pending sign-in is used once, whatever happens.
      reply.clearCookie(PENDING_COOKIE, { path: PENDING_PATH });
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      try {
        const user = await completeOidcSignIn(writ, settings, query, pending);
        const session = await writ.users.startSession(user.id, writ.config.sessionTtlHours);
        setSessionCookie(reply, writ, session);
        return reply.redirect(safeNext(pending?.next), 303);
      } catch (error) {
        if (!(error instanceof OidcRefusal)) throw error;
        request.log.warn({ code: error.code, reason: error.message }, 'OpenID Connect sign-in refused');
        return reply.redirect(`/signin?error=${error.code}`, 303);
      }
    },
  });
};
