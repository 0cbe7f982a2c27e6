/** Reviewers' side of data orders (issue 11): decisions on accounts and an emergency's post-hoc review. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { decideAccount, linkFollowUpProcess, recordEmergencyReview } from '../../app/account-decisions.js';
import type { Writ } from '../../app/context.js';
import type { ReviewedRequest } from '../../app/requests.js';
import { idParam, problemSchema } from '../../contracts/common.js';
import {
  accountDecisionInputSchema,
  accountParams,
  emergencyReviewInputSchema,
  followUpProcessInputSchema,
} from '../../contracts/data-requests.js';
import { requestDetailSchema } from '../../contracts/requests.js';
import { requireUser, signedInUser } from '../authentication.js';
import { presentContext, presentDetail } from '../presenters/requests.js';

const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema, 409: problemSchema };

export const dataRequestRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.addHook('onRequest', requireUser);
  const detail = (r: ReviewedRequest) => presentDetail(r, presentContext(writ));

  app.put('/api/v1/requests/:id/accounts/:accountId/decision', {
    config: { permission: 'items.decide' },
    schema: {
      tags: ['requests'],
      operationId: 'decideAccount',
      summary: 'Decide an account of a data order',
      description:
        'Decides what was produced for an account a data order names (all, some — which categories — or none, with the reason for what was refused and the legal basis), or changes that decision (recorded with before and after). ' +
        "A preservation order's hold follows the decision; the first decision on an emergency disclosure starts its post-hoc review and the wait for its follow-up legal process; the order's status follows.",
      params: accountParams,
      body: accountDecisionInputSchema,
      response: { 200: requestDetailSchema, ...errors },
    },
    handler: async (request) =>
      detail(
        await decideAccount(
          writ,
          { requestId: request.params.id, accountId: request.params.accountId },
          request.body,
          signedInUser(request),
        ),
      ),
  });

  app.post('/api/v1/requests/:id/emergency-review', {
    config: { permission: 'data.manage' },
    schema: {
      tags: ['requests'],
      operationId: 'recordEmergencyReview',
      summary: 'Review an emergency disclosure afterwards',
      description:
        "Records the post-hoc review of a decided emergency disclosure: whether the emergency justified the disclosure, and why. The reviewer must be someone who decided none of the order's accounts (403 otherwise).",
      params: idParam,
      body: emergencyReviewInputSchema,
      response: { 200: requestDetailSchema, 403: problemSchema, ...errors },
    },
    handler: async (request) => detail(await recordEmergencyReview(writ, request.params.id, request.body, signedInUser(request))),
  });

  app.post('/api/v1/requests/:id/emergency-review/follow-up', {
    config: { permission: 'data.manage' },
    schema: {
      tags: ['requests'],
      operationId: 'linkEmergencyFollowUp',
      summary: "Link an emergency disclosure's follow-up legal process",
      description:
        'Names the user-data order that brought the legal process the authority sent after an emergency disclosure: an order of an authority of the same country, received after the emergency.',
      params: idParam,
      body: followUpProcessInputSchema,
      response: { 200: requestDetailSchema, ...errors },
    },
    handler: async (request) =>
      detail(await linkFollowUpProcess(writ, request.params.id, request.body.reference, signedInUser(request))),
  });
};
