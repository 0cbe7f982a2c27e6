/**
 * /compare: the imported datasets, and for a chosen source and half-year the countries ranked by
 * requests, with the shares of government criticism and national security and the surges flagged.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Loading, ProblemMessage } from '../components/Feedback.js';
import { useDocumentTitle } from '../components/Layout.js';
import { useTranslation } from '../i18n/index.js';
import { periodNameIn } from '../public/periods.js';
import { queries } from '../queries.js';
import { type DatasetIndex, type DatasetSource, hasReasons, headlineOf, isDatasetSource, sourceOrder } from './api.js';
import { CompareChart } from './CompareChart.js';
import { barHeight, rankingOption } from './charts.js';
import { DatasetCoverage, NoDatasets } from './DatasetCoverage.js';
import { RankingTable } from './RankingTable.js';
import './compare.css';

const chartCountries = 15;

function Ranking({ source, period }: { source: DatasetSource; period: string }) {
  const { t } = useTranslation('compare');
  const ranking = useQuery(queries.ranking(source, period));
  const rows = useMemo(() => ranking.data?.countries ?? [], [ranking.data]);
  const top = useMemo(() => rows.filter((r) => headlineOf(source, r) !== null).slice(0, chartCountries), [rows, source]);
  const option = useMemo(
    () => rankingOption(top, source === 'meta-content-restrictions' ? 'items restricted' : 'requests'),
    [top, source],
  );

  if (ranking.error) return <ProblemMessage error={ranking.error} />;
  if (!ranking.data) return <Loading what={t('index.loadingRanking')} />;
  if (rows.length === 0) return <p className="empty">{t('index.noCountry', { period })}</p>;
  const surges = rows.filter((r) => r.surge);
  return (
    <>
      <p className="ranking-summary">
        {t('index.listed', { count: rows.length, period: periodNameIn(t, period) })} {t('index.surges', { count: surges.length })}
        {surges.length ? ` (${surges.map((r) => r.countryName).join(', ')})` : ''}.{' '}
        {hasReasons(source) ? t('index.sharesByReason') : t('index.metaNoReasons')}{' '}
        <Link to="/methodology#comparisons">{t('index.howCounted')}</Link>
      </p>
      <div className="ranking-layout">
        <figure className="figure card">
          <figcaption>
            <h3>
              {t('index.top', { count: top.length })}
              <span className="legend-inline">
                <span className="swatch swatch-surge" aria-hidden="true" /> {t('index.surgeLegend')}
              </span>
            </h3>
          </figcaption>
          <CompareChart
            option={option}
            height={barHeight(top.length)}
            label={t('index.chartLabel', { count: top.length, period })}
            testId="ranking-chart"
          />
        </figure>
        <RankingTable rows={rows} source={source} period={period} />
      </div>
    </>
  );
}

function Picker({ index }: { index: DatasetIndex }) {
  const { t } = useTranslation('compare');
  const [params, setParams] = useSearchParams();
  const sourceId = useId();
  const periodId = useId();
  const available = sourceOrder.filter((s) => index.sources.some((c) => c.source === s));
  const asked = params.get('source');
  const source = isDatasetSource(asked) && available.includes(asked) ? asked : (available[0] ?? 'google-removals');
  const periods = [...(index.sources.find((c) => c.source === source)?.periods ?? [])].sort().reverse();
  const askedPeriod = params.get('period');
  const period = askedPeriod && periods.includes(askedPeriod) ? askedPeriod : periods[0];
  const at = period ? periods.indexOf(period) : -1;
  const go = (next: { source?: DatasetSource; period?: string }) => {
    const s = next.source ?? source;
    const p = next.period ?? period;
    const keep = p && index.sources.find((c) => c.source === s)?.periods.includes(p);
    setParams(keep ? { source: s, period: p } : { source: s }, { replace: true });
  };

  return (
    <section aria-labelledby="ranking-heading" className="compare-section">
      <h2 id="ranking-heading">{t('index.ranked')}</h2>
      <form className="compare-controls" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={sourceId}>{t('index.source')}</label>
          <select id={sourceId} value={source} onChange={(e) => go({ source: e.target.value as DatasetSource })}>
            {available.map((s) => (
              <option key={s} value={s}>
                {t(`source.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={periodId}>{t('index.halfYear')}</label>
          <div className="period-step">
            <button
              type="button"
              className="button button-small"
              disabled={at < 0 || at >= periods.length - 1}
              onClick={() => go({ period: periods[at + 1] })}
              aria-label={t('index.previous')}
            >
              ←
            </button>
            <select id={periodId} value={period ?? ''} onChange={(e) => go({ period: e.target.value })}>
              {periods.map((p) => (
                <option key={p} value={p}>
                  {p} ({periodNameIn(t, p)})
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button button-small"
              disabled={at <= 0}
              onClick={() => go({ period: periods[at - 1] })}
              aria-label={t('index.next')}
            >
              →
            </button>
          </div>
        </div>
      </form>
      {period ? <Ranking source={source} period={period} /> : <p className="empty">{t('index.noHalfYear')}</p>}
    </section>
  );
}

export function CompareIndexPage() {
  const { t } = useTranslation('compare');
  useDocumentTitle(t('index.title'));
  const index = useQuery(queries.datasetIndex());
  return (
    <section className="page compare-page">
      <div className="page-heading">
        <h1>{t('index.title')}</h1>
        <p className="lede">{t('index.lede')}</p>
        <p>
          <Link to="/methodology">{t('index.methodology')}</Link>
        </p>
      </div>
      {index.error ? <ProblemMessage error={index.error} /> : null}
      {index.isPending ? <Loading what={t('index.loadingDatasets')} /> : null}
      {index.data && index.data.sources.length === 0 ? <NoDatasets /> : null}
      {index.data && index.data.sources.length > 0 ? (
        <>
          <Picker index={index.data} />
          <DatasetCoverage index={index.data} />
        </>
      ) : null}
    </section>
  );
}
