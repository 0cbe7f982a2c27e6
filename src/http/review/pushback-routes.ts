/** Pushback on an order: contest, court challenge, outcome, the authority's answers (issue 12). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';

// Placeholder of the foundation commit: the helper that owns this file fills it in.
export const pushbackRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async () => {};
