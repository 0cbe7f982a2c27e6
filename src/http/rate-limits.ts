/**
 * Rate limits on the authority channel, on agencies' applications and on users' appeals
 * (`/api/v1/authority…`, `/api/v1/agencies…`, `/api/v1/public/appeals`): per API key and per client address, writes and reads apart, counted in
 * one-minute windows in PostgreSQL (src/db/rate-limits-repository.ts), so that they hold however
 * many Writ processes serve. Over a limit: 429 `rate_limited` with Retry-After, the seconds to the
 * window's end. Checked right after authentication, before anything else of the request runs.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { RequestGuards, Writ } from '../app/context.js';
import { WritError } from '../domain/errors.js';

const limitedPaths = /^\/api\/v1\/(authority|agencies|public\/appeals)(\/|\?|$)/;
const reads = new Set(['GET', 'HEAD', 'OPTIONS']);

type Bucket = { bucket: string; limit: number; what: string };

function bucketsOf(request: FastifyRequest, limits: Writ['config']['rateLimits']): Bucket[] {
  const write = !reads.has(request.method);
  const kind = write ? 'write' : 'read';
  const buckets: Bucket[] = [
    {
      bucket: `addr:${request.ip}:${kind}`,
      limit: write ? limits.addressWrites : limits.addressReads,
      what: `${kind}s from this address`,
    },
  ];
  const keyId = request.agencyPrincipal?.apiKeyId;
  if (keyId)
    buckets.push({
      bucket: `key:${keyId}:${kind}`,
      limit: write ? limits.keyWrites : limits.keyReads,
      what: `${kind}s with this API key`,
    });
  // Always counted in the same order, so that two requests never wait on each other's rows crosswise.
  return buckets.sort((a, b) => a.bucket.localeCompare(b.bucket));
}

export const rateLimits = fp(
  async (app: FastifyInstance, opts: { writ: Writ; guards: RequestGuards }) => {
    const windows = opts.guards.rateLimits;
    app.addHook('onRequest', async (request, reply) => {
      // The route's pattern where one matched (a percent-encoded path reaches the same route), else the path sent.
      if (!limitedPaths.test(request.routeOptions.url ?? request.url)) return;
      const buckets = bucketsOf(request, opts.writ.config.rateLimits);
      const { counts, windowEnd } = await windows.hit(buckets.map((b) => b.bucket));
      const over = buckets.find((b) => (counts.find((c) => c.bucket === b.bucket)?.hits ?? 0) > b.limit);
      if (!over) return;
      const seconds = Math.max(1, Math.ceil((windowEnd.getTime() - opts.writ.now().getTime()) / 1000));
      reply.header('retry-after', String(seconds));
      throw new WritError('rate_limited', `at most ${over.limit} ${over.what} a minute; try again in ${seconds} s`);
    });
  },
  { name: 'writ-rate-limits', dependencies: ['writ-authentication'] },
);
