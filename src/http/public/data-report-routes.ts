/** The public user-data report (issue 11): requests, accounts, legal process and emergencies per country and half-year. No sign-in. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';
import { userDataComparison, userDataReport, userDataReportIndex } from '../../app/data-reports.js';
import { problemSchema } from '../../contracts/common.js';
import {
  dataReportComparisonSchema,
  dataReportCountryParams,
  dataReportIndexSchema,
  dataReportParams,
  dataReportSchema,
} from '../../contracts/data-reports.js';
import { parseBegunPeriod } from '../../domain/period.js';

export const dataReportRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.get('/api/v1/public/user-data-reports', {
    schema: {
      tags: ['reports'],
      security: [],
      operationId: 'listUserDataReports',
      summary: 'List user-data reports',
      description:
        'The countries and half-years in which at least one data order (user data, emergency disclosure or preservation) was received, with their requests (user data and emergency) and preservation requests.',
      response: { 200: dataReportIndexSchema },
    },
    handler: async () => ({ periods: await userDataReportIndex(writ) }),
  });

  app.get('/api/v1/public/reports/:country/:period/user-data', {
    schema: {
      tags: ['reports'],
      security: [],
      operationId: 'getUserDataReport',
      summary: "A country's user-data report",
      description:
        "One country's requests for user data in a half-year (e.g. KZ, 2026-H1), with the definitions of Meta's " +
        'government-requests report (layout C): requests and accounts in total, by legal process versus emergency and by ' +
        'process type, requests where some data was produced, preservation requests and accounts preserved, and the share ' +
        'under a non-disclosure order. Orders are counted by the half-year (UTC) in which they were received, whatever their status.',
      params: dataReportParams,
      response: { 200: dataReportSchema, 400: problemSchema },
    },
    handler: async (request) => userDataReport(writ, request.params.country, parseBegunPeriod(request.params.period, writ.now())),
  });

  app.get('/api/v1/public/user-data-reports/:country/comparison', {
    schema: {
      tags: ['reports'],
      security: [],
      operationId: 'getUserDataComparison',
      summary: 'User-data figures beside Meta’s',
      description:
        "This platform's requests, accounts and share of requests where some data was produced for a country, half-year by " +
        'half-year, beside the figures Meta published for the same country (imported meta-data-requests dataset).',
      params: dataReportCountryParams,
      response: { 200: dataReportComparisonSchema, 400: problemSchema },
    },
    handler: async (request) => userDataComparison(writ, request.params.country),
  });
};
