/**
 * The reviewer queue: the open orders by default, soonest deadline first (the API orders by dueAt),
 * or any others the filters ask for; the filters and the page live in the URL (queue-filters.ts).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { RegimeSummary, RequestList, RequestSummary, SlaState } from '../api.js';
import { DemoBadge, Loading, ProblemMessage } from '../components/Feedback.js';
import { useDocumentTitle } from '../components/Layout.js';
import { SlaBadge } from '../components/SlaBadge.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { TimeLeftText } from '../components/TimeLeftText.js';
import { useRegimes } from '../components/useRegimes.js';
import { type TFunction, useFormat, useLocale, useTranslation } from '../i18n/index.js';
import { countryNameIn, label } from '../labels.js';
import { queries } from '../queries.js';
import { useNow } from '../time.js';
import { hrefOf, QueueFilterBar, QueueTabs } from './QueueFilters.js';
import {
  defaultFilters,
  filtersFromParams,
  hasNextPage,
  isFiltered,
  listQuery,
  paramsFromFilters,
  type QueueFilters,
  showsOpenOrders,
  withFilters,
} from './queue-filters.js';
import { readerTimeZone, zonedTimes } from './zoned-time.js';

/** An instant in the reader's zone and, beneath it, the authority's, each zone named. */
function ZonedInstant({ iso, authorityZone, testId }: { iso: string; authorityZone: string; testId: string }) {
  const { t: translate } = useTranslation('review');
  const times = zonedTimes(iso, readerTimeZone(), authorityZone, useLocale());
  return (
    <time dateTime={iso} className="zoned-instant" data-testid={testId}>
      {times.map((t, i) => (
        <span
          key={t.whose}
          className={i === 0 ? 'zoned-time' : 'zoned-time sub'}
          data-whose={t.whose}
          data-zone={t.zone}
          title={translate(`queue.whose.${t.whose}`)}
        >
          <span className="nowrap">{t.text}</span> <span className="zone-name">{t.zone}</span>
        </span>
      ))}
    </time>
  );
}

/** The regime a request falls under, or a plain note that its deadline is a platform policy. */
function RegimeText({ request, regime }: { request: RequestSummary; regime: RegimeSummary | undefined }) {
  const { t, i18n } = useTranslation('review');
  if (!request.regime) return <span className="sub">{t('queue.noRegime')}</span>;
  const name = regime?.name.local && regime.name.localLanguage === i18n.resolvedLanguage ? regime.name.local : regime?.name.en;
  return (
    <span className="sub regime-ref" data-testid="queue-regime" data-regime={request.regime}>
      {regime ? (
        <span className="regime-name" title={name}>
          {name}
        </span>
      ) : null}
      <code>{request.regime}</code>
    </span>
  );
}

/** `2 overdue · 1 due soon · 5 on track`: the open requests by SLA state, most urgent first. */
function SlaSummary({ requests }: { requests: readonly RequestSummary[] }) {
  const { t } = useTranslation('review');
  const locale = useLocale();
  const order: SlaState[] = ['overdue', 'due_soon', 'on_track'];
  const counts = order
    .map((state) => ({ state, count: requests.filter((r) => r.sla.state === state).length }))
    .filter((c) => c.count > 0);
  if (counts.length === 0) return null;
  return (
    <p className="sla-summary" data-testid="sla-summary">
      {counts.map((c, i) => (
        <span key={c.state} className={`sla-count sla-count-${c.state}`}>
          {i > 0 ? ' · ' : ''}
          <strong>{c.count}</strong> {label(t, 'sla', c.state).toLocaleLowerCase(locale)}
        </span>
      ))}
    </p>
  );
}

/** Previous and next page, and where this page lies: `51–100 of 230`, or `1–50 of 1,000+`. */
function Pager({ filters, list }: { filters: QueueFilters; list: RequestList }) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const { limit, offset } = filters;
  const shown = list.requests.length;
  const hasPrevious = offset > 0;
  const hasNext = hasNextPage(filters, shown, list);
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className="pager" aria-label={t('queue.pages')}>
      {hasPrevious ? (
        <Link
          to={hrefOf(withFilters(filters, { offset: Math.max(0, offset - limit) }))}
          className="button"
          data-testid="queue-page-previous"
        >
          {t('queue.previous')}
        </Link>
      ) : null}
      <span className="pager-range" data-testid="queue-page-range">
        {shown === 0
          ? t('queue.emptyRange', { total: totalText(format.number, list) })
          : t('queue.range', { from: offset + 1, to: offset + shown, total: totalText(format.number, list) })}
      </span>
      {hasNext ? (
        <Link to={hrefOf(withFilters(filters, { offset: offset + limit }))} className="button" data-testid="queue-page-next">
          {t('queue.next')}
        </Link>
      ) : null}
    </nav>
  );
}

/** `230`, or `1,000+` past the API's count. */
function totalText(number: (n: number) => string, list: RequestList): string {
  return list.totalIsLowerBound ? `${number(list.total)}+` : number(list.total);
}

/** `3 open requests` / `more than 1,000 orders match`, in the UI's language. */
function countText(t: TFunction, list: RequestList, what: 'open' | 'match'): string {
  return t(`review:queue.${what}`, { count: list.total, bound: list.totalIsLowerBound ? 'yes' : 'no' });
}

function Heading({ filters, list }: { filters: QueueFilters; list: RequestList | undefined }) {
  const { t } = useTranslation('review');
  if (list === undefined) return null;
  const open = showsOpenOrders(filters) && !isFiltered(filters);
  if (open)
    return (
      <p className="muted" data-testid="queue-open-count">
        {t('queue.soonestFirst', { count: countText(t, list, 'open') })}
      </p>
    );
  return (
    <p className="muted" data-testid="queue-match-count">
      {t('queue.soonestFirst', { count: countText(t, list, 'match') })}
    </p>
  );
}

export function QueuePage() {
  const { t } = useTranslation('review');
  const locale = useLocale();
  useDocumentTitle(t('queue.title'));
  const now = useNow();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const onChange = useCallback((next: QueueFilters) => setParams(paramsFromFilters(next)), [setParams]);
  const {
    data: list,
    error,
    isPlaceholderData,
  } = useQuery({
    ...queries.requestList(listQuery(filters)),
    placeholderData: keepPreviousData,
  });
  const regimes = useRegimes();
  const filtered = isFiltered(filters);

  return (
    <section className="page">
      <div className="page-heading">
        <div className="page-heading-bar">
          <h1>{t('queue.title')}</h1>
          <Link to="/review/new" className="button button-primary" data-testid="queue-new-request">
            {t('common:nav.newOrder')}
          </Link>
        </div>
        <Heading filters={filters} list={list} />
        {/* Counted over the page's rows: only true of the whole queue when it fits on one page. */}
        {list && showsOpenOrders(filters) && !list.totalIsLowerBound && list.total === list.requests.length ? (
          <SlaSummary requests={list.requests} />
        ) : null}
      </div>
      <QueueTabs filters={filters} />
      <QueueFilterBar filters={filters} onChange={onChange} />
      {error ? <ProblemMessage error={error} /> : null}
      {!list && !error ? <Loading what="queue" /> : null}
      {list && list.requests.length === 0 && filtered ? (
        <div className="empty" data-testid="queue-empty">
          <p>{t('queue.noMatch')}</p>
          <Link to={hrefOf({ ...defaultFilters, limit: filters.limit })} data-testid="queue-empty-clear">
            {t('queue.clearFilters')}
          </Link>
        </div>
      ) : null}
      {list && list.requests.length === 0 && !filtered ? (
        <p className="empty" data-testid="queue-empty">
          {filters.offset > 0 ? (
            <>
              {t('queue.emptyPage')} <Link to={hrefOf(withFilters(filters, {}))}>{t('queue.firstPage')}</Link>
            </>
          ) : (
            t('queue.nothingWaits')
          )}
        </p>
      ) : null}
      {list && list.requests.length > 0 ? (
        <div className="table-wrap" aria-busy={isPlaceholderData}>
          <table className={isPlaceholderData ? 'table queue-table stale' : 'table queue-table'}>
            <caption className="visually-hidden">{t('queue.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('queue.column.reference')}</th>
                <th scope="col">{t('queue.column.authority')}</th>
                <th scope="col">{t('queue.column.kind')}</th>
                <th scope="col">{t('queue.column.status')}</th>
                <th scope="col" className="num wrap">
                  {t('queue.column.decided')}
                </th>
                <th scope="col">{t('queue.column.received')}</th>
                <th scope="col">{t('queue.column.due')}</th>
                <th scope="col">{t('queue.column.deadline')}</th>
                <th scope="col">{t('queue-work:column.assignee')}</th>
              </tr>
            </thead>
            <tbody>
              {list.requests.map((r) => (
                <tr
                  key={r.id}
                  data-testid="queue-row"
                  data-reference={r.reference}
                  data-status={r.status}
                  data-sla={r.sla.state}
                  data-country={r.authority.country}
                >
                  <th scope="row">
                    <Link to={`/review/requests/${r.id}`} className="reference">
                      {r.reference}
                    </Link>
                    {r.isDemo ? (
                      <>
                        {' '}
                        <DemoBadge />
                      </>
                    ) : null}
                  </th>
                  <td className="authority-cell" data-label={t('queue.column.authority')}>
                    <span className="authority-name">{r.authority.name}</span>
                    <span className="sub">
                      {countryNameIn(r.authority.country, locale)} ({r.authority.country}) ·{' '}
                      {label(t, 'authorityKind', r.authority.kind)}
                    </span>
                  </td>
                  <td className="kind-cell" data-label={t('queue.column.kind')}>
                    {label(t, 'requestKind', r.kind)}
                    <RegimeText request={r} regime={r.regime ? regimes.get(r.regime) : undefined} />
                  </td>
                  <td className="status-cell" data-label={t('queue.column.status')}>
                    <StatusBadge status={r.status} />
                  </td>
                  <td
                    className="num"
                    data-label={t('queue.column.decided')}
                    title={t('queue.decidedTitle', { decided: r.decidedItemCount, count: r.itemCount })}
                  >
                    {r.decidedItemCount} / {r.itemCount}
                  </td>
                  <td data-label={t('queue.column.received')}>
                    <ZonedInstant iso={r.receivedAt} authorityZone={r.authorityTimeZone} testId="queue-received" />
                  </td>
                  <td data-label={t('queue.column.due')}>
                    <ZonedInstant iso={r.dueAt} authorityZone={r.authorityTimeZone} testId="queue-due" />
                  </td>
                  <td className="time-left-cell" data-label={t('queue.column.deadline')}>
                    <SlaBadge state={r.sla.state} />
                    <span className="sub">
                      <TimeLeftText receivedAt={r.receivedAt} dueAt={r.dueAt} now={now} dueSoonAt={r.sla.dueSoonAt} />
                    </span>
                  </td>
                  <td data-label={t('queue-work:column.assignee')} data-testid="queue-assignee-cell">
                    {r.assignee ? r.assignee.name : <span className="muted">{t('queue-work:column.unassigned')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {list ? <Pager filters={filters} list={list} /> : null}
    </section>
  );
}
