/**
 * The reviewers' calls on an order's thread and their query: read it, write to the authority, ask for
 * a clarification. A change answers with the thread, which replaces the cached one; the order itself
 * (its status, deadline and history) and the queue are read again, since a clarification moves them.
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ClarificationRequestInput,
  clarificationRequestSchema,
  ReviewThread,
} from '../../../../src/contracts/order-thread.js';
import { request } from '../../api.js';
import { keys } from '../../queries.js';

export type { ReviewThread };
export type ThreadMessage = ReviewThread['messages'][number];
export type ClarificationRequest = z.output<typeof clarificationRequestSchema> | ClarificationRequestInput;

const path = (id: string, tail: string) => `/api/v1/requests/${encodeURIComponent(id)}/${tail}`;

export const threadApi = {
  read: (id: string, signal?: AbortSignal) => request<ReviewThread>('GET', path(id, 'thread'), { signal }),
  write: (id: string, body: string) => request<ReviewThread>('POST', path(id, 'messages'), { body: { body } }),
  requestClarification: (id: string, body: ClarificationRequest) =>
    request<ReviewThread>('POST', path(id, 'clarification-request'), { body }),
};

export const threadKey = (id: string) => ['requests', 'thread', id] as const;

export const threadQuery = (id: string) =>
  queryOptions({ queryKey: threadKey(id), queryFn: ({ signal }) => threadApi.read(id, signal) });

/** A change on the thread: the answer replaces the thread; the order, its lists and reports are read again. */
export function useThreadChange<Values>(change: (values: Values) => Promise<ReviewThread>, requestId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (thread) => {
      client.setQueryData(threadKey(requestId), thread);
      void client.invalidateQueries({ queryKey: keys.request(requestId) });
      void client.invalidateQueries({ queryKey: keys.requestLists });
    },
  });
}
