/** The reviewers' API: record orders, list and read them, decide items, move a request along. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
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
import type { RequestDetailView } from '../../db/requests-repository.js';
import { deadlineFor, reviewDeadline } from '../../domain/deadline.js';
import { checkRegimeFitsAuthority, receiveRequest } from '../../domain/intake.js';
import { requireUser, signedInUser } from '../authentication.js';
import { presentDetail, presentSummary } from '../presenters.js';
import type { Services } from '../services.js';

const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema, 409: problemSchema };

export const requestRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.addHook('onRequest', requireUser);
  const ctx = () => ({ now: services.now(), dueSoonShare: services.config.dueSoonShare });

  const detail = (r: RequestDetailView) =>
    presentDetail(r, ctx(), reviewDeadline(r, services.rules, services.config.policyTargets));

  app.post('/api/v1/requests', {
    schema: {
      tags: ['requests'],
      summary: 'Record an order with its items',
      body: newRequestSchema,
      response: { 201: requestDetailSchema, ...errors },
    },
    handler: async (request, reply) => {
      const { regime, category, periodSetInOrderHours, ...body } = request.body;
      const created = await receiveRequest(
        {
          ...body,
          receivedAt: body.receivedAt ? new Date(body.receivedAt) : services.now(),
          authorityReference: body.authorityReference ?? null,
          regimeId: regime ?? null,
          category: category ?? null,
          periodSetInOrderHours: periodSetInOrderHours ?? null,
        },
        signedInUser(request),
        {
          now: services.now,
          rules: services.rules,
          policy: services.config.policyTargets,
          store: services.requests.create,
          authorityCountry: async (id) => (await services.authorities.find(id))?.country,
        },
      );
      return reply.status(201).header('location', `/api/v1/requests/${created.id}`).send(detail(created));
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
      const c = ctx();
      return { requests: requests.map((r) => presentSummary(r, c)), total };
    },
  });

  app.get('/api/v1/requests/:id', {
    schema: {
      tags: ['requests'],
      summary: 'A request with its items, decisions and history',
      params: idParam,
      response: { 200: requestDetailSchema, ...errors },
    },
    handler: async (request) => detail(await services.requests.get(request.params.id)),
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
      detail(await services.requests.decideItem(request.params.id, request.params.itemId, request.body, signedInUser(request))),
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
      detail(
        await services.requests.changeStatus(
          request.params.id,
          request.body.status,
          request.body.note ?? null,
          signedInUser(request),
        ),
      ),
  });

  app.post('/api/v1/requests/:id/deadline/recompute', {
    schema: {
      tags: ['requests'],
      summary: "Recompute an open request's deadline with the current rule packs (audited; the reason is required)",
      description:
        'A later change of a rule pack never moves a stored deadline by itself. This explicit action applies the current packs, ' +
        'optionally with a corrected regime, category or period, and records a deadline_recomputed event with before and after.',
      params: idParam,
      body: recomputeDeadlineSchema,
      response: { 200: requestDetailSchema, ...errors },
    },
    handler: async (request) => {
      const b = request.body;
      return detail(
        await services.requests.recomputeDeadline(
          request.params.id,
          (current) => {
            const regimeId = b.regime === undefined ? current.regimeId : b.regime;
            if (regimeId) checkRegimeFitsAuthority(services.rules, regimeId, current.authority.country);
            return deadlineFor(
              {
                kind: current.kind,
                receivedAt: current.receivedAt,
                regimeId,
                category: b.category === undefined ? current.category : b.category,
                periodSetInOrderHours:
                  b.periodSetInOrderHours === undefined ? current.periodSetInOrderHours : b.periodSetInOrderHours,
              },
              services.rules,
              services.config.policyTargets,
            );
          },
          b.note,
          signedInUser(request),
        ),
      );
    },
  });
};
