/** The public transparency report: no sign-in. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';
import { countryReport, deadlinePerformance, reportIndex } from '../../app/reports.js';
import { problemSchema } from '../../contracts/common.js';
import { countryReportSchema, deadlinePerformanceSchema, reportIndexSchema, reportParams } from '../../contracts/reports.js';
import { parseBegunPeriod } from '../../domain/period.js';

export const reportRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  /** A half-year after the current one is refused (400 naming the field): nothing can be counted in it yet. */
  const begun = (period: string) => parseBegunPeriod(period, writ.now());

  app.get('/api/v1/public/reports', {
    schema: {
      tags: ['reports'],
      security: [],
      operationId: 'listReports',
      summary: 'List reports',
      description: 'The countries and half-years for which a report exists, with their number of requests.',
      response: { 200: reportIndexSchema },
    },
    handler: async () => ({ periods: await reportIndex(writ) }),
  });

  app.get('/api/v1/public/reports/:country/:period', {
    schema: {
      tags: ['reports'],
      security: [],
      operationId: 'getCountryReport',
      summary: "A country's report",
      description:
        "One country's transparency report for a half-year (e.g. KZ, 2021-H1): requests by kind, requester, product and reason, and what became of their items.",
      params: reportParams,
      response: { 200: countryReportSchema, 400: problemSchema },
    },
    handler: async (request) => countryReport(writ, request.params.country, begun(request.params.period)),
  });

  app.get('/api/v1/public/reports/:country/:period/deadlines', {
    schema: {
      tags: ['reports'],
      security: [],
      operationId: 'getDeadlinePerformance',
      summary: 'Deadline performance',
      description:
        "Share of a country's orders met on time, and median hours from receipt to decision, per regime. " +
        'Counts requests received in the half-year (UTC) that are decided or closed; met means decided by the due instant ' +
        'stored with the request. Withdrawn and open requests are not counted.',
      params: reportParams,
      response: { 200: deadlinePerformanceSchema, 400: problemSchema },
    },
    handler: async (request) => deadlinePerformance(writ, request.params.country, begun(request.params.period)),
  });
};
