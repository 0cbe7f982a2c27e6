/**
 * Pushback on an order (issue 12), the staff's side: legal staff contest an order or challenge it in
 * court, record the outcome and the authority's answers that came by letter; every role reads them.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';
import { filePushback, listPushbacks, recordPushbackAnswer, recordPushbackOutcome } from '../../app/pushbacks.js';
import { idParam, problemSchema } from '../../contracts/common.js';
import {
  newPushbackSchema,
  pushbackOutcomeSchema,
  pushbackParams,
  recordedAnswerSchema,
  reviewPushbacksSchema,
} from '../../contracts/pushbacks.js';
import { requireUser, signedInUser } from '../authentication.js';
import { presentReviewPushbacks } from '../presenters/pushbacks.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export const pushbackRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.addHook('onRequest', requireUser);

  app.get('/api/v1/requests/:id/pushbacks', {
    config: { permission: 'orders.read' },
    schema: {
      tags: ['requests'],
      operationId: 'listRequestPushbacks',
      summary: "List an order's pushbacks",
      description:
        'The contests and court challenges of the order, oldest first, each with its legal argument, court and case number, outcome and the authority’s answers.',
      params: idParam,
      response: { 200: reviewPushbacksSchema, ...errors },
    },
    handler: async (request) => presentReviewPushbacks(await listPushbacks(writ, request.params.id)),
  });

  app.post('/api/v1/requests/:id/pushbacks', {
    config: { permission: 'pushback.manage' },
    schema: {
      tags: ['requests'],
      operationId: 'fileRequestPushback',
      summary: 'Contest an order or challenge it in court',
      description:
        'Records a contest with the authority or a court challenge (which names its court and case number), with the legal argument as sent. Possible on any order but a withdrawn one (409). A channel order’s agency is told by mail and an `order.pushback` webhook event.',
      params: idParam,
      body: newPushbackSchema,
      response: { 201: reviewPushbacksSchema, ...errors },
    },
    handler: async (request, reply) => {
      const body = request.body;
      const list = await filePushback(writ, request.params.id, signedInUser(request), {
        ...body,
        filedAt: body.filedAt ? new Date(body.filedAt) : null,
      });
      return reply.status(201).send(presentReviewPushbacks(list));
    },
  });

  app.post('/api/v1/requests/:id/pushbacks/:pushbackId/outcome', {
    config: { permission: 'pushback.manage' },
    schema: {
      tags: ['requests'],
      operationId: 'recordPushbackOutcome',
      summary: 'Record the outcome of a pushback',
      description:
        'What became of a contest or court challenge. Once recorded an outcome is final: a different outcome later is a correction and needs a note saying why (409 without one); the history keeps the outcome it replaced. A channel order’s agency is told by mail and webhook.',
      params: pushbackParams,
      body: pushbackOutcomeSchema,
      response: { 201: reviewPushbacksSchema, ...errors },
    },
    handler: async (request, reply) => {
      const { id, pushbackId } = request.params;
      const list = await recordPushbackOutcome(writ, id, pushbackId, signedInUser(request), request.body);
      return reply.status(201).send(presentReviewPushbacks(list));
    },
  });

  app.post('/api/v1/requests/:id/pushbacks/:pushbackId/answers', {
    config: { permission: 'pushback.manage' },
    schema: {
      tags: ['requests'],
      operationId: 'recordPushbackAnswer',
      summary: 'Record an answer of the authority received by letter',
      description:
        'An answer of the authority to a pushback that did not come through the portal, with when it was received (not in the future).',
      params: pushbackParams,
      body: recordedAnswerSchema,
      response: { 201: reviewPushbacksSchema, ...errors },
    },
    handler: async (request, reply) => {
      const { id, pushbackId } = request.params;
      const list = await recordPushbackAnswer(writ, id, pushbackId, signedInUser(request), {
        body: request.body.body,
        receivedAt: new Date(request.body.receivedAt),
      });
      return reply.status(201).send(presentReviewPushbacks(list));
    },
  });
};
