/** Officers enrol and use passkeys (WebAuthn) (issue 10). */
import type { FastifyInstance } from 'fastify';
import type { Writ } from '../../app/context.js';

export async function passkeyRoutes(_app: FastifyInstance, _opts: { writ: Writ }): Promise<void> {}
