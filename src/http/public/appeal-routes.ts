/** A user's appeal, sent with the token of the notice they received (issue 12). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';

// Placeholder of the foundation commit: the helper that owns this file fills it in.
export const appealRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async () => {};
