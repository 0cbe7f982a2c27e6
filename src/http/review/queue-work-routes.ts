/** Queue work: claim and release an order, assign it, bulk decisions recorded item by item (issue 12). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';
import { assignOrder, bulkDecide, claimOrder, previewBulkDecision, releaseOrder } from '../../app/queue-work.js';
import { idParam, problemSchema } from '../../contracts/common.js';
import {
  assigneeChangeSchema,
  bulkDecisionSchema,
  bulkPreviewSchema,
  bulkResultSchema,
  bulkSelectionSchema,
} from '../../contracts/queue-work.js';
import { requestDetailSchema } from '../../contracts/requests.js';
import { requireUser, signedInUser } from '../authentication.js';
import { presentBulkPreview, presentBulkResult } from '../presenters/queue-work.js';
import { presentContext, presentDetail } from '../presenters/requests.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export const queueWorkRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.addHook('onRequest', requireUser);

  app.post('/api/v1/requests/:id/claim', {
    config: { permission: 'orders.claim' },
    schema: {
      tags: ['requests'],
      operationId: 'claimRequest',
      summary: 'Claim an order',
      description:
        'The signed-in account becomes the order’s assignee (an order_claimed event). An order someone else holds is refused with 409 conflict naming who holds it; claiming one’s own claim again changes nothing.',
      params: idParam,
      response: { 200: requestDetailSchema, ...errors },
    },
    handler: async (request) =>
      presentDetail(await claimOrder(writ, request.params.id, signedInUser(request)), presentContext(writ)),
  });

  app.post('/api/v1/requests/:id/release', {
    config: { permission: 'orders.claim' },
    schema: {
      tags: ['requests'],
      operationId: 'releaseRequest',
      summary: 'Release an order',
      description:
        'The assignee gives the order back to the queue (an order_released event). Only the assignee releases their own claim (403 otherwise); an unclaimed order is 409.',
      params: idParam,
      response: { 200: requestDetailSchema, ...errors },
    },
    handler: async (request) =>
      presentDetail(await releaseOrder(writ, request.params.id, signedInUser(request)), presentContext(writ)),
  });

  app.put('/api/v1/requests/:id/assignee', {
    config: { permission: 'orders.manage' },
    schema: {
      tags: ['requests'],
      operationId: 'assignRequest',
      summary: 'Assign an order',
      description:
        'Gives the order to an account whose role may claim orders, or to nobody (userId null), with an order_assigned event holding the assignee before and after. An account that may not hold orders, or is disabled, is refused on the field userId.',
      params: idParam,
      body: assigneeChangeSchema,
      response: { 200: requestDetailSchema, ...errors },
    },
    handler: async (request) =>
      presentDetail(
        await assignOrder(
          writ,
          request.params.id,
          { userId: request.body.userId, note: request.body.note ?? null },
          signedInUser(request),
        ),
        presentContext(writ),
      ),
  });

  app.post('/api/v1/requests/:id/items/bulk-decision/preview', {
    config: { permission: 'items.decide' },
    schema: {
      tags: ['requests'],
      operationId: 'previewBulkDecision',
      summary: 'Preview a bulk decision',
      description: 'The order’s items whose target matches the pattern (the undecided ones only, by default), deciding nothing.',
      params: idParam,
      body: bulkSelectionSchema,
      response: { 200: bulkPreviewSchema, ...errors },
    },
    handler: async (request) => presentBulkPreview(await previewBulkDecision(writ, request.params.id, request.body)),
  });

  app.post('/api/v1/requests/:id/items/bulk-decision', {
    config: { permission: 'items.decide' },
    schema: {
      tags: ['requests'],
      operationId: 'bulkDecideItems',
      summary: 'Decide many items at once',
      description:
        'Applies one decision (outcome, reason, scope, rationale) to every item whose target matches the glob, item by item through the same rules as a single decision: each item gets its own decision and item_decided event. ' +
        'An item refused (e.g. 409 review_stage_required for a sensitive item) is reported with its problem and does not stop the others. ' +
        'No match, or more than 1,000, is 400 on the field targetPattern.',
      params: idParam,
      body: bulkDecisionSchema,
      response: { 200: bulkResultSchema, ...errors },
    },
    handler: async (request) => {
      const { targetPattern, onlyUndecided, publicSummary, ...decision } = request.body;
      const results = await bulkDecide(
        writ,
        request.params.id,
        { targetPattern, onlyUndecided, decision: { ...decision, ...(publicSummary ? { publicSummary } : {}) } },
        signedInUser(request),
      );
      return presentBulkResult(results);
    },
  });
};
