/**
 * Who is asking: a session token from the `writ_session` cookie (the web UI) or an
 * `Authorization: Bearer` header (API clients). Routes that write, or show non-public data,
 * add `requireUser` as a preHandler.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { User, UsersRepository } from '../db/users-repository.js';
import { WritError } from '../domain/errors.js';

export const SESSION_COOKIE = 'writ_session';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
    sessionToken: string | null;
  }
}

function tokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || null;
  return request.cookies[SESSION_COOKIE] ?? null;
}

export const authentication = fp(
  async (app: FastifyInstance, opts: { users: UsersRepository }) => {
    app.decorateRequest('user', null);
    app.decorateRequest('sessionToken', null);
    app.addHook('onRequest', async (request) => {
      const token = tokenOf(request);
      if (!token) return;
      request.user = (await opts.users.userForSession(token)) ?? null;
      request.sessionToken = request.user ? token : null;
    });
  },
  { name: 'writ-authentication', dependencies: ['@fastify/cookie'] },
);

export async function requireUser(request: FastifyRequest): Promise<void> {
  if (!request.user)
    throw new WritError(
      'unauthenticated',
      'sign in first: POST /api/v1/session, then send the cookie or an Authorization: Bearer token',
    );
}

export function signedInUser(request: FastifyRequest): User {
  if (!request.user) throw new WritError('unauthenticated', 'sign in first');
  return request.user;
}

/** A preHandler that lets only accounts with this role through (after requireUser). */
export function requireRole(role: User['role']) {
  return async (request: FastifyRequest): Promise<void> => {
    await requireUser(request);
    if (request.user?.role !== role) throw new WritError('forbidden', `only an ${role} may do this`);
  };
}
