/** The authority's side of productions (issue 11): list and download what was produced for its orders. */
import contentDisposition from 'content-disposition';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Writ } from '../../app/context.js';
import { downloadProduction } from '../../app/productions.js';
import { idParam, problemSchema } from '../../contracts/common.js';
import { authorityProductionListSchema, productionParams } from '../../contracts/data-requests.js';
import { agencyPrincipal, requireAgency } from '../authentication.js';
import { presentProduction } from '../presenters/data-requests.js';

const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema };

export const authorityProductionRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.addHook('onRequest', requireAgency);

  app.get('/api/v1/authority/orders/:id/productions', {
    schema: {
      tags: ['authority-orders'],
      operationId: 'listAuthorityProductions',
      summary: "The productions of one of the agency's orders",
      description:
        'Each package produced for the order: its name, size, SHA-256, the files its manifest lists, until when it can be downloaded, whether it was withdrawn, and how often it was downloaded. Another agency’s order is not found.',
      params: idParam,
      response: { 200: authorityProductionListSchema, ...errors },
    },
    handler: async (request) => ({
      productions: (await writ.productions.listForAgency(agencyPrincipal(request).agency.id, request.params.id)).map(
        presentProduction,
      ),
    }),
  });

  app.get('/api/v1/authority/orders/:id/productions/:productionId/download', {
    schema: {
      tags: ['authority-orders'],
      operationId: 'downloadProduction',
      summary: 'Download a production package',
      description:
        'The zip (files under `files/`, `manifest.json` with each file’s SHA-256), as an attachment, with an X-Content-SHA256 header. Every download is recorded in the order’s history, with the officer or API key. ' +
        'After its availability window: 410 production_expired; once withdrawn by the platform: 410 production_revoked. Another agency’s order is not found.',
      params: productionParams,
      response: { 200: z.any().meta({ description: 'The zip package' }), 410: problemSchema, ...errors },
    },
    handler: async (request, reply) => {
      const principal = agencyPrincipal(request);
      const { fileName, sha256, bytes } = await downloadProduction(
        writ,
        { agencyId: principal.agency.id, officerId: principal.officer?.id ?? null, apiKeyId: principal.apiKeyId },
        request.params.id,
        request.params.productionId,
      );
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', contentDisposition(fileName, { type: 'attachment' }))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'private, no-store')
        .header('x-content-sha256', sha256)
        .send(bytes);
    },
  });
};
