/** A deadline computed without storing anything, for reviewers recording an order (the intake form). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';
import { previewDeadline } from '../../app/regimes.js';
import { problemSchema } from '../../contracts/common.js';
import { deadlineQuerySchema, deadlineResultSchema, regimeIdParam } from '../../contracts/regimes.js';
import { requireUser } from '../authentication.js';
import { presentDeadline } from '../presenters/regimes.js';

const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema };

export const deadlinePreviewRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.addHook('onRequest', requireUser);

  app.get('/api/v1/regimes/:id/deadline', {
    config: { permission: 'orders.read' },
    schema: {
      tags: ['regimes'],
      operationId: 'computeDeadline',
      summary: 'Compute a deadline',
      description:
        'The deadline an order of this kind and category, received at the given instant, would get under this regime; nothing is stored.',
      params: regimeIdParam,
      querystring: deadlineQuerySchema,
      response: { 200: deadlineResultSchema, ...errors },
    },
    handler: async (request) => {
      const q = request.query;
      return presentDeadline(
        previewDeadline(writ, {
          regimeId: request.params.id,
          kind: q.kind,
          category: q.category ?? '',
          receivedAt: new Date(q.receivedAt),
          periodSetInOrderHours: q.periodSetInOrderHours ?? null,
        }),
      );
    },
  });
};
