/** Issue 13 — the public site's data: overview, methodology, case studies, downloads. No sign-in. */
import contentDisposition from 'content-disposition';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Writ } from '../../app/context.js';
import { caseStudiesOf, methodologyOf, overviewOf, siteTable, siteTableNames } from '../../app/public-site.js';
import { problemSchema } from '../../contracts/common.js';
import {
  caseStudiesQuery,
  caseStudiesSchema,
  downloadParams,
  downloadQuery,
  downloadsSchema,
  methodologySchema,
  overviewSchema,
  siteTableSchema,
} from '../../contracts/public-site.js';
import { formatPeriod, parseBegunPeriod } from '../../domain/period.js';
import { presentDownloads, siteTableCsv } from '../presenters/public-site.js';

export const publicSiteRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.get('/api/v1/public/overview', {
    schema: {
      tags: ['site'],
      security: [],
      operationId: 'getSiteOverview',
      summary: 'Requests per country over time',
      description:
        'Per country and half-year of receipt (UTC): content removal orders, the items they name, and data orders — decided and open, as the reports count them.',
      response: { 200: overviewSchema },
    },
    handler: async () => overviewOf(writ),
  });

  app.get('/api/v1/public/case-studies', {
    schema: {
      tags: ['site'],
      security: [],
      operationId: 'listCaseStudies',
      summary: 'Public-interest case studies',
      description:
        "A country's published, not withdrawn public records of a half-year (of the decision) marked of public interest, with their redacted case studies.",
      querystring: caseStudiesQuery,
      response: { 200: caseStudiesSchema, 400: problemSchema },
    },
    handler: async (request) => {
      const period = parseBegunPeriod(request.query.period, writ.now());
      return {
        country: request.query.country,
        period: formatPeriod(period),
        caseStudies: await caseStudiesOf(writ, request.query.country, period),
      };
    },
  });

  app.get('/api/v1/public/methodology', {
    schema: {
      tags: ['site'],
      security: [],
      operationId: 'getSiteMethodology',
      summary: 'Methodology',
      description:
        "The definitions behind every figure and record, read from the code's own constants: outcomes, reasons, authority kinds, periods, deadline bases, the public record's fields, what redaction removes and how the log hashes.",
      response: { 200: methodologySchema },
    },
    handler: async () => methodologyOf(),
  });

  app.get('/api/v1/public/downloads', {
    schema: {
      tags: ['site'],
      security: [],
      operationId: 'listSiteDownloads',
      summary: 'Downloads of every table and chart',
      description: 'The name of every table and chart the public site shows, with the addresses of its CSV and JSON.',
      response: { 200: downloadsSchema },
    },
    handler: async () => presentDownloads(await siteTableNames(writ)),
  });

  app.get('/api/v1/public/downloads/:name', {
    schema: {
      tags: ['site'],
      security: [],
      operationId: 'downloadSiteTable',
      summary: 'Download a table',
      description:
        "One table or chart's data as CSV (a header row, then one line per row) or JSON (`{ name, columns, rows }`), as an attachment. Names: `overview`, `country-{CC}-{YYYY-Hn}-{removals|outcomes|requesters|kinds|products|reasons|deadlines|user-data|case-studies}`.",
      params: downloadParams,
      querystring: downloadQuery,
      response: {
        200: z.union([siteTableSchema, z.string()]).meta({ description: 'The table (JSON) or its CSV text' }),
        400: problemSchema,
        404: problemSchema,
      },
    },
    handler: async (request, reply) => {
      const table = await siteTable(writ, request.params.name);
      const format = request.query.format;
      reply.header('content-disposition', contentDisposition(`${table.name}.${format}`, { type: 'attachment' }));
      if (format === 'json') return table;
      return reply.type('text/csv; charset=utf-8').send(siteTableCsv(table));
    },
  });
};
