/**
 * The staff's calls on an order's publication (issue 13) and their queries: read (a draft is made on
 * first read), save the choices, approve, correct, withdraw, and the list by status. A change answers
 * with the publication, which replaces the cached one; the order (its history) is read again.
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  CorrectionBody,
  Publication,
  PublicationChoicesBody,
  PublicationList,
  WithdrawalBody,
} from '../../../../src/contracts/publications.js';
import type { PublicationStatus } from '../../../../src/domain/publishing-vocabulary.js';
import { request } from '../../api.js';
import { keys } from '../../queries.js';

export type { Publication, PublicationList };

const path = (id: string, tail = '') => `/api/v1/requests/${encodeURIComponent(id)}/publication${tail}`;

export const publicationApi = {
  get: (id: string, signal?: AbortSignal) => request<Publication>('GET', path(id), { signal }),
  save: (id: string, body: PublicationChoicesBody) => request<Publication>('PUT', path(id), { body }),
  approve: (id: string) => request<Publication>('POST', path(id, '/approve')),
  correct: (id: string, body: CorrectionBody) => request<Publication>('POST', path(id, '/correct'), { body }),
  withdraw: (id: string, body: WithdrawalBody) => request<Publication>('POST', path(id, '/withdraw'), { body }),
  list: (status: PublicationStatus | null, signal?: AbortSignal) =>
    request<PublicationList>('GET', `/api/v1/publications${status ? `?status=${encodeURIComponent(status)}` : ''}`, {
      signal,
    }),
};

export const publicationKey = (id: string) => ['requests', 'publication', id] as const;

export const publicationQuery = (id: string) =>
  queryOptions({ queryKey: publicationKey(id), queryFn: ({ signal }) => publicationApi.get(id, signal) });

export const publicationsQuery = (status: PublicationStatus | null) =>
  queryOptions({
    queryKey: ['publications', status ?? 'all'] as const,
    queryFn: ({ signal }) => publicationApi.list(status, signal),
  });

/** A change of the publication: the answer replaces it; the order (its history) and the lists are read again. */
export function usePublicationChange<Values>(change: (values: Values) => Promise<Publication>, requestId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (publication) => {
      client.setQueryData(publicationKey(requestId), publication);
      void client.invalidateQueries({ queryKey: keys.request(requestId) });
      void client.invalidateQueries({ queryKey: ['publications'] });
    },
  });
}
