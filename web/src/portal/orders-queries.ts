/**
 * The portal's order calls (the authority channel's API, /api/v1/authority/…) and their queries:
 * submit an order (under an Idempotency-Key, so that a double click or a retry makes one order),
 * attach files to it, list and read the agency's orders, follow the thread, answer, contest,
 * withdraw. Keys start with `portal-orders`, so that one invalidation covers every list and order.
 */
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { attachmentFileNameHeader } from '../../../src/contracts/authority-orders.js';
import type { RequestStatus } from '../../../src/domain/vocabulary.js';
import { request } from '../api.js';
import type {
  AnswerKind,
  AuthorityOrder,
  AuthorityOrderList,
  NewAuthorityOrder,
  OrderAttachment,
  OrderReceipt,
  OrderThread,
} from './orders/types.js';

const base = '/api/v1/authority';
const enc = encodeURIComponent;
type Options = { signal?: AbortSignal };

export type OrderListQuery = { status?: RequestStatus; limit: number; offset: number };

/** POST with a JSON body and an Idempotency-Key header. */
const postIdempotent = <T>(path: string, body: unknown, key: string): Promise<T> =>
  request<T>('POST', path, { body, headers: { 'idempotency-key': key } });

/** A file sent as its bytes, its name in a header; the server checks its size and detects its type from the bytes. */
const upload = (path: string, file: File): Promise<OrderAttachment> =>
  request<OrderAttachment>('POST', path, { file, headers: { [attachmentFileNameHeader]: encodeURIComponent(file.name) } });

const answerPaths: Record<AnswerKind, string> = {
  message: 'messages',
  clarification_answer: 'clarification-answer',
  contest: 'contest',
};

export const ordersApi = {
  submit: (order: NewAuthorityOrder, idempotencyKey: string) =>
    postIdempotent<OrderReceipt>(`${base}/orders`, order, idempotencyKey),
  attach: (orderId: string, file: File) => upload(`${base}/orders/${enc(orderId)}/attachments`, file),
  list: (query: OrderListQuery, o: Options = {}) => {
    const params = new URLSearchParams({ limit: String(query.limit), offset: String(query.offset) });
    if (query.status) params.set('status', query.status);
    return request<AuthorityOrderList>('GET', `${base}/orders?${params}`, o);
  },
  order: (id: string, o: Options = {}) => request<AuthorityOrder>('GET', `${base}/orders/${enc(id)}`, o),
  thread: (id: string, o: Options = {}) => request<OrderThread>('GET', `${base}/orders/${enc(id)}/thread`, o),
  /** A message, the answer to a clarification request, or a contest of the decision. */
  write: (id: string, kind: AnswerKind, body: string) =>
    request<OrderThread>('POST', `${base}/orders/${enc(id)}/${answerPaths[kind]}`, { body: { body } }),
  withdraw: (id: string, reason: string) =>
    request<OrderThread>('POST', `${base}/orders/${enc(id)}/withdrawal`, { body: { reason } }),
};

export const portalKeys = {
  all: ['portal-orders'] as const,
  lists: ['portal-orders', 'list'] as const,
  list: (query: OrderListQuery) => ['portal-orders', 'list', query] as const,
  order: (id: string) => ['portal-orders', 'order', id] as const,
  thread: (id: string) => ['portal-orders', 'thread', id] as const,
};

export const portalQueries = {
  list: (query: OrderListQuery) =>
    queryOptions({ queryKey: portalKeys.list(query), queryFn: ({ signal }) => ordersApi.list(query, { signal }) }),
  order: (id: string) =>
    queryOptions({ queryKey: portalKeys.order(id), queryFn: ({ signal }) => ordersApi.order(id, { signal }) }),
  thread: (id: string) =>
    queryOptions({ queryKey: portalKeys.thread(id), queryFn: ({ signal }) => ordersApi.thread(id, { signal }) }),
};

/** An order changed (submitted, answered, withdrawn, a file attached): its page and the lists are read again. */
export function orderChanged(client: QueryClient, id: string): Promise<void> {
  return Promise.all([
    client.invalidateQueries({ queryKey: portalKeys.order(id) }),
    client.invalidateQueries({ queryKey: portalKeys.thread(id) }),
    client.invalidateQueries({ queryKey: portalKeys.lists }),
  ]).then(() => undefined);
}
