/**
 * The platform's pushback as the authority sees it, and its answers (issue 12): the contests and
 * court challenges on one of the agency's orders, never naming a person of the platform; an officer
 * (or the agency's system with an API key) answers. Another agency's order is not found.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';
import { answerPushback, listAgencyPushbacks } from '../../app/pushbacks.js';
import { idParam, problemSchema } from '../../contracts/common.js';
import { authorityAnswerSchema, authorityPushbacksSchema, pushbackParams } from '../../contracts/pushbacks.js';
import { agencyPrincipal, requireAgency } from '../authentication.js';
import { presentAuthorityPushbacks } from '../presenters/pushbacks.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export const authorityPushbackRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.addHook('onRequest', requireAgency);

  app.get('/api/v1/authority/orders/:id/pushbacks', {
    schema: {
      tags: ['authority-orders'],
      operationId: 'listOrderPushbacks',
      summary: "Read the platform's pushback on an order",
      description:
        'The platform’s contests and court challenges of one of the agency’s orders, oldest first: the legal argument, the court and case number, the outcome, and every answer given.',
      params: idParam,
      response: { 200: authorityPushbacksSchema, ...errors },
    },
    handler: async (request) =>
      presentAuthorityPushbacks(await listAgencyPushbacks(writ, request.params.id, agencyPrincipal(request))),
  });

  app.post('/api/v1/authority/orders/:id/pushbacks/:pushbackId/answers', {
    schema: {
      tags: ['authority-orders'],
      operationId: 'answerOrderPushback',
      summary: "Answer the platform's pushback",
      description:
        'The authority’s answer to a contest or court challenge of its order, in plain text, signed by the officer (or by the agency’s system when sent with an API key). The platform’s staff see it on the order.',
      params: pushbackParams,
      body: authorityAnswerSchema,
      response: { 201: authorityPushbacksSchema, ...errors },
    },
    handler: async (request, reply) => {
      const { id, pushbackId } = request.params;
      const list = await answerPushback(writ, id, pushbackId, agencyPrincipal(request), request.body.body);
      return reply.status(201).send(presentAuthorityPushbacks(list));
    },
  });
};
