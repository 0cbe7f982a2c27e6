/**
 * /compare: the imported datasets, and for a chosen source and half-year the countries ranked by
 * requests, with the shares of government criticism and national security and the surges flagged.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Loading, ProblemMessage } from '../components/Feedback.js';
import { useDocumentTitle } from '../components/Layout.js';
import { queries } from '../queries.js';
import { type DatasetIndex, type DatasetSource, hasReasons, isDatasetSource, sourceOrder, sourceShortLabels } from './api.js';
import { CompareChart } from './CompareChart.js';
import { barHeight, rankingOption } from './charts.js';
import { DatasetCoverage, NoDatasets } from './DatasetCoverage.js';
import { periodName } from './format.js';
import { RankingTable } from './RankingTable.js';
import './compare.css';

const chartCountries = 15;

function Ranking({ source, period }: { source: DatasetSource; period: string }) {
  const ranking = useQuery(queries.ranking(source, period));
  const rows = useMemo(() => ranking.data?.countries ?? [], [ranking.data]);
  const top = useMemo(() => rows.filter((r) => r.requests !== null).slice(0, chartCountries), [rows]);
  const option = useMemo(() => rankingOption(top, 'requests'), [top]);

  if (ranking.error) return <ProblemMessage error={ranking.error} />;
  if (!ranking.data) return <Loading what="the ranking" />;
  if (rows.length === 0) return <p className="empty">No country is listed in {period} in this source.</p>;
  const surges = rows.filter((r) => r.surge);
  return (
    <>
      <p className="ranking-summary">
        <strong>{rows.length}</strong> {rows.length === 1 ? 'country' : 'countries'} listed in {periodName(period)};{' '}
        <strong>{surges.length}</strong> flagged as a surge
        {surges.length ? ` (${surges.map((r) => r.countryName).join(', ')})` : ''}.{' '}
        {hasReasons(source) ? (
          <>Shares are of the country’s requests counted by reason.</>
        ) : (
          <>Meta publishes no reasons, so there are no reason shares.</>
        )}{' '}
        <Link to="/methodology#comparisons">How these are counted</Link>
      </p>
      <div className="ranking-layout">
        <figure className="figure card">
          <figcaption>
            <h3>
              Top {top.length} by requests
              <span className="legend-inline">
                <span className="swatch swatch-surge" aria-hidden="true" /> surge
              </span>
            </h3>
          </figcaption>
          <CompareChart
            option={option}
            height={barHeight(top.length)}
            label={`Chart: the ${top.length} countries with the most requests in ${period}. The figures are in the table.`}
            testId="ranking-chart"
          />
        </figure>
        <RankingTable rows={rows} source={source} period={period} />
      </div>
    </>
  );
}

function Picker({ index }: { index: DatasetIndex }) {
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
      <h2 id="ranking-heading">Countries ranked by requests</h2>
      <form className="compare-controls" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={sourceId}>Source</label>
          <select id={sourceId} value={source} onChange={(e) => go({ source: e.target.value as DatasetSource })}>
            {available.map((s) => (
              <option key={s} value={s}>
                {sourceShortLabels[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={periodId}>Half-year</label>
          <div className="period-step">
            <button
              type="button"
              className="button button-small"
              disabled={at < 0 || at >= periods.length - 1}
              onClick={() => go({ period: periods[at + 1] })}
              aria-label="Previous half-year"
            >
              ←
            </button>
            <select id={periodId} value={period ?? ''} onChange={(e) => go({ period: e.target.value })}>
              {periods.map((p) => (
                <option key={p} value={p}>
                  {p} ({periodName(p)})
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button button-small"
              disabled={at <= 0}
              onClick={() => go({ period: periods[at - 1] })}
              aria-label="Next half-year"
            >
              →
            </button>
          </div>
        </div>
      </form>
      {period ? <Ranking source={source} period={period} /> : <p className="empty">This source covers no half-year.</p>}
    </section>
  );
}

export function CompareIndexPage() {
  useDocumentTitle('Compare countries and platforms');
  const index = useQuery(queries.datasetIndex());
  return (
    <section className="page compare-page">
      <div className="page-heading">
        <h1>Compare countries and platforms</h1>
        <p className="lede">
          Government requests as other platforms publish them — Google’s requests to remove content, Meta’s requests for user data
          — set beside each other and beside this platform’s own. Pick a half-year to rank countries, or a country to see its
          history across sources. Surges are half-years far above a country’s own recent history.
        </p>
        <p>
          <Link to="/methodology">Methodology: definitions, sources and the surge method</Link>
        </p>
      </div>
      {index.error ? <ProblemMessage error={index.error} /> : null}
      {index.isPending ? <Loading what="the imported datasets" /> : null}
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
