/** Platform admins verify, reject and suspend agencies (issue 10). */
import type { FastifyInstance } from 'fastify';
import type { Writ } from '../../app/context.js';

export async function agencyAdminRoutes(_app: FastifyInstance, _opts: { writ: Writ }): Promise<void> {}
