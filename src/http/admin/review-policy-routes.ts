/** The review stages each reason category needs, set by an admin (issue 12). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';
import { reviewPolicies, setReviewPolicy } from '../../app/staged-review.js';
import { problemSchema } from '../../contracts/common.js';
import { reviewPoliciesSchema, reviewPolicyInputSchema, reviewPolicyParams } from '../../contracts/staged-review.js';
import { requireUser, signedInUser } from '../authentication.js';
import { presentReviewPolicies } from '../presenters/staged-review.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

export const reviewPolicyRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.addHook('onRequest', requireUser);

  app.get('/api/v1/admin/review-policies', {
    config: { permission: 'orders.read' },
    schema: {
      tags: ['admin'],
      operationId: 'listReviewPolicies',
      summary: 'Review policies per reason category',
      description:
        "For every reason category, the review stages a restrictive decision needs and whether it is sensitive (human-rights review and a second person's sign-off): the admin's setting, else the default.",
      response: { 200: reviewPoliciesSchema, ...errors },
    },
    handler: async () => presentReviewPolicies(await reviewPolicies(writ)),
  });

  app.put('/api/v1/admin/review-policies/:reason', {
    config: { permission: 'settings.manage' },
    schema: {
      tags: ['admin'],
      operationId: 'setReviewPolicy',
      summary: "Set a reason category's review policy",
      description:
        'The stages (kept in their order: policy, legal, human_rights) and the sensitive flag of one reason category; findings and decisions from now on follow it.',
      params: reviewPolicyParams,
      body: reviewPolicyInputSchema,
      response: { 200: reviewPoliciesSchema, ...errors },
    },
    handler: async (request) =>
      presentReviewPolicies(
        await setReviewPolicy(writ, { reason: request.params.reason, ...request.body }, signedInUser(request)),
      ),
  });
};
