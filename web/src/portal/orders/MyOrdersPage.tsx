/**
 * The agency's orders, newest first, a page at a time, filtered by status: each with Writ's
 * reference, the authority's own, when it was received and is due (the reader's zone, named), its
 * status and how many of its items are decided. Page and filter live in the URL.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { type RequestStatus, requestStatuses } from '../../../../src/domain/vocabulary.js';
import { useDocumentTitle } from '../../components/Layout.js';
import { label } from '../../labels.js';
import { portalQueries } from '../orders-queries.js';
import { Instant, Loading, Problem, StatusText } from './common.js';
import { usePortalT } from './i18n.js';
import './orders.css';

const pageSize = 25;

function statusOf(value: string | null): RequestStatus | undefined {
  return (requestStatuses as readonly string[]).includes(value ?? '') ? (value as RequestStatus) : undefined;
}

export function MyOrdersPage() {
  const { t } = usePortalT();
  useDocumentTitle(t('list.title'));
  const [params, setParams] = useSearchParams();
  const status = statusOf(params.get('status'));
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const list = useQuery({
    ...portalQueries.list({ status, limit: pageSize, offset: (page - 1) * pageSize }),
    placeholderData: keepPreviousData,
  });

  function go(next: { status?: RequestStatus; page: number }) {
    const search = new URLSearchParams();
    if (next.status) search.set('status', next.status);
    if (next.page > 1) search.set('page', String(next.page));
    setParams(search);
  }

  const total = list.data?.total ?? 0;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <section className="page portal-orders">
      <div className="page-heading">
        <h1>{t('list.title')}</h1>
        <p className="actions">
          <Link className="button button-primary" to="/portal/orders/new" data-testid="orders-new">
            {t('list.new')}
          </Link>
        </p>
      </div>
      <div className="field filter">
        <label htmlFor="orders-status">{t('list.status')}</label>
        <select
          id="orders-status"
          data-testid="orders-status"
          value={status ?? ''}
          onChange={(e) => go({ status: statusOf(e.target.value), page: 1 })}
        >
          <option value="">{t('list.anyStatus')}</option>
          {requestStatuses.map((s) => (
            <option key={s} value={s}>
              {label(t, 'status', s)}
            </option>
          ))}
        </select>
      </div>
      {list.error ? <Problem error={list.error} /> : null}
      {!list.data ? (
        list.error ? null : (
          <Loading />
        )
      ) : list.data.orders.length === 0 ? (
        <p className="muted" data-testid="orders-empty">
          {status ? t('list.noneWithStatus') : t('list.none')}
        </p>
      ) : (
        <>
          <p className="muted" data-testid="orders-count">
            {t('list.range', { first, last, count: total })}
          </p>
          <table className="table" data-testid="orders-table">
            <thead>
              <tr>
                <th scope="col">{t('list.reference')}</th>
                <th scope="col">{t('list.received')}</th>
                <th scope="col">{t('list.due')}</th>
                <th scope="col">{t('list.status')}</th>
                <th scope="col">{t('list.items')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.orders.map((order) => (
                <tr key={order.id} data-testid="orders-row">
                  <td>
                    <Link to={`/portal/orders/${order.id}`} className="reference">
                      {order.reference}
                    </Link>
                    {order.authorityReference ? <span className="sub">{order.authorityReference}</span> : null}
                  </td>
                  <td>
                    <Instant iso={order.receivedAt} />
                  </td>
                  <td>
                    <Instant iso={order.dueAt} />
                  </td>
                  <td>
                    <StatusText status={order.status} />
                  </td>
                  <td>{t('list.decidedOf', { decided: order.decidedItemCount, count: order.itemCount })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="actions pager" aria-label={t('list.pages')}>
            <button type="button" className="button" disabled={page <= 1} onClick={() => go({ status, page: page - 1 })}>
              {t('list.previous')}
            </button>
            <button type="button" className="button" disabled={last >= total} onClick={() => go({ status, page: page + 1 })}>
              {t('list.next')}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
