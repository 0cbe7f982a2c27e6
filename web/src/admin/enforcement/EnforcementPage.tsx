/**
 * Calls to the platform's systems that failed (the dead-letter list), to retry. (issue 12) Every
 * sink's calls: the notice sink, the content system and the alert hook, filtered by status (failed
 * by default) and sink; an admin retries a failed call, the others read.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { NavLink } from 'react-router-dom';
import { pages } from '../../../../src/contracts/pages.js';
import type { SinkDeliveryStatus, SinkKind } from '../../../../src/domain/review-vocabulary.js';
import { Loading, ProblemMessage } from '../../components/Feedback.js';
import { Frame } from '../../components/Layout.js';
import { type TFunction, useFormat, useTranslation } from '../../i18n/index.js';
import type { ApiError } from '../../problem.js';
import { queries } from '../../queries.js';
import {
  enforcementApi,
  enforcementQueryKey,
  pageSize,
  type SinkDeliveryRecord,
  type SinkFilter,
  sinkDeliveriesQuery,
  sinkDeliveriesQueryKey,
  sinkText,
} from '../../review/enforcement/enforcement-api.js';

const statuses: SinkDeliveryStatus[] = ['queued', 'sending', 'delivered', 'failed'];
const sinks: SinkKind[] = ['notice', 'enforcement', 'alert'];

function deliveryStatusText(t: TFunction, status: SinkDeliveryStatus): string {
  switch (status) {
    case 'queued':
      return t('enforcement:status.queued');
    case 'sending':
      return t('enforcement:status.sending');
    case 'delivered':
      return t('enforcement:status.delivered');
    case 'failed':
      return t('enforcement:status.failed');
  }
}

export function EnforcementPage() {
  const { t } = useTranslation('enforcement');
  const session = useQuery(queries.session());
  const nav = (
    <>
      <NavLink to={pages.review}>{t('nav.review')}</NavLink>
      <NavLink to={pages.adminEnforcement}>{t('nav.deadLetters')}</NavLink>
    </>
  );
  return (
    <Frame nav={nav}>
      <h1>{t('admin.title')}</h1>
      {session.error ? (
        <ProblemMessage error={session.error as ApiError} />
      ) : !session.data ? (
        <Loading what={t('admin.title')} />
      ) : (
        <Deliveries canRetry={session.data.user.role === 'admin'} />
      )}
    </Frame>
  );
}

function Deliveries({ canRetry }: { canRetry: boolean }) {
  const { t } = useTranslation('enforcement');
  const [filter, setFilter] = useState<SinkFilter>({ status: 'failed', sink: null, offset: 0 });
  const list = useQuery(sinkDeliveriesQuery(filter));
  const data = list.data;
  return (
    <>
      <p>{t('admin.intro')}</p>
      {data
        ? sinks
            .filter((sink) => !data.configured[sink])
            .map((sink) => (
              <p key={sink} className="alert alert-info" data-testid="sink-not-configured" data-sink={sink}>
                {t('admin.notConfigured', { sink: sinkText(t, sink) })}
              </p>
            ))
        : null}
      {data ? (
        <ul className="counts" data-testid="sink-counts">
          {statuses.map((status) => (
            <li key={status} data-status={status}>
              {deliveryStatusText(t, status)}: <strong>{data.counts[status]}</strong>
            </li>
          ))}
        </ul>
      ) : null}
      <label>
        {t('admin.filter.status')}{' '}
        <select
          data-testid="sink-filter-status"
          value={filter.status ?? ''}
          onChange={(e) => setFilter({ ...filter, status: (e.target.value || null) as SinkDeliveryStatus | null, offset: 0 })}
        >
          <option value="">{t('admin.filter.all')}</option>
          {statuses.map((status) => (
            <option key={status} value={status}>
              {deliveryStatusText(t, status)}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t('admin.filter.sink')}{' '}
        <select
          data-testid="sink-filter-sink"
          value={filter.sink ?? ''}
          onChange={(e) => setFilter({ ...filter, sink: (e.target.value || null) as SinkKind | null, offset: 0 })}
        >
          <option value="">{t('admin.filter.all')}</option>
          {sinks.map((sink) => (
            <option key={sink} value={sink}>
              {sinkText(t, sink)}
            </option>
          ))}
        </select>
      </label>
      {list.error ? <ProblemMessage error={list.error as ApiError} /> : null}
      {!data ? (
        list.error ? null : (
          <Loading what={t('admin.title')} />
        )
      ) : data.deliveries.length === 0 ? (
        <p data-testid="sink-none">{t('admin.none')}</p>
      ) : (
        <>
          <table className="table" data-testid="sink-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.column.sink')}</th>
                <th scope="col">{t('admin.column.event')}</th>
                <th scope="col">{t('admin.column.status')}</th>
                <th scope="col">{t('admin.column.attempts')}</th>
                <th scope="col">{t('admin.column.lastError')}</th>
                <th scope="col">{t('admin.column.created')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.column.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.deliveries.map((delivery) => (
                <DeliveryRow key={delivery.id} delivery={delivery} canRetry={canRetry} />
              ))}
            </tbody>
          </table>
          <nav className="paging" aria-label={t('admin.paging.label')}>
            <span>
              {t('admin.paging.range', {
                from: filter.offset + 1,
                to: filter.offset + data.deliveries.length,
                total: data.total,
              })}
            </span>{' '}
            <button
              type="button"
              className="button"
              disabled={filter.offset === 0}
              onClick={() => setFilter({ ...filter, offset: Math.max(0, filter.offset - pageSize) })}
            >
              {t('admin.paging.previous')}
            </button>{' '}
            <button
              type="button"
              className="button"
              disabled={filter.offset + pageSize >= data.total}
              onClick={() => setFilter({ ...filter, offset: filter.offset + pageSize })}
            >
              {t('admin.paging.next')}
            </button>
          </nav>
        </>
      )}
    </>
  );
}

function DeliveryRow({ delivery, canRetry }: { delivery: SinkDeliveryRecord; canRetry: boolean }) {
  const { t } = useTranslation('enforcement');
  const format = useFormat();
  const client = useQueryClient();
  const retry = useMutation({
    mutationFn: () => enforcementApi.retry(delivery.id),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: sinkDeliveriesQueryKey }),
        client.invalidateQueries({ queryKey: enforcementQueryKey }),
      ]),
  });
  return (
    <tr data-testid="sink-row" data-delivery-id={delivery.id} data-status={delivery.status} data-sink={delivery.sink}>
      <td>{sinkText(t, delivery.sink)}</td>
      <td>
        <code>{delivery.eventType}</code>
      </td>
      <td>
        <span className={`badge sink-${delivery.status}`}>{deliveryStatusText(t, delivery.status)}</span>
      </td>
      <td>{delivery.attempts}</td>
      <td>{delivery.lastError ?? ''}</td>
      <td>
        <time dateTime={delivery.createdAt}>{format.utc(delivery.createdAt)}</time>
      </td>
      <td>
        {retry.error ? <ProblemMessage error={retry.error as ApiError} /> : null}
        {canRetry && delivery.status === 'failed' ? (
          <button
            type="button"
            className="button"
            data-testid="sink-retry"
            disabled={retry.isPending}
            onClick={() => retry.mutate()}
          >
            {t('admin.retry')}
          </button>
        ) : null}
      </td>
    </tr>
  );
}
