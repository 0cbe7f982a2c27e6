/** The mail outbox and its failures, for platform admins (issue 10). */
import type { FastifyInstance } from 'fastify';
import type { Writ } from '../../app/context.js';

export async function outboxRoutes(_app: FastifyInstance, _opts: { writ: Writ }): Promise<void> {}
