/** The public transparency report: no sign-in. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../contracts/common.js';
import { countryReportSchema, deadlinePerformanceSchema, reportIndexSchema, reportParams } from '../../contracts/reports.js';
import { formatPeriod, parseBegunPeriod, periodBounds } from '../../domain/period.js';
import { assembleReport } from '../../domain/report.js';
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
      params: reportParams,
      response: { 200: countryReportSchema, 400: problemSchema },
    },
    handler: async (request) => {
      const period = parseBegunPeriod(request.params.period, services.now());
      return assembleReport(request.params.country, period, await services.reports.countryPeriod(request.params.country, period));
    },
  });

  app.get('/api/v1/public/reports/:country/:period/deadlines', {
    schema: {
      tags: ['public'],
      security: [],
      summary: "Share of a country's orders met on time, and median hours from receipt to decision, per regime",
      description:
        'Counts requests received in the half-year (UTC) that are decided or closed; met means decided by the due instant ' +
        'stored with the request. Withdrawn and open requests are not counted.',
      params: reportParams,
      response: { 200: deadlinePerformanceSchema, 400: problemSchema },
    },
    handler: async (request) => {
      const { start, end } = periodBounds(parseBegunPeriod(request.params.period, services.now()));
      const rows = await services.reports.deadlinePerformance({ country: request.params.country, start, end });
      return {
        country: request.params.country,
        period: request.params.period,
        rows: rows.map((r) => ({ ...r, regimeName: r.regimeId ? (services.rules.find(r.regimeId)?.name.en ?? null) : null })),
      };
    },
  });
};
