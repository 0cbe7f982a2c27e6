/** An agency admin officer creates, lists and revokes API keys (issue 10). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createApiKey, listApiKeys, revokeApiKey } from '../../app/api-keys.js';
import type { Writ } from '../../app/context.js';
import { apiKeyListSchema, apiKeySchema, createdApiKeySchema, newApiKeySchema } from '../../contracts/api-keys.js';
import { idParam, problemSchema } from '../../contracts/common.js';
import { agencyPrincipal, requireAgencyAdmin } from '../authentication.js';
import { presentApiKey, presentCreatedApiKey } from '../presenters/api-keys.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 429: problemSchema };

export const apiKeyRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.addHook('onRequest', requireAgencyAdmin);

  app.post('/api/v1/authority/api-keys', {
    // The answer carries the key, which Writ does not keep to replay: no Idempotency-Key here.
    config: { idempotency: false },
    schema: {
      tags: ['agencies'],
      operationId: 'createApiKey',
      summary: 'Create an API key',
      description:
        "A key for the agency's own systems (`Authorization: Bearer writ_ak_…`), with an optional expiry at most a year ahead. The key is in this answer only: Writ stores its SHA-256. Agency admin officers only, signed in to the portal.",
      body: newApiKeySchema,
      response: { 201: createdApiKeySchema, ...errors, 413: problemSchema },
    },
    handler: async (request, reply) => {
      const created = await createApiKey(writ, agencyPrincipal(request), request.body);
      return reply.status(201).send(presentCreatedApiKey(created, writ.now()));
    },
  });

  app.get('/api/v1/authority/api-keys', {
    schema: {
      tags: ['agencies'],
      operationId: 'listApiKeys',
      summary: "List the agency's API keys",
      description:
        'Every key of the agency, newest first: its name, prefix, state, creation, expiry, last use and revocation. Never the key itself.',
      response: { 200: apiKeyListSchema, ...errors },
    },
    handler: async (request) => {
      const now = writ.now();
      return { keys: (await listApiKeys(writ, agencyPrincipal(request))).map((k) => presentApiKey(k, now)) };
    },
  });

  app.post('/api/v1/authority/api-keys/:id/revoke', {
    schema: {
      tags: ['agencies'],
      operationId: 'revokeApiKey',
      summary: 'Revoke an API key',
      description: 'The key is refused from the next request on. Revoking a revoked key changes nothing.',
      params: idParam,
      response: { 200: apiKeySchema, ...errors },
    },
    handler: async (request) => presentApiKey(await revokeApiKey(writ, agencyPrincipal(request), request.params.id), writ.now()),
  });
};
