/**
 * The rule packs over HTTP: the regimes Writ knows, one pack in full, and a deadline computed
 * without storing anything (for the intake form).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';
import { listRegimes, previewDeadline, regime } from '../../app/regimes.js';
import { problemSchema } from '../../contracts/common.js';
import {
  deadlineQuerySchema,
  deadlineResultSchema,
  regimeIdParam,
  regimeListQuery,
  regimeListSchema,
} from '../../contracts/regimes.js';
import { regimePackSchema } from '../../domain/regimes/pack.js';
import { requireUser } from '../authentication.js';
import { presentDeadline, presentRegimeSummary } from '../presenters/regimes.js';

const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema };

export const regimeRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.get('/api/v1/regimes', {
    schema: {
      tags: ['regimes'],
      security: [],
      summary: 'The legal regimes of the rule packs, with their versions and deadline categories',
      querystring: regimeListQuery,
      response: { 200: regimeListSchema, ...errors },
    },
    handler: async (request) => ({
      regimes: listRegimes(writ, request.query.jurisdiction).map((p) => presentRegimeSummary(p, writ.now())),
    }),
  });

  app.get('/api/v1/regimes/:id', {
    schema: {
      tags: ['regimes'],
      security: [],
      summary: 'One rule pack in full: versions, coverage, duties, deadlines, sources with quotes',
      params: regimeIdParam,
      response: { 200: regimePackSchema, ...errors },
    },
    handler: async (request) => regime(writ, request.params.id),
  });

  app.get('/api/v1/regimes/:id/deadline', {
    schema: {
      tags: ['regimes'],
      summary: 'The deadline an order would get (nothing is stored)',
      params: regimeIdParam,
      querystring: deadlineQuerySchema,
      response: { 200: deadlineResultSchema, ...errors },
    },
    onRequest: requireUser,
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
