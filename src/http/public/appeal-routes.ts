/** A user's appeal, sent with the token of the notice they received (issue 12). Public: no session; rate-limited per address. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { appealStatus, fileAppeal } from '../../app/appeals.js';
import type { Writ } from '../../app/context.js';
import { problemSchema } from '../../contracts/common.js';
import { appealTokenQuery, newAppealSchema, publicAppealSchema, publicAppealStatusSchema } from '../../contracts/notices.js';
import { presentPublicAppeal } from '../presenters/notices.js';

const errors = { 400: problemSchema, 404: problemSchema, 409: problemSchema, 429: problemSchema };

export const appealRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.post('/api/v1/public/appeals', {
    schema: {
      tags: ['notices'],
      security: [],
      operationId: 'fileAppeal',
      summary: 'Appeal a decision',
      description:
        "The affected user's appeal, with the token from their notice's link. An unknown token is 404 and nothing else is told; one open appeal per notice (409).",
      body: newAppealSchema,
      response: { 201: publicAppealSchema, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(presentPublicAppeal(await fileAppeal(writ, request.body))),
  });

  app.get('/api/v1/public/appeals', {
    schema: {
      tags: ['notices'],
      security: [],
      operationId: 'getAppealStatus',
      summary: "An appeal's status",
      description: 'What the notice with this token says, and its appeals with their status and outcome.',
      querystring: appealTokenQuery,
      response: { 200: publicAppealStatusSchema, ...errors },
    },
    handler: async (request) => {
      const found = await appealStatus(writ, request.query.token);
      return { notice: { content: found.notice.content }, appeals: found.appeals.map(presentPublicAppeal) };
    },
  });
};
