/**
 * The portal's API-key calls (/api/v1/authority/api-keys) and their query: an agency admin officer
 * lists the agency's keys, creates one (its key comes back in that one answer) and revokes one.
 */
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { apiKeyListSchema, apiKeySchema, createdApiKeySchema, NewApiKey } from '../../../../src/contracts/api-keys.js';
import { request } from '../../api.js';

export type ApiKey = z.output<typeof apiKeySchema>;
export type CreatedApiKey = z.output<typeof createdApiKeySchema>;
export type ApiKeyList = z.output<typeof apiKeyListSchema>;

const base = '/api/v1/authority/api-keys';

export const keysApi = {
  list: (o: { signal?: AbortSignal } = {}) => request<ApiKeyList>('GET', base, o),
  // No Idempotency-Key: the answer is the key itself, which the server does not keep to give again.
  create: (body: NewApiKey) => request<CreatedApiKey>('POST', base, { body }),
  revoke: (id: string) => request<ApiKey>('POST', `${base}/${encodeURIComponent(id)}/revoke`),
};

export const apiKeysQueryKey = ['portal-keys'] as const;

export const keysQuery = () => queryOptions({ queryKey: apiKeysQueryKey, queryFn: ({ signal }) => keysApi.list({ signal }) });
