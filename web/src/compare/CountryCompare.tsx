/**
 * /compare/:country: a country's requests in every imported source and on this platform, on one
 * chart and in a table, then one half-year of one source in detail (reasons, statistics, notes).
 */
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Loading, ProblemMessage } from '../components/Feedback.js';
import { useDocumentTitle } from '../components/Layout.js';
import { useTranslation } from '../i18n/index.js';
import { periodNameIn } from '../public/periods.js';
import { queries } from '../queries.js';
import { type DatasetSource, hasReasons, isDatasetSource, type Timeline } from './api.js';
import { countryName, isPeriod } from './format.js';
import { ReasonsPanel } from './ReasonsPanel.js';
import { StatsPanel } from './StatsPanel.js';
import { TimelineSection } from './TimelineSection.js';
import { UserDataComparison } from './UserDataComparison.js';
import './compare.css';
import './country.css';

type Choice = { source: DatasetSource; period: string };

/** The source and half-year asked for in the address, else the newest half-year with requests in the first source. */
function choose(timeline: Timeline, askedSource: string | null, askedPeriod: string | null): Choice | null {
  const published = timeline.series.filter((s): s is typeof s & { source: DatasetSource } => s.source !== 'platform');
  const series = published.find((s) => s.source === askedSource) ?? published[0];
  if (!series) return null;
  const periods = series.points.map((p) => p.period);
  if (isPeriod(askedPeriod) && periods.includes(askedPeriod)) return { source: series.source, period: askedPeriod };
  const withRequests = series.points.filter((p) => (p.requests ?? 0) > 0).at(-1) ?? series.points.at(-1);
  return withRequests ? { source: series.source, period: withRequests.period } : null;
}

function PeriodDetail({ timeline, choice, onChange }: { timeline: Timeline; choice: Choice; onChange: (c: Choice) => void }) {
  const { t } = useTranslation('compare');
  const sourceId = useId();
  const periodId = useId();
  const sources = timeline.series.map((s) => s.source).filter((s): s is DatasetSource => s !== 'platform');
  const periods = [...(timeline.series.find((s) => s.source === choice.source)?.points ?? [])].reverse();
  const { source, period } = choice;
  return (
    <section aria-labelledby="detail-heading" className="compare-section" data-testid="period-detail">
      <h2 id="detail-heading">{t('country.detail', { period: periodNameIn(t, period), source: t(`source.${source}`) })}</h2>
      <form className="compare-controls" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={sourceId}>{t('index.source')}</label>
          <select
            id={sourceId}
            value={source}
            onChange={(e) => isDatasetSource(e.target.value) && onChange({ source: e.target.value, period })}
          >
            {sources.map((s) => (
              <option key={s} value={s}>
                {t(`source.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={periodId}>{t('index.halfYear')}</label>
          <select id={periodId} value={period} onChange={(e) => onChange({ source, period: e.target.value })}>
            {periods.map((p) => (
              <option key={p.period} value={p.period}>
                {p.period} — {p.requests === null ? t('country.notPublished') : t('country.requests', { count: p.requests })}
                {p.surge ? ` ${t('country.surge')}` : ''}
              </option>
            ))}
          </select>
        </div>
      </form>
      <div className={hasReasons(source) ? 'detail-grid' : undefined}>
        {hasReasons(source) ? <ReasonsPanel source={source} country={timeline.country} period={period} /> : null}
        <StatsPanel source={source} country={timeline.country} period={period} />
      </div>
    </section>
  );
}

export function CountryComparePage() {
  const { country = '' } = useParams();
  const code = country.toUpperCase();
  const [params, setParams] = useSearchParams();
  const timeline = useQuery(queries.timeline(code));
  const data = timeline.data;
  const name = data ? data.countryName : countryName(code);
  const { t } = useTranslation('compare');
  useDocumentTitle(t('country.title', { name }));

  const choice = data ? choose(data, params.get('source'), params.get('period')) : null;
  const change = (c: Choice) => setParams({ source: c.source, period: c.period }, { replace: true });
  const selectPeriod = (period: string) => {
    if (!choice || !data) return;
    // Keep the source when it covers the half-year, else take the first source that does.
    const covers = (s: string) => data.series.some((x) => x.source === s && x.points.some((p) => p.period === period));
    const source = covers(choice.source)
      ? choice.source
      : (data.series.map((s) => s.source).find((s): s is DatasetSource => s !== 'platform' && covers(s)) ?? choice.source);
    change({ source, period });
    document.getElementById('detail-heading')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };
  const platform = data ? data.series.filter((s) => s.source === 'platform') : [];
  const ownLatest = platform
    .flatMap((s) => s.points.filter((p) => (p.requests ?? 0) > 0).map((p) => p.period))
    .sort()
    .at(-1);

  return (
    <article className="page compare-page">
      <div className="page-heading">
        <p className="breadcrumb">
          <Link to="/compare">{t('country.back')}</Link>
        </p>
        <h1>
          {name} <span className="muted">({code})</span>
        </h1>
        <p className="lede">{t('country.lede', { name })}</p>
        <p className="compare-links">
          <Link to="/methodology">{t('country.methodology')}</Link>
          {ownLatest ? <Link to={`/reports/${code}/${ownLatest}`}>{t('country.ownReport', { period: ownLatest })}</Link> : null}
        </p>
      </div>
      {timeline.error ? (
        <ProblemMessage error={timeline.error}>
          {timeline.error.status === 404 ? (
            <p>
              {t('country.unknown', { code })} <Link to="/compare">{t('country.choose')}</Link>.
            </p>
          ) : null}
        </ProblemMessage>
      ) : null}
      {timeline.isPending ? <Loading what={t('country.loadingTimeline')} /> : null}
      {data ? (
        <>
          <TimelineSection timeline={data} selected={choice?.period ?? null} onSelect={selectPeriod} />
          {choice ? (
            <PeriodDetail timeline={data} choice={choice} onChange={change} />
          ) : (
            <p className="empty">{t('country.onlyOwn', { name })}</p>
          )}
          <UserDataComparison country={code} />
        </>
      ) : null}
    </article>
  );
}
