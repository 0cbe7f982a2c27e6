/** The reviewers' API: record orders, list and read them, decide items, move a request along. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';
import { changeStatus, decideItem } from '../../app/decisions.js';
import { orderFromBody } from '../../app/intake.js';
import { type ReviewedRequest, readRequest, receiveOrder, recomputeDeadline } from '../../app/requests.js';
import { idParam, problemSchema } from '../../contracts/common.js';
import {
  decisionInputSchema,
  itemParams,
  newRequestSchema,
  recomputeDeadlineSchema,
  requestDetailSchema,
  requestListQuery,
  requestListSchema,
  statusChangeSchema,
} from '../../contracts/requests.js';
import { requireUser, signedInUser } from '../authentication.js';
import { presentContext, presentDetail, presentSummary } from '../presenters/requests.js';

const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema, 409: problemSchema };

export const requestRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.addHook('onRequest', requireUser);
  const ctx = () => presentContext(writ);
  const detail = (r: ReviewedRequest) => presentDetail(r, ctx());

  app.post('/api/v1/requests', {
    config: { permission: 'orders.record' },
    schema: {
      tags: ['requests'],
      operationId: 'recordRequest',
      summary: 'Record an order',
      description:
        'An order with its items. Its deadline is computed once, under the rule pack version in force at receipt, and stored with it.',
      body: newRequestSchema,
      response: { 201: requestDetailSchema, ...errors },
    },
    handler: async (request, reply) => {
      const created = await receiveOrder(writ, orderFromBody(request.body), signedInUser(request));
      return reply.status(201).header('location', `/api/v1/requests/${created.request.id}`).send(detail(created));
    },
  });

  app.get('/api/v1/requests', {
    config: { permission: 'orders.read' },
    schema: {
      tags: ['requests'],
      operationId: 'listRequests',
      summary: 'List requests',
      description:
        'The requests that match the filters, soonest deadline first, a page at a time, with their total. The total is counted up to 1,000 requests past the page’s start; beyond that `totalIsLowerBound` is true: more than `total` requests match.',
      querystring: requestListQuery,
      response: { 200: requestListSchema, ...errors },
    },
    handler: async (request) => {
      const q = request.query;
      const { requests, total, totalIsLowerBound } = await writ.queue.list({
        ...q,
        dueBefore: q.dueBefore ? new Date(q.dueBefore) : undefined,
        assignee: q.assignee === 'me' ? signedInUser(request).id : q.assignee,
      });
      const c = ctx();
      return { requests: requests.map((r) => presentSummary(r, c)), total, totalIsLowerBound };
    },
  });

  app.get('/api/v1/requests/:id', {
    config: { permission: 'orders.read' },
    schema: {
      tags: ['requests'],
      operationId: 'getRequest',
      summary: 'Read a request',
      description: 'A request with its items, decisions, deadline, SLA state and history.',
      params: idParam,
      response: { 200: requestDetailSchema, ...errors },
    },
    handler: async (request) => detail(await readRequest(writ, request.params.id)),
  });

  app.put('/api/v1/requests/:id/items/:itemId/decision', {
    config: { permission: 'items.decide' },
    schema: {
      tags: ['requests'],
      operationId: 'decideItem',
      summary: 'Decide an item',
      description: "Decides an item or changes its decision (recorded with before and after); the request's status follows.",
      params: itemParams,
      body: decisionInputSchema,
      response: { 200: requestDetailSchema, ...errors },
    },
    handler: async (request) =>
      detail(
        await decideItem(
          writ,
          { requestId: request.params.id, itemId: request.params.itemId },
          request.body,
          signedInUser(request),
        ),
      ),
  });

  app.post('/api/v1/requests/:id/status', {
    config: { permission: 'orders.manage' },
    schema: {
      tags: ['requests'],
      operationId: 'changeRequestStatus',
      summary: "Change a request's status",
      description:
        'Moves a request along its lifecycle (e.g. needs_clarification, withdrawn, closed); a move the lifecycle does not allow is refused.',
      params: idParam,
      body: statusChangeSchema,
      response: { 200: requestDetailSchema, ...errors },
    },
    handler: async (request) =>
      detail(
        await changeStatus(
          writ,
          request.params.id,
          { status: request.body.status, note: request.body.note ?? null },
          signedInUser(request),
        ),
      ),
  });

  app.post('/api/v1/requests/:id/deadline/recompute', {
    config: { permission: 'orders.manage' },
    schema: {
      tags: ['requests'],
      operationId: 'recomputeDeadline',
      summary: 'Recompute a deadline',
      description:
        "Recomputes an open request's deadline with the current rule packs (audited; the reason is required). " +
        'A later change of a rule pack never moves a stored deadline by itself. This explicit action applies the current packs, ' +
        'optionally with a corrected regime, category or period, and records a deadline_recomputed event with before and after.',
      params: idParam,
      body: recomputeDeadlineSchema,
      response: { 200: requestDetailSchema, ...errors },
    },
    handler: async (request) => {
      const { regime, ...change } = request.body;
      return detail(await recomputeDeadline(writ, request.params.id, { ...change, regimeId: regime }, signedInUser(request)));
    },
  });
};
