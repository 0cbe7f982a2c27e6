/** The portal's webhook calls (/api/v1/authority/webhooks, /webhook-deliveries) and their queries. */
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  createdWebhookEndpointSchema,
  webhookDeliveryPageSchema,
  webhookEndpointListSchema,
  webhookEndpointSchema,
} from '../../../../src/contracts/webhooks.js';
import { request } from '../../api.js';

export type WebhookEndpoint = z.output<typeof webhookEndpointSchema>;
export type CreatedWebhookEndpoint = z.output<typeof createdWebhookEndpointSchema>;
export type WebhookEndpointList = z.output<typeof webhookEndpointListSchema>;
export type WebhookDeliveryPage = z.output<typeof webhookDeliveryPageSchema>;

export const deliveriesPageSize = 50;

export const webhooksApi = {
  endpoints: (o: { signal?: AbortSignal } = {}) => request<WebhookEndpointList>('GET', '/api/v1/authority/webhooks', o),
  create: (url: string) => request<CreatedWebhookEndpoint>('POST', '/api/v1/authority/webhooks', { body: { url } }),
  disable: (id: string) => request<WebhookEndpoint>('POST', `/api/v1/authority/webhooks/${encodeURIComponent(id)}/disable`),
  deliveries: (offset: number, o: { signal?: AbortSignal } = {}) =>
    request<WebhookDeliveryPage>('GET', `/api/v1/authority/webhook-deliveries?limit=${deliveriesPageSize}&offset=${offset}`, o),
};

export const webhooksQueryKey = ['portal-webhooks'] as const;

export const endpointsQuery = () =>
  queryOptions({
    queryKey: [...webhooksQueryKey, 'endpoints'] as const,
    queryFn: ({ signal }) => webhooksApi.endpoints({ signal }),
  });

export const deliveriesQuery = (offset: number) =>
  queryOptions({
    queryKey: [...webhooksQueryKey, 'deliveries', offset] as const,
    queryFn: ({ signal }) => webhooksApi.deliveries(offset, { signal }),
    refetchInterval: 10_000,
  });
