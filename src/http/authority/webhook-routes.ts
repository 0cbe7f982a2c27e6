/**
 * An agency's webhook endpoints and their delivery log (issue 10). Admin officers register and
 * disable endpoints; any officer or API key of the agency reads the endpoints and the log. Another
 * agency's endpoint is not found (404), never forbidden.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';
import { disableEndpoint, registerEndpoint } from '../../app/webhooks.js';
import { idParam, problemSchema } from '../../contracts/common.js';
import {
  createdWebhookEndpointSchema,
  newWebhookEndpointSchema,
  webhookDeliveryPageSchema,
  webhookDeliveryQuery,
  webhookEndpointListSchema,
  webhookEndpointSchema,
} from '../../contracts/webhooks.js';
import { agencyPrincipal, requireAgency, requireAgencyAdmin } from '../authentication.js';
import { presentWebhookDelivery, presentWebhookEndpoint } from '../presenters/webhooks.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

export const webhookRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.post('/api/v1/authority/webhooks', {
    onRequest: requireAgencyAdmin,
    schema: {
      tags: ['agencies'],
      operationId: 'createWebhookEndpoint',
      summary: 'Register a webhook endpoint',
      description:
        "Registers an https:// endpoint of the agency's own system for a signed callback (Standard Webhooks) on every " +
        'change of its orders, and returns the signing secret once. Private and local network addresses are refused ' +
        '(agency admin officers only).',
      body: newWebhookEndpointSchema,
      response: { 201: createdWebhookEndpointSchema, ...errors },
    },
    handler: async (request, reply) => {
      const principal = agencyPrincipal(request);
      const { endpoint, secret } = await registerEndpoint(writ, {
        agencyId: principal.agency.id,
        officerId: principal.officer!.id,
        url: request.body.url,
      });
      return reply.status(201).send({ endpoint: presentWebhookEndpoint(endpoint), secret });
    },
  });

  app.get('/api/v1/authority/webhooks', {
    onRequest: requireAgency,
    schema: {
      tags: ['agencies'],
      operationId: 'listWebhookEndpoints',
      summary: "List the agency's webhook endpoints",
      description: "The agency's endpoints, disabled ones included, without their secrets.",
      response: { 200: webhookEndpointListSchema, ...errors },
    },
    handler: async (request) => ({
      endpoints: (await writ.webhooks.endpointsOf(agencyPrincipal(request).agency.id)).map(presentWebhookEndpoint),
    }),
  });

  app.post('/api/v1/authority/webhooks/:id/disable', {
    onRequest: requireAgencyAdmin,
    schema: {
      tags: ['agencies'],
      operationId: 'disableWebhookEndpoint',
      summary: 'Disable a webhook endpoint',
      description:
        'No further event is queued for the endpoint, and deliveries still waiting for it fail. Disabling a disabled ' +
        'endpoint changes nothing (agency admin officers only).',
      params: idParam,
      response: { 200: webhookEndpointSchema, ...errors },
    },
    handler: async (request) => {
      const principal = agencyPrincipal(request);
      const endpoint = await disableEndpoint(writ, {
        agencyId: principal.agency.id,
        officerId: principal.officer!.id,
        endpointId: request.params.id,
      });
      return presentWebhookEndpoint(endpoint);
    },
  });

  app.get('/api/v1/authority/webhook-deliveries', {
    onRequest: requireAgency,
    schema: {
      tags: ['agencies'],
      operationId: 'listWebhookDeliveries',
      summary: "Read the agency's webhook delivery log",
      description:
        'Every callback queued for the agency, newest first: its event, status, attempts, the last status code or error, ' +
        'and when it was delivered.',
      querystring: webhookDeliveryQuery,
      response: { 200: webhookDeliveryPageSchema, ...errors },
    },
    handler: async (request) => {
      const { deliveries, total } = await writ.webhooks.deliveriesOf(agencyPrincipal(request).agency.id, request.query);
      return { deliveries: deliveries.map(presentWebhookDelivery), total };
    },
  });
};
