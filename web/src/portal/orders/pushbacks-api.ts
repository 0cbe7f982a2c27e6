/**
 * The portal's calls on the platform's pushback (issue 12): read the contests and court challenges of
 * one of the agency's orders, answer one. Keys start with `portal-orders`, so that the order's
 * invalidation (orderChanged) covers them too.
 */
import { queryOptions } from '@tanstack/react-query';
import type { AuthorityPushbacks } from '../../../../src/contracts/pushbacks.js';
import { request } from '../../api.js';

export type { AuthorityPushbacks };
export type AuthorityPushback = AuthorityPushbacks['pushbacks'][number];

const path = (orderId: string, tail = '') => `/api/v1/authority/orders/${encodeURIComponent(orderId)}/pushbacks${tail}`;

export const pushbacksApi = {
  list: (orderId: string, signal?: AbortSignal) => request<AuthorityPushbacks>('GET', path(orderId), { signal }),
  answer: (orderId: string, pushbackId: string, body: string) =>
    request<AuthorityPushbacks>('POST', path(orderId, `/${encodeURIComponent(pushbackId)}/answers`), { body: { body } }),
};

export const pushbacksKey = (orderId: string) => ['portal-orders', 'pushbacks', orderId] as const;

export const pushbacksQuery = (orderId: string) =>
  queryOptions({ queryKey: pushbacksKey(orderId), queryFn: ({ signal }) => pushbacksApi.list(orderId, signal) });
