/** One request: what the authority ordered, when it is due, its items and decisions, its history. */
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { acceptsDecisions } from '../../../src/domain/request-lifecycle.js';
import { openStatuses } from '../../../src/domain/vocabulary.js';
import type { RequestDetail } from '../api.js';
import { DemoBadge, DemoBanner, Loading, ProblemMessage } from '../components/Feedback.js';
import { useDocumentTitle } from '../components/Layout.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { TimeLeftText } from '../components/TimeLeftText.js';
import { authorityKindLabels, channelLabels, countryName, requestKindLabels } from '../labels.js';
import { queries } from '../queries.js';
import { formatInZone, formatUtc, useNow } from '../time.js';
import { DeadlinePanel } from './DeadlinePanel.js';
import { History } from './History.js';
import { ItemCard } from './ItemCard.js';
import { StatusActions } from './StatusActions.js';
import { readerTimeZone } from './zoned-time.js';

/** An instant in UTC and, beneath it, in the authority's own time zone and the reader's (when another). */
function Instant({ iso, timeZone }: { iso: string; timeZone: string }) {
  const local = formatInZone(iso, timeZone);
  const readerZone = readerTimeZone();
  const yours = readerZone === timeZone || readerZone === 'UTC' ? null : formatInZone(iso, readerZone);
  return (
    <>
      <time dateTime={iso}>{formatUtc(iso)}</time>
      {local ? <span className="sub">Authority’s time: {local}</span> : null}
      {yours ? <span className="sub">Your time: {yours}</span> : null}
    </>
  );
}

function Header({ request, now }: { request: RequestDetail; now: Date }) {
  const open = openStatuses.includes(request.status);
  return (
    <>
      <div className="page-heading">
        <p className="breadcrumb">
          <Link to="/review">← Review queue</Link>
        </p>
        <h1>
          <span className="reference">{request.reference}</span> {request.isDemo ? <DemoBadge /> : null}
        </h1>
        <p className="lede">
          {requestKindLabels[request.kind]} order · <StatusBadge status={request.status} testId="request-status" />
        </p>
      </div>
      <dl className="facts card">
        <dt>Authority</dt>
        <dd>
          {request.authority.name}
          <span className="sub">
            {countryName(request.authority.country)} ({request.authority.country}) · {authorityKindLabels[request.authority.kind]}
          </span>
        </dd>
        {request.authorityReference ? (
          <>
            <dt>Authority’s reference</dt>
            <dd>{request.authorityReference}</dd>
          </>
        ) : null}
        <dt>Legal basis</dt>
        <dd className="legal-basis">{request.legalBasis}</dd>
        <dt>Claimed categories</dt>
        <dd>
          {request.claimedCategories.length ? (
            <ul className="chips">
              {request.claimedCategories.map((c) => (
                <li key={c} className="chip">
                  {c}
                </li>
              ))}
            </ul>
          ) : (
            <span className="muted">None stated</span>
          )}
        </dd>
        <dt>Channel</dt>
        <dd>{channelLabels[request.channel]}</dd>
        <dt>Received</dt>
        <dd>
          <Instant iso={request.receivedAt} timeZone={request.authorityTimeZone} />
        </dd>
        <dt>Due</dt>
        <dd>
          <Instant iso={request.dueAt} timeZone={request.authorityTimeZone} />
          {open ? (
            <span className="sub">
              <TimeLeftText receivedAt={request.receivedAt} dueAt={request.dueAt} now={now} dueSoonAt={request.sla.dueSoonAt} />
            </span>
          ) : null}
          <span className="sub">
            <a href="#deadline-heading">How this deadline was set</a>
          </span>
        </dd>
        {request.decidedAt ? (
          <>
            <dt>Decided</dt>
            <dd>
              <time dateTime={request.decidedAt}>{formatUtc(request.decidedAt)}</time>
            </dd>
          </>
        ) : null}
        <dt>Items decided</dt>
        <dd data-testid="request-progress">
          {request.decidedItemCount} of {request.itemCount}
        </dd>
      </dl>
    </>
  );
}

export function RequestPage() {
  const { id = '' } = useParams();
  const now = useNow();
  const { data: request, error } = useQuery(queries.request(id));
  useDocumentTitle(request ? request.reference : 'Request');

  // A request once shown stays shown when a later refresh fails.
  if (!request && error) {
    return (
      <section className="page">
        <p className="breadcrumb">
          <Link to="/review">← Review queue</Link>
        </p>
        <ProblemMessage error={error} />
      </section>
    );
  }
  if (!request) return <Loading what="the request" />;

  const decidable = acceptsDecisions(request.status);
  return (
    <article className="page request-page" data-request-id={request.id}>
      {request.isDemo ? <DemoBanner>This request is demo data, made up to show how Writ works.</DemoBanner> : null}
      <Header request={request} now={now} />
      <DeadlinePanel request={request} now={now} />

      <section className="section" aria-labelledby="status-heading">
        <h2 id="status-heading">Status</h2>
        <StatusActions request={request} />
      </section>

      <section className="section" aria-labelledby="items-heading">
        <h2 id="items-heading">
          Items <span className="count">({request.itemCount})</span>
        </h2>
        {!decidable && openStatuses.includes(request.status) ? (
          <p className="alert alert-info">Items can be decided again once the request is back in review.</p>
        ) : null}
        <ol className="items">
          {request.items.map((item) => (
            <ItemCard key={item.id} request={request} item={item} decidable={decidable} />
          ))}
        </ol>
      </section>

      <History events={request.events} items={request.items} />
    </article>
  );
}
