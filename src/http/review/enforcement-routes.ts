/** Enforcement: the actions sent to the content system, its confirmations, the dead-letter list (issue 12). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';

// Placeholder of the foundation commit: the helper that owns this file fills it in.
export const enforcementRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async () => {};
