/** The staff's calls of queue work (issue 12): claim, release, assign an order; preview and apply a bulk decision. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { bulkDecisionSchema, bulkPreviewSchema, bulkResultSchema } from '../../../../src/contracts/queue-work.js';
import { type RequestDetail, request } from '../../api.js';
import { keys } from '../../queries.js';

export type BulkPreview = z.output<typeof bulkPreviewSchema>;
export type BulkResult = z.output<typeof bulkResultSchema>;
export type BulkDecisionBody = z.input<typeof bulkDecisionSchema>;

const path = (id: string, tail: string) => `/api/v1/requests/${encodeURIComponent(id)}${tail}`;

export const queueWorkApi = {
  claim: (id: string) => request<RequestDetail>('POST', path(id, '/claim')),
  release: (id: string) => request<RequestDetail>('POST', path(id, '/release')),
  assign: (id: string, userId: string | null) => request<RequestDetail>('PUT', path(id, '/assignee'), { body: { userId } }),
  preview: (id: string, body: { targetPattern: string; onlyUndecided: boolean }) =>
    request<BulkPreview>('POST', path(id, '/items/bulk-decision/preview'), { body }),
  bulk: (id: string, body: BulkDecisionBody) => request<BulkResult>('POST', path(id, '/items/bulk-decision'), { body }),
};

/** A change of the order's assignee: the answer replaces the cached order; the queue's lists are read again. */
export function useAssigneeChange(requestId: string, change: () => Promise<RequestDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (detail) => {
      client.setQueryData(keys.request(requestId), detail);
      void client.invalidateQueries({ queryKey: keys.requestLists });
    },
  });
}
