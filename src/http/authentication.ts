/**
 * Who is asking: a session token from the `writ_session` cookie (the web UI) or an
 * `Authorization: Bearer` header (API clients). Routes that write, or show non-public data,
 * add `requireUser` as a preHandler.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AgencyPrincipal, OfficerSessionsRepository } from '../db/officer-sessions-repository.js';
import type { User, UsersRepository } from '../db/users-repository.js';
import { WritError } from '../domain/errors.js';
import { API_KEY_PREFIX, OFFICER_TOKEN_PREFIX } from '../domain/officer.js';
import { type Action, authorize } from '../domain/permissions.js';

export const SESSION_COOKIE = 'writ_session';
/** The portal's cookie: an officer's session, never a staff one. */
export const OFFICER_COOKIE = 'writ_officer';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
    sessionToken: string | null;
    /** The agency's officer or API key behind an authority-channel request (any sign-in stage). */
    agencyPrincipal: AgencyPrincipal | null;
    /** The officer's session token, for sign-in steps that move or end it. */
    officerToken: string | null;
  }
}

function bearerOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || null;
  return null;
}

/**
 * A staff token (cookie `writ_session` or a bare Bearer token) resolves to `request.user`; an
 * officer's (cookie `writ_officer` or Bearer `writ_os_…`) or an API key (Bearer `writ_ak_…`) to
 * `request.agencyPrincipal`. A request is never both: a Bearer token decides, then the cookies.
 */
export const authentication = fp(
  async (app: FastifyInstance, opts: { users: UsersRepository; officerSessions: OfficerSessionsRepository }) => {
    app.decorateRequest('user', null);
    app.decorateRequest('sessionToken', null);
    app.decorateRequest('agencyPrincipal', null);
    app.decorateRequest('officerToken', null);
    app.addHook('onRequest', async (request) => {
      const bearer = bearerOf(request);
      if (bearer?.startsWith(API_KEY_PREFIX)) {
        request.agencyPrincipal = (await opts.officerSessions.principalForApiKey(bearer)) ?? null;
        return;
      }
      const officerToken = bearer
        ? bearer.startsWith(OFFICER_TOKEN_PREFIX)
          ? bearer
          : null
        : (request.cookies[OFFICER_COOKIE] ?? null);
      if (officerToken) {
        request.agencyPrincipal = (await opts.officerSessions.principalForSession(officerToken)) ?? null;
        request.officerToken = request.agencyPrincipal ? officerToken : null;
        if (bearer) return;
      }
      const token = bearer ?? request.cookies[SESSION_COOKIE] ?? null;
      if (!token) return;
      request.user = (await opts.users.userForSession(token)) ?? null;
      request.sessionToken = request.user ? token : null;
    });
  },
  { name: 'writ-authentication', dependencies: ['@fastify/cookie'] },
);

/**
 * A preHandler for the authority channel: an officer fully signed in (password and second factor)
 * or an API key, of a verified agency. A staff session is not enough: reviewers do not act as
 * officers. An agency that is pending, rejected or suspended can do nothing.
 */
export async function requireAgency(request: FastifyRequest): Promise<void> {
  const principal = request.agencyPrincipal;
  if (!principal) throw new WritError('unauthenticated', 'sign in to the authority portal first, or send an agency API key');
  if (principal.stage !== 'full')
    throw new WritError('second_factor_required', 'confirm the sign-in with a passkey, an authenticator code or a recovery code');
  if (principal.agency.status !== 'verified')
    throw new WritError('agency_not_verified', `the agency is ${principal.agency.status}: it can do nothing until verified`);
}

/**
 * A preValidation hook for the sign-in and enrolment steps: an officer's session at any stage, so
 * that a caller without one is told to sign in (401) before anything about the body is judged.
 */
export async function requireOfficerSession(request: FastifyRequest): Promise<void> {
  if (!request.agencyPrincipal?.officer || !request.officerToken)
    throw new WritError('unauthenticated', 'sign in to the authority portal first: POST /api/v1/authority/session');
}

/** requireAgency, and the officer must be an admin officer of the agency (not an API key). */
export async function requireAgencyAdmin(request: FastifyRequest): Promise<void> {
  await requireAgency(request);
  if (!request.agencyPrincipal?.officer?.isAgencyAdmin)
    throw new WritError('forbidden', "only the agency's admin officers may do this");
}

export function agencyPrincipal(request: FastifyRequest): AgencyPrincipal {
  if (!request.agencyPrincipal) throw new WritError('unauthenticated', 'sign in to the authority portal first');
  return request.agencyPrincipal;
}

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

/**
 * An onRequest hook for a staff route: a signed-in account whose role the permission table allows
 * to perform `action` (src/domain/permissions.ts); 401 without a session, 403 otherwise, before the
 * body is read. Every staff route names its action in `config.permission` as well, so that the
 * routes × roles test can enumerate them.
 */
export function permit(action: Action) {
  return async (request: FastifyRequest): Promise<void> => {
    await requireUser(request);
    authorize(signedInUser(request), action);
  };
}

/** A preHandler that lets only accounts with this role through (after requireUser). */
export function requireRole(role: User['role']) {
  return async (request: FastifyRequest): Promise<void> => {
    await requireUser(request);
    if (request.user?.role !== role) throw new WritError('forbidden', `only an ${role} may do this`);
  };
}
