/** The mail outbox and its failures, for platform admins (issue 10). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';
import { outboxPage, retryFailedMail } from '../../app/mail.js';
import { idParam, problemSchema } from '../../contracts/common.js';
import { outboxMailSchema, outboxPageSchema, outboxQuery } from '../../contracts/outbox.js';
import { requireRole } from '../authentication.js';
import { presentOutboxMail, presentOutboxPage } from '../presenters/outbox.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export const outboxRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.addHook('onRequest', requireRole('admin'));

  app.get('/api/v1/admin/outbox', {
    config: { permission: 'outbox.manage' },
    schema: {
      tags: ['admin'],
      operationId: 'listOutboxMails',
      summary: 'List the mail outbox',
      description:
        'Mails newest first, optionally of one status (failed: the failures), with the count per status and whether an SMTP server is configured (admin only).',
      querystring: outboxQuery,
      response: { 200: outboxPageSchema, ...errors },
    },
    handler: async (request) => presentOutboxPage(await outboxPage(writ, request.query)),
  });

  app.post('/api/v1/admin/outbox/:id/retry', {
    config: { permission: 'outbox.manage' },
    schema: {
      tags: ['admin'],
      operationId: 'retryOutboxMail',
      summary: 'Retry a failed mail',
      description: 'Queues a failed mail again with a fresh count of attempts; 409 unless it is failed (admin only).',
      params: idParam,
      response: { 200: outboxMailSchema, ...errors },
    },
    handler: async (request) => presentOutboxMail(await retryFailedMail(writ, request.params.id)),
  });
};
