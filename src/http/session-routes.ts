/** Sign-in and sign-out for reviewers (local accounts with argon2id password hashes). */
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { WritError } from '../domain/errors.js';
import { requireUser, SESSION_COOKIE, signedInUser } from './authentication.js';
import { credentialsSchema, problemSchema, sessionSchema, userSchema } from './schemas.js';
import type { Services } from './services.js';

// Verifying against a real hash when the account does not exist keeps response times alike.
let noSuchUserHash: Promise<string> | undefined;
function hashForMissingAccount(): Promise<string> {
  noSuchUserHash ??= hash(randomBytes(16));
  return noSuchUserHash;
}

export const sessionRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.post('/api/v1/session', {
    config: { rateLimit: { max: services.config.signInAttemptsPerMinute, timeWindow: 60_000 } },
    schema: {
      tags: ['session'],
      security: [],
      summary: 'Sign in; sets the session cookie and returns a bearer token',
      body: credentialsSchema,
      response: { 200: sessionSchema, 400: problemSchema, 401: problemSchema, 429: problemSchema },
    },
    handler: async (request, reply) => {
      const account = await services.users.findCredentials(request.body.email);
      const ok = await verify(account?.passwordHash ?? (await hashForMissingAccount()), request.body.password).catch(() => false);
      if (!account || !ok) throw new WritError('invalid_credentials', 'the email or the password is wrong', 'password');
      const { passwordHash: _, ...user } = account;
      const session = await services.users.startSession(user.id, services.config.sessionTtlHours);
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: services.config.cookieSecure,
        expires: session.expiresAt,
      });
      return { user, token: session.token, expiresAt: session.expiresAt.toISOString() };
    },
  });

  app.get('/api/v1/session', {
    schema: {
      tags: ['session'],
      summary: 'The signed-in user',
      response: { 200: z.object({ user: userSchema }), 401: problemSchema },
    },
    onRequest: requireUser,
    handler: async (request) => ({ user: signedInUser(request) }),
  });

  app.delete('/api/v1/session', {
    schema: { tags: ['session'], summary: 'Sign out', response: { 204: z.null() } },
    handler: async (request, reply) => {
      if (request.sessionToken) await services.users.endSession(request.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  });
};
