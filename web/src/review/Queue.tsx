/** The reviewer queue: every open request, soonest deadline first (the API orders by dueAt). */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { openStatuses } from '../../../src/domain/vocabulary.js';
import type { RegimeSummary, RequestSummary, SlaState } from '../api.js';
import { DemoBadge, Loading, ProblemMessage } from '../components/Feedback.js';
import { useDocumentTitle } from '../components/Layout.js';
import { SlaBadge } from '../components/SlaBadge.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { TimeLeftText } from '../components/TimeLeftText.js';
import { useRegimes } from '../components/useRegimes.js';
import { authorityKindLabels, countryName, requestKindLabels, slaLabels } from '../labels.js';
import { queries } from '../queries.js';
import { useNow, utcParts } from '../time.js';

function UtcInstant({ iso }: { iso: string }) {
  const { day, time } = utcParts(iso);
  return (
    <time dateTime={iso} className="nowrap">
      {day}
      <span className="sub">{time}</span>
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

export function QueuePage() {
  useDocumentTitle('Review queue');
  const now = useNow();
  const { data: list, error } = useQuery(queries.requestList(openStatuses));
  const regimes = useRegimes();

  return (
    <section className="page">
      <div className="page-heading">
        <div className="page-heading-bar">
          <h1>Review queue</h1>
          <Link to="/review/new" className="button button-primary" data-testid="queue-new-request">
            Record an order
          </Link>
        </div>
        {list ? (
          <>
            <p className="muted">{list.total === 1 ? '1 open request' : `${list.total} open requests`}, soonest deadline first</p>
            <SlaSummary requests={list.requests} />
          </>
        ) : null}
      </div>
      {error ? <ProblemMessage error={error} /> : null}
      {!list && !error ? <Loading what="the queue" /> : null}
      {list && list.requests.length === 0 ? (
        <p className="empty">Nothing waits for review. New orders appear here as they arrive.</p>
      ) : null}
      {list && list.requests.length > 0 ? (
        <div className="table-wrap">
          <table className="table queue-table">
            <caption className="visually-hidden">Open requests, soonest deadline first</caption>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Authority</th>
                <th scope="col">Kind and regime</th>
                <th scope="col">Status</th>
                <th scope="col" className="num wrap">
                  Items decided
                </th>
                <th scope="col">Received (UTC)</th>
                <th scope="col">Due (UTC)</th>
                <th scope="col">Deadline</th>
              </tr>
            </thead>
            <tbody>
              {list.requests.map((r) => (
                <tr key={r.id} data-testid="queue-row" data-reference={r.reference} data-status={r.status} data-sla={r.sla.state}>
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
                  <td data-label="Received (UTC)">
                    <UtcInstant iso={r.receivedAt} />
                  </td>
                  <td data-label="Due (UTC)">
                    <UtcInstant iso={r.dueAt} />
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
      {list && list.total > list.requests.length ? (
        <p className="muted">
          Showing the first {list.requests.length} of {list.total} open requests.
        </p>
      ) : null}
    </section>
  );
}
