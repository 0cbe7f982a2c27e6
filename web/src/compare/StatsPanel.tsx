/** The statistics of one country and half-year in one source, with item outcomes and the data-quality notes. */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { Loading, ProblemMessage } from '../components/Feedback.js';
import { queries } from '../queries.js';
import type { DatasetSource, GoogleStats, MetaStats, OutcomeKey, Stats } from './api.js';
import { count, exactCount, share } from './format.js';

const outcomeLabels: Record<OutcomeKey, string> = {
  removedLegal: 'Removed – legal reasons',
  removedPolicy: 'Removed – policy',
  contentNotFound: 'Content not found',
  notEnoughInformation: 'Not enough information',
  noActionTaken: 'No action taken',
  contentAlreadyRemoved: 'Content already removed',
};

function Figure({ label, value, testId }: { label: string; value: number | null; testId?: string }) {
  return (
    <div className="headline-figure card">
      <dt>{label}</dt>
      <dd data-testid={testId} data-value={value ?? ''}>
        {count(value)}
      </dd>
    </div>
  );
}

function Breakdown({ title, counts }: { title: string; counts: Record<string, number> }) {
  const rows = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (rows.length === 0) return null;
  return (
    <table className="table table-compact breakdown-table">
      <caption>{title}</caption>
      <tbody>
        {rows.map(([key, value]) => (
          <tr key={key}>
            <th scope="row">{key}</th>
            <td className="num">{count(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Outcomes({ stats }: { stats: GoogleStats }) {
  const total = Object.values(stats.itemOutcomes).reduce((s, n) => s + n, 0);
  return (
    <table className="table table-compact breakdown-table" data-testid="stats-outcomes" data-exact={stats.itemOutcomesExact}>
      <caption>
        What happened to the items{' '}
        {stats.itemOutcomesExact ? (
          <span className="badge badge-exact">exact</span>
        ) : (
          <span className="badge badge-estimated" data-testid="outcomes-estimated">
            estimated
          </span>
        )}
      </caption>
      <tbody>
        {(Object.keys(outcomeLabels) as OutcomeKey[]).map((key) => {
          const value = stats.itemOutcomes[key];
          // Whole items on screen; an estimate says so and keeps the value it was rounded from.
          const estimate = !stats.itemOutcomesExact && !Number.isInteger(value);
          return (
            <tr key={key} data-outcome={key}>
              <th scope="row">{outcomeLabels[key]}</th>
              <td
                className="num"
                data-value={value}
                title={
                  estimate ? `Estimated: ${exactCount(value)} items, shared out in proportion to Google's percentages` : undefined
                }
              >
                {estimate ? '≈ ' : ''}
                {count(value)}
              </td>
              <td className="num muted">{total ? share(value / total) : '–'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Outcomes all 0 means none were published (Google has them from 2019-H1); the API gives no flag of its own. */
const outcomesPublished = (stats: GoogleStats) => Object.values(stats.itemOutcomes).some((n) => n > 0);

function GoogleFigures({ stats }: { stats: GoogleStats }) {
  const published = outcomesPublished(stats);
  return (
    <>
      <dl className="headline compare-headline">
        <Figure label="Requests" value={stats.requests} testId="stats-requests" />
        <Figure label="Items named" value={stats.items} testId="stats-items" />
        <Figure label="Requests to date" value={stats.requestsToDate} testId="stats-requests-to-date" />
      </dl>
      {published && !stats.itemOutcomesExact ? (
        <p className="alert alert-info" role="note">
          Item outcomes are <strong>estimated</strong>: Google publishes whole percentages, and for rows of more than 100 items
          they allow more than one set of counts. The items were shared out in proportion (
          <Link to="/methodology#outcomes">how</Link>).
        </p>
      ) : null}
      <div className="breakdown-grid">
        {published ? (
          <Outcomes stats={stats} />
        ) : (
          <p className="muted" data-testid="outcomes-unpublished">
            No item outcomes are published for this half-year (Google publishes them from 2019-H1); the data-quality notes quote
            what it published instead.
          </p>
        )}
        <Breakdown title="Requests by product" counts={stats.requestsByProduct} />
        <Breakdown title="Requests by requester" counts={stats.requestsByRequester} />
      </div>
    </>
  );
}

function MetaFigures({ stats }: { stats: MetaStats }) {
  return (
    <dl className="headline compare-headline">
      <Figure label="Requests" value={stats.requests} testId="stats-requests" />
      <Figure label="Accounts requested" value={stats.accountsRequested} testId="stats-accounts" />
      <div className="headline-figure card">
        <dt>Some data produced</dt>
        <dd data-testid="stats-share-produced" data-value={stats.shareSomeDataProduced ?? ''}>
          {share(stats.shareSomeDataProduced)}
        </dd>
      </div>
      <Figure label="Legal process" value={stats.legalProcessRequests} />
      <Figure label="Emergency" value={stats.emergencyRequests} />
    </dl>
  );
}

function Warnings({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return <p className="muted warnings-none">No data-quality notes for this half-year.</p>;
  return (
    <details className="data-notes" data-testid="stats-warnings">
      <summary>
        Data-quality notes <span className="count">({warnings.length})</span>
      </summary>
      <ul>
        {warnings.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
    </details>
  );
}

function Figures({ stats }: { stats: Stats }) {
  return (
    <>
      {stats.source === 'meta-data-requests' ? <MetaFigures stats={stats} /> : <GoogleFigures stats={stats} />}
      <Warnings warnings={stats.warnings} />
    </>
  );
}

type Props = { source: DatasetSource; country: string; period: string };

export function StatsPanel({ source, country, period }: Props) {
  const stats = useQuery(queries.stats(source, country, period));
  return (
    <section className="card detail-panel" aria-labelledby="stats-heading">
      <h3 id="stats-heading">Statistics</h3>
      {stats.error?.status === 404 ? (
        <p className="empty">
          This source has no figures for {country} in {period}.
        </p>
      ) : null}
      {stats.error && stats.error.status !== 404 ? <ProblemMessage error={stats.error} /> : null}
      {stats.isPending ? <Loading what="the statistics" /> : null}
      {stats.data ? <Figures stats={stats.data} /> : null}
    </section>
  );
}
