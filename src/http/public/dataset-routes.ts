/**
 * Published datasets (Google's and Meta's transparency data) beside this platform's own figures:
 * public, no sign-in. The comparison pages of the web UI read these. Definitions: docs/methodology.md.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';
import { countryPeriodStats, datasetIndex, ranking, reasons, surges, timeline } from '../../app/datasets.js';
import { idParam, problemSchema } from '../../contracts/common.js';
import {
  countryParams,
  datasetImportSchema,
  datasetIndexSchema,
  rankingQuery,
  rankingSchema,
  reasonSharesSchema,
  sourceCountryPeriodParams,
  sourceParams,
  sourcePeriodParams,
  statsSchema,
  surgeQuery,
  surgesSchema,
  timelineSchema,
} from '../../contracts/datasets.js';
import { parseBegunPeriod } from '../../domain/period.js';
import { presentDatasetIndex } from '../presenters/datasets.js';

const base = '/api/v1/public/datasets';
const common = { tags: ['datasets'], security: [] };
const errors = { 400: problemSchema, 404: problemSchema };

export const datasetRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  /** A half-year after the current one is refused (400 naming the field): no one has published it. */
  const begun = <P extends string | undefined>(period: P): P => {
    if (period !== undefined) parseBegunPeriod(period, writ.now());
    return period;
  };

  app.get(base, {
    schema: {
      ...common,
      operationId: 'listDatasets',
      summary: 'List imported datasets',
      description: 'The periods each source covers, its vintage, and every import.',
      response: { 200: datasetIndexSchema },
    },
    handler: async () => presentDatasetIndex(await datasetIndex(writ)),
  });

  app.get(`${base}/imports/:id`, {
    schema: {
      ...common,
      operationId: 'getDatasetImport',
      summary: 'Read an import',
      description: 'One import with every data-quality warning (file, line, what is odd).',
      params: idParam,
      response: { 200: datasetImportSchema, ...errors },
    },
    handler: async (request) => writ.datasets.importById(request.params.id),
  });

  app.get(`${base}/timeline/:country`, {
    schema: {
      ...common,
      operationId: 'getCountryTimeline',
      summary: "A country's timeline",
      description: "The country's requests period by period in every source, and this platform's own, with surges flagged.",
      params: countryParams,
      response: { 200: timelineSchema, ...errors },
    },
    handler: async (request) => timeline(writ, request.params.country),
  });

  app.get(`${base}/:source/stats/:country/:period`, {
    schema: {
      ...common,
      operationId: 'getDatasetStats',
      summary: 'Statistics of a country and half-year',
      description: 'Statistics of one country and half-year in one source, as `writ datasets stats` prints them.',
      params: sourceCountryPeriodParams,
      response: { 200: statsSchema, ...errors },
    },
    handler: async (request) => {
      const { source, country, period } = request.params;
      return countryPeriodStats(writ, source, country, begun(period));
    },
  });

  app.get(`${base}/:source/rankings/:period`, {
    schema: {
      ...common,
      operationId: 'rankCountries',
      summary: 'Rank countries',
      description: 'Countries ranked by requests in a half-year, with the shares of government criticism and national security.',
      params: sourcePeriodParams,
      querystring: rankingQuery,
      response: { 200: rankingSchema, ...errors },
    },
    handler: async (request) => ranking(writ, request.params.source, begun(request.params.period), request.query.limit),
  });

  app.get(`${base}/:source/reasons/:country/:period`, {
    schema: {
      ...common,
      operationId: 'getReasonShares',
      summary: 'Shares of reasons',
      description: 'Shares of reasons for one country and half-year (Google sources only).',
      params: sourceCountryPeriodParams,
      response: { 200: reasonSharesSchema, ...errors },
    },
    handler: async (request) => {
      const { source, country, period } = request.params;
      return reasons(writ, source, country, begun(period));
    },
  });

  app.get(`${base}/:source/surges`, {
    schema: {
      ...common,
      operationId: 'listSurges',
      summary: 'List surges',
      description: "Periods whose requests exceed a robust baseline of the country's earlier periods (rolling median and MAD).",
      params: sourceParams,
      querystring: surgeQuery,
      response: { 200: surgesSchema, ...errors },
    },
    handler: async (request) => surges(writ, request.params.source, { ...request.query, period: begun(request.query.period) }),
  });
};
