/** Queue work: claim and release an order, bulk decisions recorded item by item (issue 12). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';

// Placeholder of the foundation commit: the helper that owns this file fills it in.
export const queueWorkRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async () => {};
