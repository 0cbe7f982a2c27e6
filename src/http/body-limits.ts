/**
 * Body size limits of the authority channel: a JSON body sent to `/api/v1/authority…` or
 * `/api/v1/agencies…` may be at most WRIT_AUTHORITY_BODY_LIMIT_BYTES (1 MB by default), far below
 * the 5 MB the rest of the API takes. A route that sets its own `bodyLimit` keeps it (the attachment
 * upload takes WRIT_ATTACHMENT_MAX_BYTES). A larger body is refused with 413 `payload_too_large`
 * naming the limit (src/http/problem.ts), before it is read to the end.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const limitedPaths = /^\/api\/v1\/(authority|agencies)(\/|$)/;

export const bodyLimits = fp(
  async (app: FastifyInstance, opts: { authorityBodyLimitBytes: number }) => {
    app.addHook('onRoute', (route) => {
      if (route.bodyLimit === undefined && limitedPaths.test(route.url)) route.bodyLimit = opts.authorityBodyLimitBytes;
    });
  },
  { name: 'writ-body-limits' },
);
