/**
 * The staff's calls on an order's pushback and their query: read them, file one, record an outcome,
 * record an answer received by letter. A change answers with the list, which replaces the cached
 * one; the order (its history) is read again.
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  newPushbackSchema,
  pushbackOutcomeSchema,
  ReviewPushback,
  ReviewPushbacks,
  recordedAnswerSchema,
} from '../../../../src/contracts/pushbacks.js';
import { request } from '../../api.js';
import { keys } from '../../queries.js';

export type { ReviewPushback, ReviewPushbacks };

const path = (id: string, tail = '') => `/api/v1/requests/${encodeURIComponent(id)}/pushbacks${tail}`;

export const pushbackApi = {
  list: (id: string, signal?: AbortSignal) => request<ReviewPushbacks>('GET', path(id), { signal }),
  file: (id: string, body: z.output<typeof newPushbackSchema>) => request<ReviewPushbacks>('POST', path(id), { body }),
  outcome: (id: string, pushbackId: string, body: z.output<typeof pushbackOutcomeSchema>) =>
    request<ReviewPushbacks>('POST', path(id, `/${encodeURIComponent(pushbackId)}/outcome`), { body }),
  answer: (id: string, pushbackId: string, body: z.output<typeof recordedAnswerSchema>) =>
    request<ReviewPushbacks>('POST', path(id, `/${encodeURIComponent(pushbackId)}/answers`), { body }),
};

export const pushbacksKey = (id: string) => ['requests', 'pushbacks', id] as const;

export const pushbacksQuery = (id: string) =>
  queryOptions({ queryKey: pushbacksKey(id), queryFn: ({ signal }) => pushbackApi.list(id, signal) });

/** A change of the order's pushback: the answer replaces the list; the order (its history) is read again. */
export function usePushbackChange<Values>(change: (values: Values) => Promise<ReviewPushbacks>, requestId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (list) => {
      client.setQueryData(pushbacksKey(requestId), list);
      void client.invalidateQueries({ queryKey: keys.request(requestId) });
    },
  });
}

/** A `datetime-local` value (read as UTC) as the API's instant; empty: none. */
export const utcInstant = (local: string): string | null => (local ? `${local.length === 16 ? `${local}:00` : local}Z` : null);
