/** Issue 13 — exports in the formats the world reads: google-removals, meta-data-requests, eu-orders, dsa-sor, lumen. (Placeholder: routes are added here.) */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';

export const exportRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (_app, _options) => {};
