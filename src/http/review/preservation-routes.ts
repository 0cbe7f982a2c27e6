/** Preservation holds (issue 11): extend, release, and link the legal process that arrived. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';
import { extendHold, linkLegalProcess, releaseHold } from '../../app/preservation.js';
import { problemSchema } from '../../contracts/common.js';
import { accountParams, holdLegalProcessSchema, holdNoteSchema } from '../../contracts/data-requests.js';
import { requestDetailSchema } from '../../contracts/requests.js';
import { requireUser, signedInUser } from '../authentication.js';
import { presentContext, presentDetail } from '../presenters/requests.js';

const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema, 409: problemSchema };

export const preservationRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.addHook('onRequest', requireUser);
  const ctx = () => presentContext(writ);

  app.post('/api/v1/requests/:id/accounts/:accountId/hold/extend', {
    config: { permission: 'data.manage' },
    schema: {
      tags: ['requests'],
      operationId: 'extendPreservationHold',
      summary: "Extend an account's preservation hold",
      description:
        'Adds WRIT_PRESERVATION_EXTENSION_DAYS to the expiry, at most WRIT_PRESERVATION_EXTENSIONS times (409 after that, or once released); a reminder is sent again before the new expiry.',
      params: accountParams,
      body: holdNoteSchema,
      response: { 200: requestDetailSchema, ...errors },
    },
    handler: async (request) => {
      const { id, accountId } = request.params;
      return presentDetail(await extendHold(writ, id, accountId, request.body.note, signedInUser(request)), ctx());
    },
  });

  app.post('/api/v1/requests/:id/accounts/:accountId/hold/release', {
    config: { permission: 'data.manage' },
    schema: {
      tags: ['requests'],
      operationId: 'releasePreservationHold',
      summary: "Release an account's preservation hold",
      description: 'The preserved data is released now (409 once released), with the reason recorded in the history.',
      params: accountParams,
      body: holdNoteSchema,
      response: { 200: requestDetailSchema, ...errors },
    },
    handler: async (request) => {
      const { id, accountId } = request.params;
      return presentDetail(await releaseHold(writ, id, accountId, request.body.note, signedInUser(request)), ctx());
    },
  });

  app.post('/api/v1/requests/:id/accounts/:accountId/hold/legal-process', {
    config: { permission: 'data.manage' },
    schema: {
      tags: ['requests'],
      operationId: 'linkPreservationLegalProcess',
      summary: 'Link the legal process that arrived for a preserved account',
      description:
        'The user-data or emergency-disclosure order, from an authority of the same country, that arrived for the account (by its Writ reference; 400 on `reference` otherwise): the hold is then not released at its expiry.',
      params: accountParams,
      body: holdLegalProcessSchema,
      response: { 200: requestDetailSchema, ...errors },
    },
    handler: async (request) => {
      const { id, accountId } = request.params;
      return presentDetail(await linkLegalProcess(writ, id, accountId, request.body.reference, signedInUser(request)), ctx());
    },
  });
};
