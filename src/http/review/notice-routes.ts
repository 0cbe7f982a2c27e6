/** Notices to affected users and the appeals against decisions (issue 12). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { decideAppeal, listAppeals } from '../../app/appeals.js';
import type { Writ } from '../../app/context.js';
import { cancelNotice, issueNotice, listNotices, sendNotice } from '../../app/notices.js';
import { idParam, problemSchema } from '../../contracts/common.js';
import {
  appealDecisionSchema,
  appealListQuery,
  appealListSchema,
  appealParams,
  appealSchema,
  cancelNoticeSchema,
  newNoticeSchema,
  noticeListQuery,
  noticeListSchema,
  noticeParams,
  noticeSchema,
} from '../../contracts/notices.js';
import { signedInUser } from '../authentication.js';
import { presentAppeal, presentNotice } from '../presenters/notices.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export const noticeRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.get('/api/v1/requests/:id/notices', {
    config: { permission: 'orders.read' },
    schema: {
      tags: ['notices'],
      operationId: 'listRequestNotices',
      summary: "An order's user notices",
      description: 'The notices to affected users of this order, each with its status and appeals.',
      params: idParam,
      response: { 200: noticeListSchema, ...errors },
    },
    handler: async (request) => ({ notices: (await writ.notices.forRequest(request.params.id)).map(presentNotice) }),
  });

  app.post('/api/v1/requests/:id/notices', {
    config: { permission: 'notices.manage' },
    schema: {
      tags: ['notices'],
      operationId: 'issueNotice',
      summary: 'Issue a user notice',
      description:
        "A notice to the affected user of a restricted item (removed_legal, removed_policy) or of an account whose data was produced: what was done, which state authority asked, the legal basis and how to appeal. Sent at once through the notice sink (and by mail with an address), or held until `heldUntil` — for a data order its non-disclosure order's end by default, never earlier.",
      params: idParam,
      body: newNoticeSchema,
      response: { 201: noticeSchema, ...errors },
    },
    handler: async (request, reply) => {
      const b = request.body;
      const notice = await issueNotice(
        writ,
        request.params.id,
        {
          itemId: b.itemId,
          accountId: b.accountId,
          recipient: b.recipient,
          recipientEmail: b.recipientEmail,
          heldUntil: b.heldUntil ? new Date(b.heldUntil) : undefined,
        },
        signedInUser(request),
      );
      return reply.status(201).send(presentNotice(notice));
    },
  });

  app.post('/api/v1/requests/:id/notices/:noticeId/send', {
    config: { permission: 'notices.manage' },
    schema: {
      tags: ['notices'],
      operationId: 'sendNotice',
      summary: 'Send a due notice',
      description:
        'Sends a notice whose hold has ended, with a fresh appeal link; a notice still held, sent or cancelled is refused.',
      params: noticeParams,
      response: { 200: noticeSchema, ...errors },
    },
    handler: async (request) =>
      presentNotice(await sendNotice(writ, request.params.id, request.params.noticeId, signedInUser(request))),
  });

  app.post('/api/v1/requests/:id/notices/:noticeId/cancel', {
    config: { permission: 'notices.manage' },
    schema: {
      tags: ['notices'],
      operationId: 'cancelNotice',
      summary: 'Cancel a notice',
      description: 'Cancels a held or due notice, with a note saying why.',
      params: noticeParams,
      body: cancelNoticeSchema,
      response: { 200: noticeSchema, ...errors },
    },
    handler: async (request) =>
      presentNotice(
        await cancelNotice(writ, request.params.id, request.params.noticeId, request.body.note, signedInUser(request)),
      ),
  });

  app.get('/api/v1/notices', {
    config: { permission: 'orders.read' },
    schema: {
      tags: ['notices'],
      operationId: 'listNotices',
      summary: 'List user notices',
      description: 'Notices of every order, by status; `status=due` is the task list of notices whose hold ended, soonest first.',
      querystring: noticeListQuery,
      response: { 200: noticeListSchema, ...errors },
    },
    handler: async (request) => ({ notices: (await listNotices(writ, request.query.status)).map(presentNotice) }),
  });

  app.get('/api/v1/appeals', {
    config: { permission: 'orders.read' },
    schema: {
      tags: ['notices'],
      operationId: 'listAppeals',
      summary: 'List appeals',
      description: "Users' appeals of every order, by status, oldest first.",
      querystring: appealListQuery,
      response: { 200: appealListSchema, ...errors },
    },
    handler: async (request) => ({ appeals: (await listAppeals(writ, request.query.status)).map(presentAppeal) }),
  });

  app.post('/api/v1/requests/:id/appeals/:appealId/decision', {
    config: { permission: 'appeals.decide' },
    schema: {
      tags: ['notices'],
      operationId: 'decideAppeal',
      summary: 'Decide an appeal',
      description:
        "Upholds or reverses the decision appealed against; never by the person who decided or signed it off (409 second_person_required). Reversed: the item's decision becomes no_action and the content system is asked to restore it. The user is told.",
      params: appealParams,
      body: appealDecisionSchema,
      response: { 200: appealSchema, ...errors },
    },
    handler: async (request) =>
      presentAppeal(await decideAppeal(writ, request.params.id, request.params.appealId, request.body, signedInUser(request))),
  });
};
