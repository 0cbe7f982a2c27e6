/**
 * Checks every request passes before its handler runs, whatever the route:
 * - text that PostgreSQL cannot store faithfully (NUL, lone surrogates) is refused with a 400
 *   naming the field, before validation and long before any write (src/domain/text.ts);
 * - a state-changing request sent by a page of another origin is refused (defence in depth
 *   behind the SameSite=Strict session cookie: another port on the same host is "same site").
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { WritError } from '../domain/errors.js';
import { findUnstorableText } from '../domain/text.js';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function refuseUnstorableText(request: FastifyRequest): void {
  const parts: [string, unknown][] = [
    ['params', request.params],
    ['querystring', request.query],
    ['body', request.body],
  ];
  for (const [where, value] of parts) {
    const found = findUnstorableText(value);
    if (found) {
      const field = found.field || where;
      throw new WritError('validation_failed', `${where === 'body' ? '' : `${where} `}${field}: ${found.message}`, field);
    }
  }
}

/** The host the request was sent to, as an Origin names it (a default port such as :80 left out). */
function ownHost(request: FastifyRequest): string {
  try {
    return new URL(`${request.protocol}://${request.host}`).host;
  } catch {
    return request.host;
  }
}

/** The origins a browser may send state-changing requests from: Writ's own, and any configured. */
function refuseForeignOrigin(request: FastifyRequest, allowedOrigins: readonly string[]): void {
  if (!stateChanging.has(request.method)) return;
  const origin = request.headers.origin;
  if (origin === undefined) {
    // API clients send no Origin; a browser that sends none still says where the request came from.
    if (request.headers['sec-fetch-site'] === 'cross-site')
      throw new WritError('forbidden', 'cross-site requests may not change anything', 'origin');
    return;
  }
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new WritError('forbidden', `the Origin ${JSON.stringify(origin)} may not change anything here`, 'origin');
  }
  if (host === ownHost(request) || allowedOrigins.includes(origin)) return;
  throw new WritError('forbidden', `the Origin ${origin} may not change anything here`, 'origin');
}

export const guards = fp(
  async (app: FastifyInstance, opts: { allowedOrigins: readonly string[] }) => {
    app.addHook('onRequest', async (request) => refuseForeignOrigin(request, opts.allowedOrigins));
    app.addHook('preValidation', async (request) => refuseUnstorableText(request));
  },
  { name: 'writ-guards' },
);
