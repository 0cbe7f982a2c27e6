/** Staged review of items: stage findings, proposals, sign-offs (issue 12). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';
import { recordFinding, signOff } from '../../app/staged-review.js';
import { problemSchema } from '../../contracts/common.js';
import { itemParams, requestDetailSchema } from '../../contracts/requests.js';
import { findingInputSchema, signOffInputSchema } from '../../contracts/staged-review.js';
import { requireUser, signedInUser } from '../authentication.js';
import { presentContext, presentDetail } from '../presenters/requests.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export const stageRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.addHook('onRequest', requireUser);

  app.post('/api/v1/requests/:id/items/:itemId/review', {
    // The door lets in who may review at the first stage; the use case checks the stage's own permission.
    config: { permission: 'review.policy' },
    schema: {
      tags: ['requests'],
      operationId: 'recordReviewFinding',
      summary: "Record a review stage's finding on an item",
      description:
        'Policy, legal or human-rights review, in order, by someone whose role may perform the stage (review.policy, review.legal, review.human_rights). The policy stage also sets the reason category and sensitive topics. A new finding for a stage supersedes the earlier; the history keeps both.',
      params: itemParams,
      body: findingInputSchema,
      response: { 200: requestDetailSchema, ...errors },
    },
    handler: async (request) =>
      presentDetail(
        await recordFinding(
          writ,
          { requestId: request.params.id, itemId: request.params.itemId },
          request.body,
          signedInUser(request),
        ),
        presentContext(writ),
      ),
  });

  app.post('/api/v1/requests/:id/items/:itemId/sign-off', {
    config: { permission: 'decisions.sign_off' },
    schema: {
      tags: ['requests'],
      operationId: 'signOffDecision',
      summary: 'Sign off (or reject) a sensitive decision',
      description:
        'The second person approves the proposed decision on a sensitive item (it takes effect, decided by the proposer and signed off by the signer) or rejects it (the proposal is dropped). The proposer cannot sign off their own proposal.',
      params: itemParams,
      body: signOffInputSchema,
      response: { 200: requestDetailSchema, ...errors },
    },
    handler: async (request) =>
      presentDetail(
        await signOff(writ, { requestId: request.params.id, itemId: request.params.itemId }, request.body, signedInUser(request)),
        presentContext(writ),
      ),
  });
};
