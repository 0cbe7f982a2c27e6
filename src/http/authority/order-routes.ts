/** Officers and API clients submit and follow orders, with attachments and receipts (issue 10). */
import type { FastifyInstance } from 'fastify';
import type { Writ } from '../../app/context.js';

export async function authorityOrderRoutes(_app: FastifyInstance, _opts: { writ: Writ }): Promise<void> {}
