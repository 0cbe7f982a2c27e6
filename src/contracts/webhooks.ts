/** An agency's webhook endpoints and delivery log (Standard Webhooks), the same for every agency. */
import { z } from 'zod';

export const newWebhookEndpointSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(2000, 'must be at most 2000 characters')
    .meta({ description: "An https:// URL of the agency's own system, on a public internet host" }),
});

export const webhookEndpointSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    createdAt: z.string(),
    disabledAt: z.string().nullable(),
  })
  .meta({ id: 'WebhookEndpoint' });
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

export const createdWebhookEndpointSchema = z
  .object({
    endpoint: webhookEndpointSchema,
    secret: z.string().meta({
      description:
        'The signing secret (whsec_…), shown this once: verify each call with it as Standard Webhooks says (webhook-id, webhook-timestamp, webhook-signature)',
    }),
  })
  .meta({ id: 'CreatedWebhookEndpoint' });

export const webhookEndpointListSchema = z.object({ endpoints: z.array(webhookEndpointSchema) });

export const deliveryStatusSchema = z.enum(['pending', 'delivering', 'delivered', 'failed']).meta({
  id: 'WebhookDeliveryStatus',
  description:
    'pending: not yet handed to the sender; delivering: held by the sender (an attempt under way or waiting for the next); delivered: answered 2xx; failed: every attempt failed',
});

export const webhookDeliveryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const webhookDeliverySchema = z
  .object({
    id: z.uuid().meta({ description: 'Also the webhook-id header of every attempt: the same id twice is one event' }),
    endpointId: z.uuid(),
    requestId: z.uuid().nullable(),
    eventType: z.string(),
    status: deliveryStatusSchema,
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveryPageSchema = z.object({ deliveries: z.array(webhookDeliverySchema), total: z.number().int() });
