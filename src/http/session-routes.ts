/** Sign-in and sign-out for reviewers (local accounts with argon2id password hashes). */
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Writ } from '../app/context.js';
import { problemSchema } from '../contracts/common.js';
import { credentialsSchema, currentUserSchema, sessionSchema } from '../contracts/session.js';
import { WritError } from '../domain/errors.js';
import { requireUser, SESSION_COOKIE, signedInUser } from './authentication.js';

// Verifying against a real hash when the account does not exist keeps response times alike.
let noSuchUserHash: Promise<string> | undefined;
function hashForMissingAccount(): Promise<string> {
  noSuchUserHash ??= hash(randomBytes(16));
  return noSuchUserHash;
}

/** The staff session cookie, alike for a local and an OpenID Connect sign-in. */
export function setSessionCookie(reply: FastifyReply, writ: Writ, session: { token: string; expiresAt: Date }): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: writ.config.cookieSecure,
    expires: session.expiresAt,
  });
}

export const sessionRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.post('/api/v1/session', {
    schema: {
      tags: ['session'],
      security: [],
      operationId: 'signIn',
      summary: 'Sign in',
      description:
        'Sets the session cookie and returns a bearer token for API clients. ' +
        'Limited per client address (WRIT_SIGNIN_ATTEMPTS_PER_MINUTE) and per account (a growing lock-out after ' +
        'WRIT_SIGNIN_ACCOUNT_FAILURES failures in a row): 429 `rate_limited` with Retry-After, alike for unknown emails.',
      body: credentialsSchema,
      response: { 200: sessionSchema, 400: problemSchema, 401: problemSchema, 429: problemSchema },
    },
    handler: async (request, reply) => {
      // Checked before the lookup and argon2, and keyed on the email alone: a refusal says nothing about the account.
      const gate = await writ.signInAttempts.begin(request.ip, request.body.email);
      if (!gate.allowed) {
        request.log.warn({ limit: gate.limit, ip: request.ip }, 'sign-in refused: too many attempts');
        reply.header('retry-after', String(gate.retryAfterSeconds));
        throw new WritError('rate_limited', `too many attempts; try again in ${gate.retryAfterSeconds} s`);
      }
      const account = await writ.users.findCredentials(request.body.email);
      const ok = await verify(account?.passwordHash ?? (await hashForMissingAccount()), request.body.password).catch(() => false);
      await writ.signInAttempts.settle(gate.attemptId, account && ok ? 'succeeded' : 'failed');
      if (!account || !ok) throw new WritError('invalid_credentials', 'the email or the password is wrong', 'password');
      const { passwordHash: _, ...user } = account;
      const session = await writ.users.startSession(user.id, writ.config.sessionTtlHours);
      setSessionCookie(reply, writ, session);
      return { user, token: session.token, expiresAt: session.expiresAt.toISOString() };
    },
  });

  app.get('/api/v1/session', {
    schema: {
      tags: ['session'],
      operationId: 'getSession',
      summary: 'The signed-in user',
      description: 'Whom the session cookie or bearer token belongs to; 401 without a valid session.',
      response: { 200: currentUserSchema, 401: problemSchema },
    },
    onRequest: requireUser,
    handler: async (request) => ({ user: signedInUser(request) }),
  });

  app.delete('/api/v1/session', {
    // Public: signing out without a session is a harmless no-op, so clients need not check first.
    schema: {
      tags: ['session'],
      security: [],
      operationId: 'signOut',
      summary: 'Sign out',
      description: 'Ends the session sent, if any, and clears the cookie. Public: without a session it does nothing.',
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      if (request.sessionToken) await writ.users.endSession(request.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  });
};
