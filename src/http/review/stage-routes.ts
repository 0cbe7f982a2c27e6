/** Staged review of items: stage findings, proposals, sign-offs (issue 12). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';
import { recordFinding, signOff } from '../../app/staged-review.js';
import { problemSchema } from '../../contracts/common.js';
import { itemParams, requestDetailSchema } from '../../contracts/requests.js';
import { findingInputSchema, signOffInputSchema } from '../../contracts/staged-review.js';
import { reviewStages } from '../../domain/review-vocabulary.js';
import { stageAction } from '../../domain/staged-review.js';
import { requireUser, signedInUser } from '../authentication.js';
import { presentContext, presentDetail } from '../presenters/requests.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export const stageRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.addHook('onRequest', requireUser);

  // One route per stage, so that the door admits exactly the roles of that stage's permission
  // (a single route could name only one action, and would shut out the human-rights role).
  for (const stage of reviewStages) {
    const name = { policy: 'Policy', legal: 'Legal', human_rights: 'HumanRights' }[stage];
    app.post(`/api/v1/requests/:id/items/:itemId/review/${stage}`, {
      config: { permission: stageAction[stage] },
      schema: {
        tags: ['requests'],
        operationId: `record${name}Finding`,
        summary: `Record the ${stage.replace('_', '-')} stage's finding on an item`,
        description: `Staged review goes in order (policy, legal, human rights), each stage by a role that may perform it (${stageAction[stage]}). ${
          stage === 'policy' ? 'The policy stage also sets the reason category and the sensitive topics. ' : ''
        }A new finding for the stage supersedes the earlier; the history keeps both.`,
        params: itemParams,
        body: findingInputSchema.omit({ stage: true }),
        response: { 200: requestDetailSchema, ...errors },
      },
      handler: async (request) =>
        presentDetail(
          await recordFinding(
            writ,
            { requestId: request.params.id, itemId: request.params.itemId },
            { ...request.body, stage },
            signedInUser(request),
          ),
          presentContext(writ),
        ),
    });
  }

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
