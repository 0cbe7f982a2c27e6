/** The public transparency report: no sign-in. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatPeriod, parsePeriod } from '../../domain/period.js';
import { assembleReport } from '../../domain/report.js';
import { countryCode, countryReportSchema, problemSchema, reportIndexSchema } from '../schemas.js';
import type { Services } from '../services.js';

export const reportRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get('/api/v1/public/reports', {
    schema: {
      tags: ['public'],
      security: [],
      summary: 'Countries and half-years for which a report exists',
      response: { 200: reportIndexSchema },
    },
    handler: async () => ({
      periods: (await services.reports.availablePeriods()).map((p) => ({
        country: p.country,
        period: formatPeriod(p),
        requests: p.requests,
      })),
    }),
  });

  app.get('/api/v1/public/reports/:country/:period', {
    schema: {
      tags: ['public'],
      security: [],
      summary: "One country's report for a half-year (e.g. KZ, 2021-H1)",
      params: z.object({ country: countryCode, period: z.string().meta({ example: '2021-H1' }) }),
      response: { 200: countryReportSchema, 400: problemSchema },
    },
    handler: async (request) => {
      const period = parsePeriod(request.params.period);
      return assembleReport(request.params.country, period, await services.reports.countryPeriod(request.params.country, period));
    },
  });
};
