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
import { authorityKindLabels, countryName, requestKindLabels, slaLabels } from '../labels.js';
import { queries } from '../queries.js';
import { useNow } from '../time.js';
import { hrefOf, QueueFilterBar, QueueTabs } from './QueueFilters.js';
import {
  countText,
  defaultFilters,
  filtersFromParams,
  hasNextPage,
  isFiltered,
  listQuery,
  pageRange,
  paramsFromFilters,
  type QueueFilters,
  showsOpenOrders,
  withFilters,
} from './queue-filters.js';
import { readerTimeZone, zonedTimes } from './zoned-time.js';

const whoseWords = { reader: 'your time', authority: 'authority’s time', both: 'your and the authority’s time' } as const;

/** An instant in the reader's zone and, beneath it, the authority's, each zone named. */
function ZonedInstant({ iso, authorityZone, testId }: { iso: string; authorityZone: string; testId: string }) {
  const times = zonedTimes(iso, readerTimeZone(), authorityZone);
  return (
    <time dateTime={iso} className="zoned-instant" data-testid={testId}>
      {times.map((t, i) => (
        <span
          key={t.whose}
          className={i === 0 ? 'zoned-time' : 'zoned-time sub'}
          data-whose={t.whose}
          data-zone={t.zone}
          title={whoseWords[t.whose]}
        >
          <span className="nowrap">{t.text}</span> <span className="zone-name">{t.zone}</span>
        </span>
      ))}
    </time>
  );
}

/** The regime a request falls under, or a plain note that its deadline is a platform policy. */
function RegimeText({ request, regime }: { request: RequestSummary; regime: RegimeSummary | undefined }) {
  if (!request.regime) return <span className="sub">No regime named: policy deadline</span>;
  return (
    <span className="sub regime-ref" data-testid="queue-regime" data-regime={request.regime}>
      {regime ? (
        <span className="regime-name" title={regime.name.en}>
          {regime.name.en}
        </span>
      ) : null}
      <code>{request.regime}</code>
    </span>
  );
}

/** `2 overdue · 1 due soon · 5 on track`: the open requests by SLA state, most urgent first. */
function SlaSummary({ requests }: { requests: readonly RequestSummary[] }) {
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
          <strong>{c.count}</strong> {slaLabels[c.state].toLowerCase()}
        </span>
      ))}
    </p>
  );
}

/** Previous and next page, and where this page lies: `51–100 of 230`, or `1–50 of 1,000+`. */
function Pager({ filters, list }: { filters: QueueFilters; list: RequestList }) {
  const { limit, offset } = filters;
  const shown = list.requests.length;
  const hasPrevious = offset > 0;
  const hasNext = hasNextPage(filters, shown, list);
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className="pager" aria-label="Pages of orders">
      {hasPrevious ? (
        <Link
          to={hrefOf(withFilters(filters, { offset: Math.max(0, offset - limit) }))}
          className="button"
          data-testid="queue-page-previous"
        >
          ← Previous
        </Link>
      ) : null}
      <span className="pager-range" data-testid="queue-page-range">
        {pageRange(offset, shown, list)}
      </span>
      {hasNext ? (
        <Link to={hrefOf(withFilters(filters, { offset: offset + limit }))} className="button" data-testid="queue-page-next">
          Next →
        </Link>
      ) : null}
    </nav>
  );
}

function Heading({ filters, list }: { filters: QueueFilters; list: RequestList | undefined }) {
  if (list === undefined) return null;
  const open = showsOpenOrders(filters) && !isFiltered(filters);
  if (open)
    return (
      <p className="muted" data-testid="queue-open-count">
        {countText(list, 'open')}, soonest deadline first
      </p>
    );
  return (
    <p className="muted" data-testid="queue-match-count">
      {countText(list, 'match')}, soonest deadline first
    </p>
  );
}

export function QueuePage() {
  useDocumentTitle('Review queue');
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
          <h1>Review queue</h1>
          <Link to="/review/new" className="button button-primary" data-testid="queue-new-request">
            Record an order
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
      {!list && !error ? <Loading what="the queue" /> : null}
      {list && list.requests.length === 0 && filtered ? (
        <div className="empty" data-testid="queue-empty">
          <p>No orders match these filters.</p>
          <Link to={hrefOf({ ...defaultFilters, limit: filters.limit })} data-testid="queue-empty-clear">
            Clear the filters
          </Link>
        </div>
      ) : null}
      {list && list.requests.length === 0 && !filtered ? (
        <p className="empty" data-testid="queue-empty">
          {filters.offset > 0 ? (
            <>
              No orders on this page. <Link to={hrefOf(withFilters(filters, {}))}>Back to the first page</Link>
            </>
          ) : (
            'Nothing waits for review. New orders appear here as they arrive.'
          )}
        </p>
      ) : null}
      {list && list.requests.length > 0 ? (
        <div className="table-wrap" aria-busy={isPlaceholderData}>
          <table className={isPlaceholderData ? 'table queue-table stale' : 'table queue-table'}>
            <caption className="visually-hidden">Orders, soonest deadline first</caption>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Authority</th>
                <th scope="col">Kind and regime</th>
                <th scope="col">Status</th>
                <th scope="col" className="num wrap">
                  Items decided
                </th>
                <th scope="col">Received</th>
                <th scope="col">Due</th>
                <th scope="col">Deadline</th>
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
                  <td className="authority-cell" data-label="Authority">
                    <span className="authority-name">{r.authority.name}</span>
                    <span className="sub">
                      {countryName(r.authority.country)} ({r.authority.country}) · {authorityKindLabels[r.authority.kind]}
                    </span>
                  </td>
                  <td className="kind-cell" data-label="Kind and regime">
                    {requestKindLabels[r.kind]}
                    <RegimeText request={r} regime={r.regime ? regimes.get(r.regime) : undefined} />
                  </td>
                  <td className="status-cell" data-label="Status">
                    <StatusBadge status={r.status} />
                  </td>
                  <td className="num" data-label="Items decided" title={`${r.decidedItemCount} of ${r.itemCount} items decided`}>
                    {r.decidedItemCount} / {r.itemCount}
                  </td>
                  <td data-label="Received">
                    <ZonedInstant iso={r.receivedAt} authorityZone={r.authorityTimeZone} testId="queue-received" />
                  </td>
                  <td data-label="Due">
                    <ZonedInstant iso={r.dueAt} authorityZone={r.authorityTimeZone} testId="queue-due" />
                  </td>
                  <td className="time-left-cell" data-label="Deadline">
                    <SlaBadge state={r.sla.state} />
                    <span className="sub">
                      <TimeLeftText receivedAt={r.receivedAt} dueAt={r.dueAt} now={now} dueSoonAt={r.sla.dueSoonAt} />
                    </span>
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
