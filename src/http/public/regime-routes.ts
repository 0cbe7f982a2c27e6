/** The rule packs over HTTP, public: the regimes Writ knows and one pack in full with its quoted sources. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';
import { listRegimes, regime } from '../../app/regimes.js';
import { problemSchema } from '../../contracts/common.js';
import { regimeIdParam, regimeListQuery, regimeListSchema } from '../../contracts/regimes.js';
import { regimePackSchema } from '../../domain/regimes/pack.js';
import { presentRegimeSummary } from '../presenters/regimes.js';

const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema };

export const regimeRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.get('/api/v1/regimes', {
    schema: {
      tags: ['regimes'],
      security: [],
      operationId: 'listRegimes',
      summary: 'List regimes',
      description: 'The legal regimes of the rule packs, with their versions and deadline categories.',
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
      operationId: 'getRegime',
      summary: 'Read a rule pack',
      description: 'One rule pack in full: versions, coverage, duties, deadlines, and sources with quotes.',
      params: regimeIdParam,
      response: { 200: regimePackSchema, ...errors },
    },
    handler: async (request) => regime(writ, request.params.id),
  });
};
