/** The authority's side of preservation holds (issue 11): ask for the extension the rules allow. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';
import { extendHoldForAgency } from '../../app/preservation.js';
import { problemSchema } from '../../contracts/common.js';
import { accountParams, authorityHoldSchema, holdNoteSchema } from '../../contracts/data-requests.js';
import { agencyPrincipal, requireAgency } from '../authentication.js';
import { presentHold } from '../presenters/data-requests.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export const authorityPreservationRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.addHook('onRequest', requireAgency);

  app.post('/api/v1/authority/orders/:id/accounts/:accountId/hold/extend', {
    schema: {
      tags: ['authority-orders'],
      operationId: 'extendOrderPreservationHold',
      summary: 'Ask for the extension of a preservation hold',
      description:
        "On the agency's own preservation order: the account's hold is extended by WRIT_PRESERVATION_EXTENSION_DAYS, at most WRIT_PRESERVATION_EXTENSIONS times (409 after that). Another agency's order is not found (404).",
      params: accountParams,
      body: holdNoteSchema,
      response: { 200: authorityHoldSchema, ...errors },
    },
    handler: async (request) => {
      const { id, accountId } = request.params;
      const hold = await extendHoldForAgency(writ, agencyPrincipal(request), id, accountId, request.body.note);
      return { orderId: id, accountId, hold: presentHold(hold, writ.config.dataRequests.preservationExtensions) };
    },
  });
};
