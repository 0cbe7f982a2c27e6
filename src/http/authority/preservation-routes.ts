/** The authority's side of preservation holds (issue 11): ask for the one extension the rules allow. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';

export const authorityPreservationRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (_app, _opts) => {};
