/**
 * Officers enrol and use passkeys (WebAuthn) (issue 10): options for the browser, then its
 * authenticator's answer; an officer's own list of passkeys, and removing one.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Writ } from '../../app/context.js';
import { officerSession } from '../../app/officers.js';
import {
  authenticateWithPasskey,
  authenticationOptions,
  listPasskeys,
  registerPasskey,
  registrationOptions,
  removePasskey,
} from '../../app/passkeys.js';
import { officerSessionSchema } from '../../contracts/agencies.js';
import { problemSchema } from '../../contracts/common.js';
import {
  authenticationOptionsSchema,
  passkeyAuthenticationSchema,
  passkeyEnrolledSchema,
  passkeyIdParam,
  passkeyListSchema,
  passkeyRegistrationSchema,
  registrationOptionsSchema,
} from '../../contracts/passkeys.js';
import { requireAgency, requireOfficerSession } from '../authentication.js';
import { presentPasskey } from '../presenters/passkeys.js';

const refusals = { 400: problemSchema, 401: problemSchema, 409: problemSchema, 423: problemSchema };
const stages = 'Needs an officer session (cookie `writ_officer` or Bearer `writ_os_…`); an API key is refused.';

export const passkeyRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  const session = (request: { agencyPrincipal: Parameters<typeof officerSession>[0]; officerToken: string | null }) =>
    officerSession(request.agencyPrincipal, request.officerToken);

  app.post('/api/v1/authority/passkeys/registration-options', {
    onRequest: requireOfficerSession,
    schema: {
      tags: ['agencies'],
      operationId: 'passkeyRegistrationOptions',
      summary: 'Start enrolling a passkey',
      description: `Options for navigator.credentials.create(), with a new challenge kept on the session until answered. While enrolling a first second factor or fully signed in. ${stages}`,
      response: { 200: registrationOptionsSchema, ...refusals },
    },
    handler: async (request) => registrationOptions(writ, session(request)),
  });

  app.post('/api/v1/authority/passkeys', {
    onRequest: requireOfficerSession,
    schema: {
      tags: ['agencies'],
      operationId: 'registerPasskey',
      summary: 'Enrol a passkey',
      description: `Verifies the authenticator's answer to this session's registration challenge (taken once) and stores the passkey. The officer's first second factor ends the enrolment: the session becomes fully signed in and the recovery codes are returned, once. ${stages}`,
      body: passkeyRegistrationSchema,
      response: { 201: passkeyEnrolledSchema, ...refusals },
    },
    handler: async (request, reply) => {
      const enrolled = await registerPasskey(writ, session(request), request.body.response);
      return reply.status(201).send({ ...enrolled, passkey: presentPasskey(enrolled.passkey) });
    },
  });

  app.post('/api/v1/authority/passkeys/authentication-options', {
    onRequest: requireOfficerSession,
    schema: {
      tags: ['agencies'],
      operationId: 'passkeyAuthenticationOptions',
      summary: 'Start confirming a sign-in with a passkey',
      description: `Options for navigator.credentials.get() listing the officer's passkeys, with a new challenge kept on the session until answered. After the password only; 423 while the account is locked. ${stages}`,
      response: { 200: authenticationOptionsSchema, ...refusals },
    },
    handler: async (request) => authenticationOptions(writ, session(request)),
  });

  app.post('/api/v1/authority/passkeys/authentication', {
    onRequest: requireOfficerSession,
    schema: {
      tags: ['agencies'],
      operationId: 'authenticateWithPasskey',
      summary: 'Confirm a sign-in with a passkey',
      description: `Verifies the answer against this session's challenge (taken once), the officer's passkey and its signature counter; the session becomes fully signed in. A failure counts toward the account's lock-out like a wrong password. ${stages}`,
      body: passkeyAuthenticationSchema,
      response: { 200: officerSessionSchema, ...refusals },
    },
    handler: async (request) => authenticateWithPasskey(writ, session(request), request.body.response),
  });

  app.get('/api/v1/authority/passkeys', {
    schema: {
      tags: ['agencies'],
      operationId: 'listPasskeys',
      summary: 'My passkeys',
      description: `The signed-in officer's own passkeys. ${stages}`,
      response: { 200: passkeyListSchema, 401: problemSchema, 403: problemSchema },
    },
    onRequest: requireAgency,
    handler: async (request) => ({ passkeys: (await listPasskeys(writ, session(request))).map(presentPasskey) }),
  });

  app.delete('/api/v1/authority/passkeys/:id', {
    schema: {
      tags: ['agencies'],
      operationId: 'removePasskey',
      summary: 'Remove one of my passkeys',
      description: `Removes one of the signed-in officer's own passkeys (404 for any other); refused (409) when it is the officer's last second factor. ${stages}`,
      params: passkeyIdParam,
      response: { 204: z.null(), 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema },
    },
    onRequest: requireAgency,
    handler: async (request, reply) => {
      await removePasskey(writ, session(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
};
