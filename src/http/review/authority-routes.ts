/** The register of authorities that send orders. Every government gets the same channel. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';
import { authorityListQuery, authorityListSchema, authoritySchema, newAuthoritySchema } from '../../contracts/authorities.js';
import { problemSchema } from '../../contracts/common.js';
import { checkNewAuthority } from '../../domain/authority.js';
import { requireUser } from '../authentication.js';

export const authorityRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.addHook('onRequest', requireUser);

  app.get('/api/v1/authorities', {
    config: { permission: 'orders.read' },
    schema: {
      tags: ['authorities'],
      operationId: 'listAuthorities',
      summary: 'List authorities',
      description: 'The registered authorities, optionally of one country.',
      querystring: authorityListQuery,
      response: { 200: authorityListSchema, 400: problemSchema, 401: problemSchema },
    },
    handler: async (request) => ({ authorities: await writ.authorities.list(request.query.country) }),
  });

  app.post('/api/v1/authorities', {
    config: { permission: 'orders.record' },
    schema: {
      tags: ['authorities'],
      operationId: 'registerAuthority',
      summary: 'Register an authority',
      description: 'An authority that sends orders, with its country, kind and, when known, the time zone it works in.',
      body: newAuthoritySchema,
      response: { 201: authoritySchema, 400: problemSchema, 401: problemSchema, 409: problemSchema },
    },
    handler: async (request, reply) => {
      const authority = checkNewAuthority({ ...request.body, timeZone: request.body.timeZone ?? null });
      return reply.status(201).send(await writ.authorities.create(authority));
    },
  });
};
