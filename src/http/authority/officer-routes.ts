/** Agencies apply; officers are invited, confirm their email, sign in with a second factor (issue 10). */
import type { FastifyInstance } from 'fastify';
import type { Writ } from '../../app/context.js';

export async function officerRoutes(_app: FastifyInstance, _opts: { writ: Writ }): Promise<void> {}
