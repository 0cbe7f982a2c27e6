/** Preservation holds (issue 11): extend, release, and link the legal process that arrived. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';

export const preservationRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (_app, _opts) => {};
