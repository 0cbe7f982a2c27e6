/** Enforcement: the actions sent to the content system, its confirmations, the dead-letter list (issue 12). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';
import {
  confirmEnforcement,
  requestEnforcement,
  retrySinkDelivery,
  sinkDeliveriesPage,
  verifyConfirmation,
} from '../../app/enforcement.js';
import { idParam, problemSchema } from '../../contracts/common.js';
import {
  enforcementConfirmationSchema,
  enforcementConfirmedSchema,
  requestEnforcementSchema,
  sinkDeliveriesPageSchema,
  sinkDeliveriesQuery,
  sinkDeliverySchema,
} from '../../contracts/enforcement.js';
import { WritError } from '../../domain/errors.js';
import { signedInUser } from '../authentication.js';
import { presentRequestEnforcement, presentSinkDeliveriesPage, presentSinkDelivery } from '../presenters/enforcement.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

declare module 'fastify' {
  interface FastifyRequest {
    /** The body as received, for a route that checks its signature (the content system's confirmation). */
    enforcementRawBody?: string;
  }
}

export const enforcementRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.get('/api/v1/requests/:id/enforcement', {
    config: { permission: 'enforcement.read' },
    schema: {
      tags: ['enforcement'],
      operationId: 'getRequestEnforcement',
      summary: "The order's enforcement actions",
      description:
        'Per item, the actions sent to the content system (removal everywhere, restriction in countries, restoration), their status, and when each was decided, took effect and was confirmed, with the time to give effect.',
      params: idParam,
      response: { 200: requestEnforcementSchema, ...errors },
    },
    handler: async (request) => presentRequestEnforcement(await requestEnforcement(writ, request.params.id)),
  });

  app.get('/api/v1/admin/sink-deliveries', {
    config: { permission: 'enforcement.read' },
    schema: {
      tags: ['enforcement'],
      operationId: 'listSinkDeliveries',
      summary: "List calls to the platform's systems",
      description:
        'Signed calls to the notice sink, the content system and the alert hook, newest first, optionally of one status (failed: the dead-letter list) and one sink, with the count per status and which sinks are configured.',
      querystring: sinkDeliveriesQuery,
      response: { 200: sinkDeliveriesPageSchema, ...errors },
    },
    handler: async (request) => presentSinkDeliveriesPage(await sinkDeliveriesPage(writ, request.query)),
  });

  app.post('/api/v1/admin/sink-deliveries/:id/retry', {
    config: { permission: 'enforcement.manage' },
    schema: {
      tags: ['enforcement'],
      operationId: 'retrySinkDelivery',
      summary: 'Retry a failed call',
      description:
        'Queues a failed call again with a fresh count of attempts (an enforcement call: its action is queued again, noted in the order’s history); 409 unless it is failed (admin only).',
      params: idParam,
      response: { 200: sinkDeliverySchema, ...errors },
    },
    handler: async (request) => presentSinkDelivery(await retrySinkDelivery(writ, request.params.id, signedInUser(request).id)),
  });

  // The content system's confirmation: no session; its Standard Webhooks signature is checked
  // against the raw body before the body is validated.
  await app.register(async (signed) => {
    signed.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      request.enforcementRawBody = body as string;
      try {
        done(null, body === '' ? {} : JSON.parse(body as string));
      } catch {
        done(new WritError('validation_failed', 'the body must be JSON'), undefined);
      }
    });
    signed.withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>().post('/api/v1/enforcement/confirmations', {
      schema: {
        tags: ['enforcement'],
        // No session: the content system proves itself by the signature, checked before the body.
        security: [],
        operationId: 'confirmEnforcement',
        summary: 'Confirm an enforcement action (content system)',
        description:
          'The content system says an action took effect (applied, with the instant) or could not be applied. Signed by the Standard Webhooks scheme with the enforcement sink’s secret (401 otherwise; 404 when no content system is configured). A repeat changes nothing.',
        body: enforcementConfirmationSchema,
        response: { 200: enforcementConfirmedSchema, ...errors },
      },
      preValidation: async (request) => {
        verifyConfirmation(writ, request.enforcementRawBody ?? '', request.headers);
      },
      handler: async (request) => {
        const body = request.body;
        const { action, repeated } = await confirmEnforcement(writ, {
          actionId: body.actionId,
          status: body.status,
          effectiveAt: new Date(body.effectiveAt),
          detail: body.detail ?? null,
        });
        return {
          actionId: action.id,
          status: action.status,
          effectiveAt: action.effectiveAt ? action.effectiveAt.toISOString() : null,
          repeated,
        };
      },
    });
  });
};
