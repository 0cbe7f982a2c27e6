/** Reviewers' side of an order's thread: read it, write to the authority, ask for a clarification (issue 10). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';
import { postMessage, readThread, requestClarification } from '../../app/order-thread.js';
import { idParam, problemSchema } from '../../contracts/common.js';
import { clarificationRequestSchema, postMessageSchema, reviewThreadSchema } from '../../contracts/order-thread.js';
import { requireUser, signedInUser } from '../authentication.js';
import { presentReviewThread } from '../presenters/order-thread.js';

const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema, 409: problemSchema };

export const reviewThreadRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.addHook('onRequest', requireUser);

  app.get('/api/v1/requests/:id/thread', {
    config: { permission: 'orders.read' },
    schema: {
      tags: ['requests'],
      operationId: 'getRequestThread',
      summary: "Read an order's thread",
      description:
        'The conversation with the authority, oldest message first (messages, clarification requested and answered, contests, withdrawal), with what the order lacks and whether its clock stands still.',
      params: idParam,
      response: { 200: reviewThreadSchema, ...errors },
    },
    handler: async (request) => presentReviewThread(await readThread(writ, request.params.id, { kind: 'reviewer' })),
  });

  app.post('/api/v1/requests/:id/messages', {
    config: { permission: 'orders.manage' },
    schema: {
      tags: ['requests'],
      operationId: 'postRequestMessage',
      summary: 'Write to the authority',
      description:
        'A plain-text message on the order’s thread. The authority sees it as from the platform, without the reviewer’s name, and is told by mail and webhook.',
      params: idParam,
      body: postMessageSchema,
      response: { 201: reviewThreadSchema, ...errors },
    },
    handler: async (request, reply) => {
      const user = signedInUser(request);
      const thread = await postMessage(writ, request.params.id, { kind: 'user', id: user.id }, request.body.body);
      return reply.status(201).send(presentReviewThread(thread));
    },
  });

  app.post('/api/v1/requests/:id/clarification-request', {
    config: { permission: 'orders.manage' },
    schema: {
      tags: ['requests'],
      operationId: 'requestClarification',
      summary: 'Ask the authority to clarify an order',
      description:
        'The order moves to needs_clarification with the elements it lacks; its deadline’s clock stands still where the regime (or, where the law is silent, the platform’s setting) says so. The authority is told by mail and webhook. Refused (409) unless the order is received or in review.',
      params: idParam,
      body: clarificationRequestSchema,
      response: { 201: reviewThreadSchema, ...errors },
    },
    handler: async (request, reply) => {
      const thread = await requestClarification(writ, request.params.id, signedInUser(request), request.body);
      return reply.status(201).send(presentReviewThread(thread));
    },
  });
};
