/**
 * Account administration (permission `users.manage`, the admin role): list accounts, create them
 * (a local password, or sign-in only through the OpenID Connect provider), change a role, disable
 * or enable one, or sign one out everywhere (a lost laptop, a departing colleague, a suspected
 * compromise). The audit log records each change through its trigger on `users` and `sessions`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeAccount, createAccount, signOutEverywhere } from '../../app/accounts.js';
import type { Writ } from '../../app/context.js';
import { accountChangeSchema, accountListSchema, accountSchema, newAccountSchema } from '../../contracts/accounts.js';
import { idParam, problemSchema } from '../../contracts/common.js';
import { WritError } from '../../domain/errors.js';
import { signedInUser } from '../authentication.js';
import { presentAccount } from '../presenters/accounts.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export const accountRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.get('/api/v1/admin/accounts', {
    config: { permission: 'users.manage' },
    schema: {
      tags: ['admin'],
      operationId: 'listAccounts',
      summary: 'List accounts',
      description:
        'Every staff account with its role, how it signs in (local password, OpenID Connect) and whether it is disabled.',
      response: { 200: accountListSchema, ...errors },
    },
    handler: async () => ({ accounts: (await writ.users.listAccounts()).map(presentAccount) }),
  });

  app.post('/api/v1/admin/accounts', {
    config: { permission: 'users.manage' },
    schema: {
      tags: ['admin'],
      operationId: 'createAccount',
      summary: 'Create an account',
      description:
        'A staff account of any role: with a first password of at least 10 characters, or without one for an account ' +
        'that signs in only through the OpenID Connect provider (linked at its first sign-in by its verified email).',
      body: newAccountSchema,
      response: { 201: accountSchema, ...errors },
    },
    handler: async (request, reply) => {
      const user = await createAccount(writ.users, request.body);
      const account = (await writ.users.listAccounts()).find((a) => a.id === user.id);
      if (!account) throw new WritError('internal', 'the account just created is missing');
      return reply.status(201).send(presentAccount(account));
    },
  });

  app.patch('/api/v1/admin/accounts/:id', {
    config: { permission: 'users.manage' },
    schema: {
      tags: ['admin'],
      operationId: 'changeAccount',
      summary: 'Change an account’s role, or disable or enable it',
      description:
        'Send `{ "role": … }` or `{ "disabled": true|false }`. Disabling ends the account’s sessions at once. ' +
        '409 `conflict` when an admin would demote or disable themselves, or when no enabled admin would remain.',
      params: idParam,
      body: accountChangeSchema,
      response: { 200: accountSchema, ...errors },
    },
    handler: async (request) =>
      presentAccount(await changeAccount(writ.users, signedInUser(request), request.params.id, request.body)),
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
