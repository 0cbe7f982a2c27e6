/**
 * Issue 13 — the reviewers' publications: a decided order's draft (redactions proposed and chosen,
 * a preview of its public record), its choices, approval, correction and withdrawal, and the list
 * by status. The sweep publishes approved records once their delay has passed (src/jobs/publishing.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';
import {
  approvePublication,
  correctPublication,
  listPublications,
  preparePublication,
  savePublicationChoices,
  withdrawPublication,
} from '../../app/publications.js';
import { idParam, problemSchema } from '../../contracts/common.js';
import {
  correctionSchema,
  publicationChoicesSchema,
  publicationListQuery,
  publicationListSchema,
  publicationSchema,
  withdrawalSchema,
} from '../../contracts/publications.js';
import { requireUser, signedInUser } from '../authentication.js';
import { presentPublication, presentPublicationList } from '../presenters/publications.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export const publicationRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.addHook('onRequest', requireUser);

  app.get('/api/v1/requests/:id/publication', {
    config: { permission: 'publications.prepare' },
    schema: {
      tags: ['publications'],
      operationId: 'getRequestPublication',
      summary: "Prepare an order's public record",
      description:
        'The order’s publication, made as a draft on first read with every proposed redaction chosen: each redactable field’s original text with the proposed and chosen spans, the marked names, whether it concerns a child, its status, and a preview of the public record rendered from the current choices.',
      params: idParam,
      response: { 200: publicationSchema, ...errors },
    },
    handler: async (request) => presentPublication(await preparePublication(writ, signedInUser(request), request.params.id)),
  });

  app.put('/api/v1/requests/:id/publication', {
    config: { permission: 'publications.prepare' },
    schema: {
      tags: ['publications'],
      operationId: 'saveRequestPublication',
      summary: "Choose a public record's redactions",
      description:
        'Saves the spans to redact (each within its field’s text, none overlapping another of the same field: 400 naming the span), the marked names and the child flag. An approved publication goes back to draft; a withdrawn one is final (409).',
      params: idParam,
      body: publicationChoicesSchema,
      response: { 200: publicationSchema, ...errors },
    },
    handler: async (request) =>
      presentPublication(await savePublicationChoices(writ, signedInUser(request), request.params.id, request.body)),
  });

  app.post('/api/v1/requests/:id/publication/approve', {
    config: { permission: 'publications.approve' },
    schema: {
      tags: ['publications'],
      operationId: 'approveRequestPublication',
      summary: 'Approve a public record for publication',
      description:
        'Approves the draft: the record is published at the first sweep after the configured delay, and not while a non-disclosure order runs. 409 publication_not_ready while the order or any of its items is undecided; 409 invalid_transition once approved, published or withdrawn.',
      params: idParam,
      response: { 200: publicationSchema, ...errors },
    },
    handler: async (request) => presentPublication(await approvePublication(writ, signedInUser(request), request.params.id)),
  });

  app.post('/api/v1/requests/:id/publication/correct', {
    config: { permission: 'publications.approve' },
    schema: {
      tags: ['publications'],
      operationId: 'correctRequestPublication',
      summary: 'Correct a published record',
      description:
        'Publishes the next version of the record from the current choices, with the public note; the earlier version stays in the transparency log. Only a published record (409 otherwise).',
      params: idParam,
      body: correctionSchema,
      response: { 200: publicationSchema, ...errors },
    },
    handler: async (request) =>
      presentPublication(await correctPublication(writ, signedInUser(request), request.params.id, request.body)),
  });

  app.post('/api/v1/requests/:id/publication/withdraw', {
    config: { permission: 'publications.withdraw' },
    schema: {
      tags: ['publications'],
      operationId: 'withdrawRequestPublication',
      summary: 'Withdraw a public record',
      description:
        'Withdraws a published record with a public reason: its URL shows a tombstone, logged as the next version. An approved record not yet published is withdrawn without one. A draft or a withdrawn one: 409.',
      params: idParam,
      body: withdrawalSchema,
      response: { 200: publicationSchema, ...errors },
    },
    handler: async (request) =>
      presentPublication(await withdrawPublication(writ, signedInUser(request), request.params.id, request.body)),
  });

  app.get('/api/v1/publications', {
    config: { permission: 'publications.prepare' },
    schema: {
      tags: ['publications'],
      operationId: 'listPublications',
      summary: 'List publications',
      description: 'Publications by status (all when none is given), most recently changed first.',
      querystring: publicationListQuery,
      response: { 200: publicationListSchema, ...errors },
    },
    handler: async (request) =>
      presentPublicationList(await listPublications(writ, signedInUser(request), { status: request.query.status ?? null })),
  });
};
