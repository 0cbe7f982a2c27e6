/** Issue 13 — the public request database: search with facets, records, tombstones, Atom feeds. (Placeholder: routes are added here.) */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';

export const publicRecordRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (_app, _options) => {};
