/** The enforcement calls of the web (issue 12): an order's actions, the calls to the platform's systems, a retry. */
import { queryOptions } from '@tanstack/react-query';
import type {
  EnforcementActionRecord,
  RequestEnforcement,
  SinkDeliveriesPage,
  SinkDeliveryRecord,
} from '../../../../src/contracts/enforcement.js';
import type {
  EnforcementAction,
  EnforcementStatus,
  SinkDeliveryStatus,
  SinkKind,
} from '../../../../src/domain/review-vocabulary.js';
import { request } from '../../api.js';
import type { TFunction } from '../../i18n/index.js';

export type { EnforcementActionRecord, RequestEnforcement, SinkDeliveriesPage, SinkDeliveryRecord };
export type SinkFilter = { status: SinkDeliveryStatus | null; sink: SinkKind | null; offset: number };

export const pageSize = 50;

export const enforcementApi = {
  ofRequest: (id: string, o: { signal?: AbortSignal } = {}) =>
    request<RequestEnforcement>('GET', `/api/v1/requests/${encodeURIComponent(id)}/enforcement`, o),
  deliveries: (filter: SinkFilter, o: { signal?: AbortSignal } = {}) => {
    const query = new URLSearchParams({ limit: String(pageSize), offset: String(filter.offset) });
    if (filter.status) query.set('status', filter.status);
    if (filter.sink) query.set('sink', filter.sink);
    return request<SinkDeliveriesPage>('GET', `/api/v1/admin/sink-deliveries?${query}`, o);
  },
  retry: (id: string) => request<SinkDeliveryRecord>('POST', `/api/v1/admin/sink-deliveries/${encodeURIComponent(id)}/retry`),
};

export const enforcementQueryKey = ['enforcement'] as const;
export const sinkDeliveriesQueryKey = ['admin-sink-deliveries'] as const;

export const requestEnforcementQuery = (requestId: string) =>
  queryOptions({
    queryKey: [...enforcementQueryKey, requestId] as const,
    queryFn: ({ signal }) => enforcementApi.ofRequest(requestId, { signal }),
    // The content system confirms on its own time: refresh while the page is open.
    refetchInterval: 5_000,
  });

export const sinkDeliveriesQuery = (filter: SinkFilter) =>
  queryOptions({
    queryKey: [...sinkDeliveriesQueryKey, filter] as const,
    queryFn: ({ signal }) => enforcementApi.deliveries(filter, { signal }),
    refetchInterval: 10_000,
  });

export function actionText(t: TFunction, action: EnforcementAction): string {
  switch (action) {
    case 'remove_globally':
      return t('enforcement:action.remove_globally');
    case 'restrict_in_country':
      return t('enforcement:action.restrict_in_country');
    case 'restore':
      return t('enforcement:action.restore');
  }
}

export function statusText(t: TFunction, status: EnforcementStatus): string {
  switch (status) {
    case 'queued':
      return t('enforcement:status.queued');
    case 'sending':
      return t('enforcement:status.sending');
    case 'delivered':
      return t('enforcement:status.delivered');
    case 'confirmed':
      return t('enforcement:status.confirmed');
    case 'failed':
      return t('enforcement:status.failed');
  }
}

export function sinkText(t: TFunction, sink: SinkKind): string {
  switch (sink) {
    case 'notice':
      return t('enforcement:sink.notice');
    case 'enforcement':
      return t('enforcement:sink.enforcement');
    case 'alert':
      return t('enforcement:sink.alert');
  }
}
