/** Reviewers' side of data orders (issue 11): decisions on accounts and an emergency's post-hoc review. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';

export const dataRequestRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (_app, _opts) => {};
