/** The public user-data report (issue 11): requests, accounts, legal process and emergencies per country and half-year. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';

export const dataReportRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (_app, _opts) => {};
