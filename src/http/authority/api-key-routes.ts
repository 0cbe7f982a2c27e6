/** An agency admin officer creates, lists and revokes API keys (issue 10). */
import type { FastifyInstance } from 'fastify';
import type { Writ } from '../../app/context.js';

export async function apiKeyRoutes(_app: FastifyInstance, _opts: { writ: Writ }): Promise<void> {}
