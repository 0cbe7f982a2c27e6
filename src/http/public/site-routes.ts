/** Issue 13 — the public site's data: overview, methodology, case studies, downloads. (Placeholder: routes are added here.) */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';

export const publicSiteRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (_app, _options) => {};
