/** Liveness and readiness probes for operators and load balancers. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/connection.js';

export const healthRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get('/healthz', {
    schema: {
      tags: ['meta'],
      security: [],
      summary: 'Liveness and database reachability',
      response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) },
    },
    handler: async () => {
      await database.pool.query('SELECT 1');
      return { status: 'ok' as const, database: database.description };
    },
  });
};
