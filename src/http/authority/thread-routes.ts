/**
 * The thread of an order on the authority's side (issue 10): read it, write to the platform, answer a
 * clarification request, contest a decision, withdraw the order. Another agency's order is not found,
 * like one that does not exist; writing takes an officer (an API key may read).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';
import {
  answerClarification,
  contestDecision,
  postMessage,
  readThread,
  signingOfficer,
  withdrawOrder,
} from '../../app/order-thread.js';
import { idParam, problemSchema } from '../../contracts/common.js';
import {
  authorityThreadSchema,
  clarificationAnswerSchema,
  contestSchema,
  postMessageSchema,
  withdrawalSchema,
} from '../../contracts/order-thread.js';
import { agencyPrincipal, requireAgency } from '../authentication.js';
import { presentAuthorityThread } from '../presenters/order-thread.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const thread = { params: idParam, response: { 201: authorityThreadSchema, ...errors } };

export const orderThreadRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.addHook('onRequest', requireAgency);

  app.get('/api/v1/authority/orders/:id/thread', {
    schema: {
      tags: ['authority-orders'],
      operationId: 'getOrderThread',
      summary: "Read an order's thread",
      description:
        'The conversation with the platform on one of the agency’s orders, oldest message first, with what the order lacks and whether its deadline’s clock stands still.',
      params: idParam,
      response: { 200: authorityThreadSchema, ...errors },
    },
    handler: async (request) =>
      presentAuthorityThread(
        await readThread(writ, request.params.id, { kind: 'agency', agencyId: agencyPrincipal(request).agency.id }),
      ),
  });

  app.post('/api/v1/authority/orders/:id/messages', {
    schema: {
      ...thread,
      tags: ['authority-orders'],
      operationId: 'postOrderMessage',
      summary: 'Write to the platform',
      description:
        'A plain-text message on the order’s thread, signed by the officer; the reviewers see it with the officer’s name.',
      body: postMessageSchema,
    },
    handler: async (request, reply) => {
      const actor = await signingOfficer(writ, agencyPrincipal(request), request.params.id);
      return reply.status(201).send(presentAuthorityThread(await postMessage(writ, request.params.id, actor, request.body.body)));
    },
  });

  app.post('/api/v1/authority/orders/:id/clarification-answer', {
    schema: {
      ...thread,
      tags: ['authority-orders'],
      operationId: 'answerClarification',
      summary: 'Answer a clarification request',
      description:
        'The order goes back in review; where its clock stood still, it runs again and the deadline moves later by the time it stood still. Refused (409) unless the order needs clarification.',
      body: clarificationAnswerSchema,
    },
    handler: async (request, reply) => {
      const actor = await signingOfficer(writ, agencyPrincipal(request), request.params.id);
      const answered = await answerClarification(writ, request.params.id, actor, request.body.body);
      return reply.status(201).send(presentAuthorityThread(answered));
    },
  });

  app.post('/api/v1/authority/orders/:id/contest', {
    schema: {
      ...thread,
      tags: ['authority-orders'],
      operationId: 'contestDecision',
      summary: 'Contest a decision',
      description:
        'Tells the reviewers why the authority disagrees with the decision on a decided or closed order; whether to reopen it is theirs to decide. Refused (409) before a decision.',
      body: contestSchema,
    },
    handler: async (request, reply) => {
      const actor = await signingOfficer(writ, agencyPrincipal(request), request.params.id);
      return reply
        .status(201)
        .send(presentAuthorityThread(await contestDecision(writ, request.params.id, actor, request.body.body)));
    },
  });

  app.post('/api/v1/authority/orders/:id/withdrawal', {
    schema: {
      ...thread,
      tags: ['authority-orders'],
      operationId: 'withdrawOrder',
      summary: 'Withdraw an order',
      description:
        'Takes back an open order, with the reason; it is withdrawn for good and the reviewers see why. Refused (409) once the order is decided, closed or withdrawn.',
      body: withdrawalSchema,
    },
    handler: async (request, reply) => {
      const actor = await signingOfficer(writ, agencyPrincipal(request), request.params.id);
      return reply
        .status(201)
        .send(presentAuthorityThread(await withdrawOrder(writ, request.params.id, actor, request.body.reason)));
    },
  });
};
