/** The message thread of an order, clarifications and withdrawal, on the authority's side (issue 10). */
import type { FastifyInstance } from 'fastify';
import type { Writ } from '../../app/context.js';

export async function orderThreadRoutes(_app: FastifyInstance, _opts: { writ: Writ }): Promise<void> {}
