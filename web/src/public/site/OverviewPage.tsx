/**
 * The public site's home (issue 13): requests per country — a world map, a line over the
 * half-years, and the same figures as a table with a link to each country's page — each with its
 * CSV and JSON download beside it.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { DemoBanner, Loading, ProblemMessage } from '../../components/Feedback.js';
import { useDocumentTitle } from '../../components/Layout.js';
import { useFormat, useTranslation } from '../../i18n/index.js';
import { countryNameIn } from '../../labels.js';
import { periodNameIn } from '../periods.js';
import { mapOption, timelineOption } from './charts.js';
import { DownloadLinks } from './DownloadLinks.js';
import { SiteChart } from './SiteChart.js';
import { type SiteOverview, siteQueries } from './site-api.js';
import { loadWorldMap } from './world-map.js';
import './site.css';

function useNames() {
  const { t } = useTranslation('site');
  const format = useFormat();
  return useMemo(
    () => ({
      country: (code: string) => countryNameIn(code, format.locale),
      number: (n: number) => format.number(n),
      orders: t('overview.orders'),
      removal: t('overview.removalOrders'),
      data: t('overview.dataOrders'),
    }),
    [t, format],
  );
}

function WorldMap({ overview }: { overview: SiteOverview }) {
  const { t } = useTranslation('site');
  const names = useNames();
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadWorldMap().then(
      () => live && setReady(true),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  const option = useMemo(() => mapOption(overview, names), [overview, names]);
  return (
    <section className="card site-figure" aria-labelledby="map-h">
      <h2 id="map-h">{t('overview.mapHeading')}</h2>
      <p className="muted">{t('overview.mapNote')}</p>
      {failed ? <p className="empty">{t('overview.mapFailed')}</p> : null}
      {ready ? (
        <SiteChart option={option} height={420} label={t('overview.mapLabel')} testId="world-map" />
      ) : failed ? null : (
        <Loading what="map" />
      )}
      <DownloadLinks name="overview" what={t('overview.mapHeading')} />
    </section>
  );
}

function Timeline({ overview }: { overview: SiteOverview }) {
  const { t } = useTranslation('site');
  const names = useNames();
  const option = useMemo(() => timelineOption(overview, names), [overview, names]);
  return (
    <section className="card site-figure" aria-labelledby="timeline-h">
      <h2 id="timeline-h">{t('overview.timelineHeading')}</h2>
      <SiteChart option={option} height={320} label={t('overview.timelineLabel')} testId="timeline-chart" />
      <DownloadLinks name="overview" what={t('overview.timelineHeading')} />
    </section>
  );
}

function OverviewTable({ overview }: { overview: SiteOverview }) {
  const { t } = useTranslation('site');
  const format = useFormat();
  const rows = useMemo(
    () =>
      [...overview.rows].sort(
        (a, b) =>
          countryNameIn(a.country, format.locale).localeCompare(countryNameIn(b.country, format.locale), format.locale) ||
          b.period.localeCompare(a.period),
      ),
    [overview, format.locale],
  );
  return (
    <section className="card site-figure" aria-labelledby="table-h">
      <h2 id="table-h">{t('overview.tableHeading')}</h2>
      <div className="table-wrap">
        <table className="table" data-testid="overview-table">
          <caption>{t('overview.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('overview.country')}</th>
              <th scope="col">{t('overview.period')}</th>
              <th scope="col" className="num">
                {t('overview.removalOrders')}
              </th>
              <th scope="col" className="num">
                {t('overview.removalItems')}
              </th>
              <th scope="col" className="num">
                {t('overview.dataOrders')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.country}-${r.period}`} data-country={r.country} data-period={r.period}>
                <th scope="row">
                  <Link to={`/reports/${r.country}/${r.period}`}>
                    {countryNameIn(r.country, format.locale)} <span className="muted">({r.country})</span>
                  </Link>
                </th>
                <td>
                  {r.period} <span className="muted">({periodNameIn(t, r.period)})</span>
                </td>
                <td className="num" data-value={r.removalOrders}>
                  {format.number(r.removalOrders)}
                </td>
                <td className="num" data-value={r.removalItems}>
                  {format.number(r.removalItems)}
                </td>
                <td className="num" data-value={r.dataOrders}>
                  {format.number(r.dataOrders)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <DownloadLinks name="overview" what={t('overview.tableHeading')} />
    </section>
  );
}

export function OverviewPage() {
  const { t } = useTranslation('site');
  useDocumentTitle(t('overview.title'));
  const { data: overview, error } = useQuery(siteQueries.overview());
  return (
    <article className="page site-overview">
      <div className="page-heading">
        <h1>{t('overview.heading')}</h1>
        <p className="lede">{t('overview.lede')}</p>
        <p className="site-links">
          <Link to="/records">{t('overview.recordsLink')}</Link> · <Link to="/reports">{t('overview.reportsLink')}</Link> ·{' '}
          <Link to="/methodology#site-definitions">{t('overview.methodologyLink')}</Link>
        </p>
      </div>
      {error ? <ProblemMessage error={error} /> : null}
      {!overview && !error ? <Loading what="overview" /> : null}
      {overview ? (
        <>
          {overview.containsDemoData ? <DemoBanner>{t('overview.demo')}</DemoBanner> : null}
          {overview.rows.length === 0 ? (
            <p className="empty">{t('overview.none')}</p>
          ) : (
            <div className="site-grid">
              <WorldMap overview={overview} />
              <Timeline overview={overview} />
              <OverviewTable overview={overview} />
            </div>
          )}
        </>
      ) : null}
    </article>
  );
}
