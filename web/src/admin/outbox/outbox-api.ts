/** The admin outbox calls (/api/v1/admin/outbox) and their query: list with a status filter and paging, retry a failed mail. */
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { mailStatusSchema, outboxMailSchema, outboxPageSchema } from '../../../../src/contracts/outbox.js';
import { request } from '../../api.js';

export type MailStatus = z.output<typeof mailStatusSchema>;
export type OutboxMail = z.output<typeof outboxMailSchema>;
export type OutboxPage = z.output<typeof outboxPageSchema>;
export type OutboxFilter = { status: MailStatus | null; offset: number };

export const pageSize = 50;
const base = '/api/v1/admin/outbox';

export const outboxApi = {
  list: (filter: OutboxFilter, o: { signal?: AbortSignal } = {}) => {
    const query = new URLSearchParams({ limit: String(pageSize), offset: String(filter.offset) });
    if (filter.status) query.set('status', filter.status);
    return request<OutboxPage>('GET', `${base}?${query}`, o);
  },
  retry: (id: string) => request<OutboxMail>('POST', `${base}/${encodeURIComponent(id)}/retry`),
};

export const outboxQueryKey = ['admin-outbox'] as const;

export const outboxQuery = (filter: OutboxFilter) =>
  queryOptions({
    queryKey: [...outboxQueryKey, filter] as const,
    queryFn: ({ signal }) => outboxApi.list(filter, { signal }),
    // Mails move on their own (the sender works in the background): refresh while the page is open.
    refetchInterval: 10_000,
  });
