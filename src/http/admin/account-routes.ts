/**
 * Account administration: only an `admin` may list accounts, create them, or sign one out
 * everywhere (a lost laptop, a departing colleague, a suspected compromise).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createAccount, MIN_PASSWORD_LENGTH, signOutEverywhere } from '../../app/accounts.js';
import type { Writ } from '../../app/context.js';
import { idParam, problemSchema } from '../../contracts/common.js';
import { userSchema } from '../../contracts/session.js';
import { requireRole } from '../authentication.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

const newAccountSchema = z.object({
  email: z.email('must be an e-mail address').max(320),
  name: z.string().trim().min(1, 'must not be empty').max(200),
  role: z.enum(['reviewer', 'admin']).default('reviewer'),
  password: z.string().min(MIN_PASSWORD_LENGTH, `must have at least ${MIN_PASSWORD_LENGTH} characters`).max(1000),
});

export const accountRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.addHook('onRequest', requireRole('admin'));

  app.get('/api/v1/admin/accounts', {
    config: { permission: 'users.manage' },
    schema: {
      tags: ['admin'],
      operationId: 'listAccounts',
      summary: 'List accounts',
      description: 'Every account with its role (admin only).',
      response: { 200: z.object({ accounts: z.array(userSchema) }), ...errors },
    },
    handler: async () => ({ accounts: await writ.users.list() }),
  });

  app.post('/api/v1/admin/accounts', {
    config: { permission: 'users.manage' },
    schema: {
      tags: ['admin'],
      operationId: 'createAccount',
      summary: 'Create an account',
      description: 'A reviewer or admin account with its first password (admin only).',
      body: newAccountSchema,
      response: { 201: userSchema, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await createAccount(writ.users, request.body)),
  });

  app.post('/api/v1/admin/accounts/:id/sign-out', {
    config: { permission: 'users.manage' },
    schema: {
      tags: ['admin'],
      operationId: 'signOutAccount',
      summary: 'Sign an account out everywhere',
      description:
        'Ends every session of the account: a lost laptop, a departing colleague, a suspected compromise (admin only).',
      params: idParam,
      response: { 200: z.object({ endedSessions: z.number().int() }), ...errors },
    },
    handler: async (request) => ({ endedSessions: await signOutEverywhere(writ.users, request.params.id) }),
  });
};
