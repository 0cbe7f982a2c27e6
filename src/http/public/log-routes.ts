/** Issue 13 — the transparency log: checkpoints, inclusion and consistency proofs, the verifier key. (Placeholder: routes are added here.) */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';

export const transparencyLogRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (_app, _options) => {};
