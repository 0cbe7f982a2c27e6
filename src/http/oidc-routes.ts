/** Staff sign-in through an OpenID Connect provider (issue 12). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../app/context.js';

// Placeholder of the foundation commit: the helper that owns this file fills it in.
export const oidcRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async () => {};
