/** Issue 13 — B2 the reviewers' publications: drafts, redactions, approval, correction, withdrawal. (Placeholder: routes are added here.) */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';

export const publicationRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (_app, _options) => {};
