/** The authority's side of productions (issue 11): list and download what was produced for its orders. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';

export const authorityProductionRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (_app, _opts) => {};
