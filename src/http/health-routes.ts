/**
 * Liveness and readiness probes for operators and load balancers. Neither says where the data
 * lives or which server holds it: they are public.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../contracts/common.js';
import { checkDatabase } from '../db/availability.js';
import type { Database } from '../db/connection.js';
import { WritError } from '../domain/errors.js';

// Short, so that a probe answers well before a load balancer's own timeout.
const readinessTimeoutMs = 2_000;

export const healthRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get('/healthz', {
    schema: {
      tags: ['meta'],
      security: [],
      operationId: 'checkLiveness',
      summary: 'Liveness probe',
      description:
        'The process answers. The database is not asked (see /readyz), and the answer says nothing about the installation.',
      response: { 200: z.object({ status: z.literal('ok') }) },
    },
    handler: async () => ({ status: 'ok' as const }),
  });

  app.get('/readyz', {
    schema: {
      tags: ['meta'],
      security: [],
      operationId: 'checkReadiness',
      summary: 'Readiness probe',
      description: 'The database answers. While it does not, 503 with Retry-After.',
      response: { 200: z.object({ status: z.literal('ready') }), 503: problemSchema },
    },
    handler: async (request) => {
      try {
        await checkDatabase(database.pool, readinessTimeoutMs);
      } catch (error) {
        request.log.warn(`not ready: ${error instanceof Error ? error.message : String(error)}`);
        throw new WritError('unavailable', 'The database is not answering; Writ is not ready.');
      }
      return { status: 'ready' as const };
    },
  });
};
