/** Productions (issue 11): the reviewer uploads the files of a data order's production; Writ packages them. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';

export const productionRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (_app, _opts) => {};
