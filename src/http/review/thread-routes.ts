/** Reviewers' side of an order's thread: clarification requests and messages (issue 10). */
import type { FastifyInstance } from 'fastify';
import type { Writ } from '../../app/context.js';

export async function reviewThreadRoutes(_app: FastifyInstance, _opts: { writ: Writ }): Promise<void> {}
