/** The reviewers' API: record orders, list and read them, decide items, move a request along. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { receiveRequest } from '../../domain/intake.js';
import { requireUser, signedInUser } from '../authentication.js';
import { presentDetail, presentSummary } from '../presenters.js';
import {
  decisionInputSchema,
  idParam,
  itemParams,
  newRequestSchema,
  problemSchema,
  requestDetailSchema,
  requestListQuery,
  requestListSchema,
  statusChangeSchema,
} from '../schemas.js';
import type { Services } from '../services.js';

const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema, 409: problemSchema };

export const requestRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.addHook('onRequest', requireUser);

  app.post('/api/v1/requests', {
    schema: {
      tags: ['requests'],
      summary: 'Record an order with its items',
      body: newRequestSchema,
      response: { 201: requestDetailSchema, ...errors },
    },
    handler: async (request, reply) => {
      const body = request.body;
      const created = await receiveRequest(
        {
          ...body,
          receivedAt: body.receivedAt ? new Date(body.receivedAt) : services.now(),
          authorityReference: body.authorityReference ?? null,
        },
        signedInUser(request),
        { now: services.now, store: services.requests.create },
      );
      return reply.status(201).header('location', `/api/v1/requests/${created.id}`).send(presentDetail(created));
    },
  });

  app.get('/api/v1/requests', {
    schema: {
      tags: ['requests'],
      summary: 'List requests, soonest deadline first',
      querystring: requestListQuery,
      response: { 200: requestListSchema, ...errors },
    },
    handler: async (request) => {
      const q = request.query;
      const { requests, total } = await services.requests.list({
        ...q,
        dueBefore: q.dueBefore ? new Date(q.dueBefore) : undefined,
      });
      return { requests: requests.map(presentSummary), total };
    },
  });

  app.get('/api/v1/requests/:id', {
    schema: {
      tags: ['requests'],
      summary: 'A request with its items, decisions and history',
      params: idParam,
      response: { 200: requestDetailSchema, ...errors },
    },
    handler: async (request) => presentDetail(await services.requests.get(request.params.id)),
  });

  app.put('/api/v1/requests/:id/items/:itemId/decision', {
    schema: {
      tags: ['requests'],
      summary: "Decide an item (or change its decision); the request's status follows",
      params: itemParams,
      body: decisionInputSchema,
      response: { 200: requestDetailSchema, ...errors },
    },
    handler: async (request) =>
      presentDetail(
        await services.requests.decideItem(request.params.id, request.params.itemId, request.body, signedInUser(request)),
      ),
  });

  app.post('/api/v1/requests/:id/status', {
    schema: {
      tags: ['requests'],
      summary: "Change a request's status (e.g. needs_clarification, withdrawn, closed)",
      params: idParam,
      body: statusChangeSchema,
      response: { 200: requestDetailSchema, ...errors },
    },
    handler: async (request) =>
      presentDetail(
        await services.requests.changeStatus(
          request.params.id,
          request.body.status,
          request.body.note ?? null,
          signedInUser(request),
        ),
      ),
  });
};
