/**
 * Agencies apply; officers are invited, accept (which confirms their address), enrol a second
 * factor and sign in with it (issue 10). The portal's session is an officer's own (cookie
 * `writ_officer` or Bearer `writ_os_…`): a staff session is never one, so reviewers get 401 here.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applyForAgency } from '../../app/agencies.js';
import type { Writ } from '../../app/context.js';
import {
  acceptInvitation,
  confirmTotpEnrolment,
  disableOfficer,
  inviteOfficer,
  officerSession,
  sessionView,
  signInOfficer,
  startTotpEnrolment,
  useRecoveryCode,
  verifyTotp,
} from '../../app/officers.js';
import {
  agencyApplicationReceiptSchema,
  agencyApplicationSchema,
  invitationAcceptanceSchema,
  officerCredentialsSchema,
  officerInvitationSchema,
  officerListSchema,
  officerSchema,
  officerSessionSchema,
  officerSignInSchema,
  recoveryCodeSchema,
  totpCodeSchema,
  totpConfirmationSchema,
  totpEnrolmentSchema,
} from '../../contracts/agencies.js';
import { idParam, problemSchema } from '../../contracts/common.js';
import { agencyPrincipal, OFFICER_COOKIE, requireAgencyAdmin, requireOfficerSession } from '../authentication.js';
import { presentOfficer } from '../presenters/agencies.js';

const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  423: problemSchema,
};

/** An officer's session at any stage (the sign-in steps); 401 without one. */
const sessionOf = (request: FastifyRequest) => officerSession(request.agencyPrincipal, request.officerToken);

export const officerRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  const setCookie = (reply: FastifyReply, token: string) =>
    // A browser session cookie: the server ends the session (15 min half-way, WRIT_SESSION_TTL_HOURS once full).
    reply.setCookie(OFFICER_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: writ.config.cookieSecure });

  app.post('/api/v1/agencies/applications', {
    schema: {
      tags: ['agencies'],
      security: [],
      operationId: 'applyForAgency',
      summary: 'Apply as an agency',
      description:
        'Any government body applies the same way: country, name, kind, official web domain, legal mandate and a ' +
        'contact on that domain. Stored as pending until a platform admin verifies or rejects it. Public.',
      body: agencyApplicationSchema,
      response: { 201: agencyApplicationReceiptSchema, ...errors },
    },
    handler: async (request, reply) => {
      const { timeZone, ...application } = request.body;
      const agency = await applyForAgency(writ, { ...application, timeZone: timeZone ?? null });
      return reply.status(201).send({ id: agency.id, status: agency.status });
    },
  });

  app.post('/api/v1/authority/invitations/accept', {
    schema: {
      tags: ['agencies'],
      security: [],
      operationId: 'acceptOfficerInvitation',
      summary: 'Accept an invitation',
      description:
        "Sets the officer's password with the token from the invitation mail, which also confirms the address. " +
        'Starts a session at stage `enrol`: it can only enrol a second factor (TOTP or a passkey). The link works once.',
      body: invitationAcceptanceSchema,
      response: { 200: officerSignInSchema, ...errors },
    },
    handler: async (request, reply) => {
      const session = await acceptInvitation(writ, request.body);
      setCookie(reply, session.token);
      return { ...session.view, token: session.token, expiresAt: session.expiresAt.toISOString() };
    },
  });

  app.post('/api/v1/authority/session', {
    schema: {
      tags: ['agencies'],
      security: [],
      operationId: 'signInOfficer',
      summary: 'Sign in to the authority portal',
      description:
        'The password step: sets the `writ_officer` cookie and returns the token for API clients. The session is at ' +
        'stage `second_factor` (give a TOTP or recovery code, or a passkey) or, for an officer without a factor, ' +
        '`enrol`. Failures in a row (WRIT_SIGNIN_ACCOUNT_FAILURES) lock the account for 1 to 15 min: 423 with Retry-After.',
      body: officerCredentialsSchema,
      response: { 200: officerSignInSchema, ...errors },
    },
    handler: async (request, reply) => {
      const session = await signInOfficer(writ, request.body);
      setCookie(reply, session.token);
      return { ...session.view, token: session.token, expiresAt: session.expiresAt.toISOString() };
    },
  });

  app.get('/api/v1/authority/session', {
    schema: {
      tags: ['agencies'],
      operationId: 'getOfficerSession',
      summary: 'The signed-in officer',
      description:
        "The officer, the agency, the session's stage and which second factors are enrolled; 401 without an officer session.",
      response: { 200: officerSessionSchema, ...errors },
    },
    handler: async (request) => sessionView(writ, sessionOf(request).principal),
  });

  app.delete('/api/v1/authority/session', {
    schema: {
      tags: ['agencies'],
      security: [],
      operationId: 'signOutOfficer',
      summary: 'Sign out of the authority portal',
      description: "Ends the officer's session sent, if any, and clears the cookie. Public: without a session it does nothing.",
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      if (request.officerToken) await writ.officerSessions.end(request.officerToken);
      reply.clearCookie(OFFICER_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  });

  app.post('/api/v1/authority/session/totp', {
    onRequest: requireOfficerSession,
    schema: {
      tags: ['agencies'],
      operationId: 'confirmSignInWithTotp',
      summary: 'Second step: authenticator code',
      description:
        'A `second_factor` session becomes `full` with a code of the enrolled authenticator app (the step before and ' +
        'after are accepted; a code is never accepted twice). A wrong code counts toward the lock-out.',
      body: totpCodeSchema,
      response: { 200: officerSessionSchema, ...errors },
    },
    handler: async (request) => verifyTotp(writ, sessionOf(request), request.body.code),
  });

  app.post('/api/v1/authority/session/recovery', {
    onRequest: requireOfficerSession,
    schema: {
      tags: ['agencies'],
      operationId: 'confirmSignInWithRecoveryCode',
      summary: 'Second step: recovery code',
      description: 'A `second_factor` session becomes `full` with one of the recovery codes; each works once.',
      body: recoveryCodeSchema,
      response: { 200: officerSessionSchema, ...errors },
    },
    handler: async (request) => useRecoveryCode(writ, sessionOf(request), request.body.code),
  });

  app.post('/api/v1/authority/totp', {
    onRequest: requireOfficerSession,
    schema: {
      tags: ['agencies'],
      operationId: 'startTotpEnrolment',
      summary: 'Enrol an authenticator app',
      description:
        'A new TOTP secret (SHA-1, 6 digits, 30 s) as base32 and as an otpauth:// URI, for an `enrol` or `full` ' +
        'session. Nothing is enrolled until a first code confirms it.',
      response: { 200: totpEnrolmentSchema, ...errors },
    },
    handler: async (request) => startTotpEnrolment(writ, sessionOf(request)),
  });

  app.post('/api/v1/authority/totp/confirm', {
    onRequest: requireOfficerSession,
    schema: {
      tags: ['agencies'],
      operationId: 'confirmTotpEnrolment',
      summary: 'Confirm the authenticator app',
      description:
        "The app's first code activates it and makes the session `full`. When it is the officer's first second " +
        'factor, 10 one-time recovery codes are returned: shown this once, stored only hashed.',
      body: totpCodeSchema,
      response: { 200: totpConfirmationSchema, ...errors },
    },
    handler: async (request) => confirmTotpEnrolment(writ, sessionOf(request), request.body.code),
  });

  app.get('/api/v1/authority/officers', {
    schema: {
      tags: ['agencies'],
      operationId: 'listOfficers',
      summary: "The agency's officers",
      description: "Every officer of the signed-in officer's agency (its admin officers only).",
      response: { 200: officerListSchema, ...errors },
    },
    onRequest: requireAgencyAdmin,
    handler: async (request) => ({
      officers: (await writ.officers.listOf(agencyPrincipal(request).agency.id)).map(presentOfficer),
    }),
  });

  app.post('/api/v1/authority/officers', {
    schema: {
      tags: ['agencies'],
      operationId: 'inviteOfficer',
      summary: 'Invite an officer',
      description:
        "An admin officer invites a colleague whose address is on the agency's domain (or a subdomain of it): the " +
        'officer is `invited` and gets a one-use link by mail (WRIT_INVITATION_TTL_HOURS, 72 h by default).',
      body: officerInvitationSchema,
      response: { 201: officerSchema, ...errors },
    },
    onRequest: requireAgencyAdmin,
    handler: async (request, reply) =>
      reply.status(201).send(presentOfficer(await inviteOfficer(writ, agencyPrincipal(request), request.body))),
  });

  app.post('/api/v1/authority/officers/:id/disable', {
    schema: {
      tags: ['agencies'],
      operationId: 'disableOfficer',
      summary: 'Disable an officer',
      description: "An admin officer disables another officer of the agency, which ends that officer's sessions.",
      params: idParam,
      response: { 200: officerSchema, ...errors },
    },
    onRequest: requireAgencyAdmin,
    handler: async (request) => presentOfficer(await disableOfficer(writ, agencyPrincipal(request), request.params.id)),
  });
};
