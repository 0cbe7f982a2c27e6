/** The agency's webhook delivery log: each callback's event, status, attempts, last answer or error, and times. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TFunction } from '../../i18n/index.js';
import { Instant, Loading, Problem } from '../orders/common.js';
import { useWebhooksT } from './i18n.js';
import { deliveriesPageSize, deliveriesQuery, type WebhookDeliveryPage } from './webhooks-api.js';

type Status = WebhookDeliveryPage['deliveries'][number]['status'];

function statusText(t: TFunction, status: Status): string {
  switch (status) {
    case 'pending':
      return t('status.pending');
    case 'delivering':
      return t('status.delivering');
    case 'delivered':
      return t('status.delivered');
    case 'failed':
      return t('status.failed');
  }
}

export function DeliveryLog() {
  const { t } = useWebhooksT();
  const [offset, setOffset] = useState(0);
  const log = useQuery(deliveriesQuery(offset));
  const data = log.data;
  return (
    <section aria-labelledby="webhook-deliveries">
      <h2 id="webhook-deliveries">{t('log.title')}</h2>
      {log.error ? <Problem error={log.error} /> : null}
      {!data ? (
        log.error ? null : (
          <Loading />
        )
      ) : data.deliveries.length === 0 ? (
        <p data-testid="deliveries-none">{t('log.none')}</p>
      ) : (
        <>
          <table className="table" data-testid="deliveries-table">
            <thead>
              <tr>
                <th scope="col">{t('log.event')}</th>
                <th scope="col">{t('log.status')}</th>
                <th scope="col">{t('log.attempts')}</th>
                <th scope="col">{t('log.lastAnswer')}</th>
                <th scope="col">{t('log.created')}</th>
                <th scope="col">{t('log.delivered')}</th>
              </tr>
            </thead>
            <tbody>
              {data.deliveries.map((d) => (
                <tr key={d.id} data-testid="delivery-row" data-status={d.status}>
                  <td>
                    <code>{d.eventType}</code>
                  </td>
                  <td>{statusText(t, d.status)}</td>
                  <td>{d.attempts}</td>
                  <td>{d.lastStatusCode ?? d.lastError ?? ''}</td>
                  <td>
                    <Instant iso={d.createdAt} />
                  </td>
                  <td>{d.deliveredAt ? <Instant iso={d.deliveredAt} /> : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="paging" aria-label={t('log.pages')}>
            <span>{t('log.range', { from: offset + 1, to: offset + data.deliveries.length, total: data.total })}</span>{' '}
            <button
              type="button"
              className="button"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - deliveriesPageSize))}
            >
              {t('log.previous')}
            </button>{' '}
            <button
              type="button"
              className="button"
              disabled={offset + deliveriesPageSize >= data.total}
              onClick={() => setOffset(offset + deliveriesPageSize)}
            >
              {t('log.next')}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
