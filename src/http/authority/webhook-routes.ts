/** An agency's webhook endpoints and their delivery log (issue 10). */
import type { FastifyInstance } from 'fastify';
import type { Writ } from '../../app/context.js';

export async function webhookRoutes(_app: FastifyInstance, _opts: { writ: Writ }): Promise<void> {}
