/** The statistics of one country and half-year in one source, with item outcomes and the data-quality notes. */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { Loading, ProblemMessage } from '../components/Feedback.js';
import { useTranslation } from '../i18n/index.js';
import { queries } from '../queries.js';
import type { DatasetSource, GoogleStats, MetaRestrictionStats, MetaStats, OutcomeKey, Stats } from './api.js';
import { count, exactCount, share } from './format.js';

/** Google's outcome columns, in its order; their words are `compare:stats.outcome.<key>`. */
const outcomeKeys: readonly OutcomeKey[] = [
  'removedLegal',
  'removedPolicy',
  'contentNotFound',
  'notEnoughInformation',
  'noActionTaken',
  'contentAlreadyRemoved',
];

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
  const { t } = useTranslation('compare');
  const total = Object.values(stats.itemOutcomes).reduce((s, n) => s + n, 0);
  return (
    <table className="table table-compact breakdown-table" data-testid="stats-outcomes" data-exact={stats.itemOutcomesExact}>
      <caption>
        {t('stats.outcomes')}{' '}
        {stats.itemOutcomesExact ? (
          <span className="badge badge-exact">{t('stats.exact')}</span>
        ) : (
          <span className="badge badge-estimated" data-testid="outcomes-estimated">
            {t('stats.estimated')}
          </span>
        )}
      </caption>
      <tbody>
        {outcomeKeys.map((key) => {
          const value = stats.itemOutcomes[key];
          // Whole items on screen; an estimate says so and keeps the value it was rounded from.
          const estimate = !stats.itemOutcomesExact && !Number.isInteger(value);
          return (
            <tr key={key} data-outcome={key}>
              <th scope="row">{t(`stats.outcome.${key}`)}</th>
              <td
                className="num"
                data-value={value}
                title={estimate ? t('stats.estimateTitle', { value: exactCount(value) }) : undefined}
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
  const { t } = useTranslation('compare');
  const published = outcomesPublished(stats);
  return (
    <>
      <dl className="headline compare-headline">
        <Figure label={t('reasons.requestsColumn')} value={stats.requests} testId="stats-requests" />
        <Figure label={t('stats.items')} value={stats.items} testId="stats-items" />
        <Figure label={t('stats.toDate')} value={stats.requestsToDate} testId="stats-requests-to-date" />
      </dl>
      {published && !stats.itemOutcomesExact ? (
        <p className="alert alert-info" role="note">
          {t('stats.estimatedNote')} (<Link to="/methodology#outcomes">{t('stats.how')}</Link>).
        </p>
      ) : null}
      <div className="breakdown-grid">
        {published ? (
          <Outcomes stats={stats} />
        ) : (
          <p className="muted" data-testid="outcomes-unpublished">
            {t('stats.unpublished')}
          </p>
        )}
        <Breakdown title={t('stats.byProduct')} counts={stats.requestsByProduct} />
        <Breakdown title={t('stats.byRequester')} counts={stats.requestsByRequester} />
      </div>
    </>
  );
}

function MetaFigures({ stats }: { stats: MetaStats }) {
  const { t } = useTranslation('compare');
  return (
    <dl className="headline compare-headline">
      <Figure label={t('reasons.requestsColumn')} value={stats.requests} testId="stats-requests" />
      <Figure label={t('stats.accounts')} value={stats.accountsRequested} testId="stats-accounts" />
      <div className="headline-figure card">
        <dt>{t('stats.produced')}</dt>
        <dd data-testid="stats-share-produced" data-value={stats.shareSomeDataProduced ?? ''}>
          {share(stats.shareSomeDataProduced)}
        </dd>
      </div>
      <Figure label={t('stats.legalProcess')} value={stats.legalProcessRequests} />
      <Figure label={t('stats.emergency')} value={stats.emergencyRequests} />
    </dl>
  );
}

/** Meta's content restrictions: items restricted (the file's total), to date, internet disruptions, and the product columns. */
function RestrictionFigures({ stats }: { stats: MetaRestrictionStats }) {
  const { t } = useTranslation('compare');
  const products = Object.entries(stats.itemsRestrictedByProduct ?? {});
  return (
    <>
      <dl className="headline compare-headline">
        <Figure label={t('stats.itemsRestricted')} value={stats.itemsRestricted} testId="stats-items-restricted" />
        <Figure label={t('stats.itemsRestrictedToDate')} value={stats.itemsRestrictedToDate} />
        <Figure label={t('stats.internetDisruptions')} value={stats.internetDisruptions} testId="stats-disruptions" />
      </dl>
      {products.length ? (
        <table className="table table-compact breakdown-table">
          <caption>{t('stats.byProductRestricted')}</caption>
          <tbody>
            {products.map(([product, value]) => (
              <tr key={product}>
                <th scope="row">{product}</th>
                <td className="num">{count(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

function Warnings({ warnings }: { warnings: readonly string[] }) {
  const { t } = useTranslation('compare');
  if (warnings.length === 0) return <p className="muted warnings-none">{t('stats.noNotes')}</p>;
  return (
    <details className="data-notes" data-testid="stats-warnings">
      <summary>
        {t('stats.notes')} <span className="count">({warnings.length})</span>
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
      {stats.source === 'meta-data-requests' ? (
        <MetaFigures stats={stats} />
      ) : stats.source === 'meta-content-restrictions' ? (
        <RestrictionFigures stats={stats} />
      ) : (
        <GoogleFigures stats={stats} />
      )}
      <Warnings warnings={stats.warnings} />
    </>
  );
}

type Props = { source: DatasetSource; country: string; period: string };

export function StatsPanel({ source, country, period }: Props) {
  const { t } = useTranslation('compare');
  const stats = useQuery(queries.stats(source, country, period));
  return (
    <section className="card detail-panel" aria-labelledby="stats-heading">
      <h3 id="stats-heading">{t('stats.title')}</h3>
      {stats.error?.status === 404 ? <p className="empty">{t('stats.none', { country, period })}</p> : null}
      {stats.error && stats.error.status !== 404 ? <ProblemMessage error={stats.error} /> : null}
      {stats.isPending ? <Loading what={t('stats.loading')} /> : null}
      {stats.data ? <Figures stats={stats.data} /> : null}
    </section>
  );
}
