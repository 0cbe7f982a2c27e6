/** One country's transparency report for a half-year: headline numbers, charts and the outcome table. */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { periodHasBegun } from '../../../src/domain/period.js';
import { outcomeBucketKey } from '../../../src/domain/report.js';
import type { CountryReport } from '../api.js';
import { Chart, type ChartOption } from '../components/Chart.js';
import { DemoBanner, Loading, ProblemMessage } from '../components/Feedback.js';
import { useDocumentTitle } from '../components/Layout.js';
import { type TFunction, useFormat, useTranslation } from '../i18n/index.js';
import { bucketLabels, countryNameIn, type LabelTable, label, type OutcomeBucket } from '../labels.js';
import { queries } from '../queries.js';
import { barHeight, barOption, donutOption, type Entry } from './charts.js';
import { DeadlinesSection } from './DeadlinesSection.js';
import { PressureSection } from './PressureSection.js';
import { periodNameIn, readPeriod, shiftPeriod } from './periods.js';
import { CaseStudiesSection } from './site/CaseStudies.js';
import { DownloadLinks } from './site/DownloadLinks.js';
import { countryTable } from './site/site-api.js';
import { UserDataSection } from './UserDataSection.js';

const bucketOrder = Object.keys(bucketLabels) as OutcomeBucket[];

const bucketColors: Record<OutcomeBucket, string> = {
  removed_legal: '#1f4e8c',
  removed_policy: '#6b4fa1',
  content_not_found: '#8a6d1f',
  not_enough_information: '#2f7f94',
  no_action: '#2a7f62',
  content_already_removed: '#b4572a',
  pending: '#9aa5b1',
};

/** A record of counts as entries, largest first, labelled through the catalogue's `table` (as they are without one). */
function entries(t: TFunction, record: Record<string, number>, table?: LabelTable): Entry[] {
  return Object.entries(record)
    .filter(([, value]) => value > 0)
    .map(([key, value]) => ({ key, label: table ? label(t, table, key) : key, value }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
}

/** A chart with its figures as a table for those who cannot see the chart. */
function Figure(props: { title: string; rows: Entry[]; option: ChartOption; height: number; testId: string; download: string }) {
  const { title, rows, option, height } = props;
  const { t } = useTranslation('public');
  const format = useFormat();
  return (
    <figure className="figure card" data-testid={props.testId}>
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      {rows.length === 0 ? (
        <p className="empty">{t('report.noRequests')}</p>
      ) : (
        <>
          <Chart option={option} height={height} label={t('report.chartLabel', { title })} />
          <details className="figure-table">
            <summary>{t('report.showTable')}</summary>
            <table className="table table-compact">
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{r.label}</th>
                    <td className="num">{format.number(r.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
      <DownloadLinks name={props.download} what={title} />
    </figure>
  );
}

function OutcomeTable({ report }: { report: CountryReport }) {
  const { t } = useTranslation('public');
  const format = useFormat();
  return (
    <div className="table-wrap">
      <table className="table outcome-table" data-testid="outcome-table">
        <caption>{t('report.outcomeCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.outcome')}</th>
            <th scope="col" className="num">
              {t('report.items')}
            </th>
            <th scope="col" className="num">
              {t('report.shareOfItems')}
            </th>
          </tr>
        </thead>
        <tbody>
          {bucketOrder.map((bucket) => {
            const { count, share } = report.itemOutcomes[outcomeBucketKey(bucket)];
            return (
              <tr key={bucket} data-bucket={bucket}>
                <th scope="row">
                  <span className="swatch" style={{ background: bucketColors[bucket] }} aria-hidden="true" />
                  {label(t, 'outcome', bucket)}
                </th>
                <td className="num" data-testid={`outcome-count-${bucket}`} data-value={count}>
                  {format.number(count)}
                </td>
                <td className="num" data-testid={`outcome-share-${bucket}`} data-value={share}>
                  {format.percent(share)}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('report.allItems')}</th>
            <td className="num">{format.number(report.items)}</td>
            <td className="num">{report.items ? format.percent(1) : '–'}</td>
          </tr>
        </tfoot>
      </table>
      <DownloadLinks name={countryTable(report.country, report.period, 'outcomes')} what={t('report.outcomeCaption')} />
    </div>
  );
}

/** Shorter words where the chart's axis has little room. */
function chartBucketLabel(t: TFunction, bucket: OutcomeBucket): string {
  if (bucket === 'removed_legal') return t('public:report.removedLegalShort');
  if (bucket === 'removed_policy') return t('public:report.removedPolicyShort');
  return label(t, 'outcome', bucket);
}

function OutcomeChart({ report }: { report: CountryReport }) {
  const { t } = useTranslation('public');
  const option = useMemo(() => {
    const rows: Entry[] = bucketOrder.map((b) => ({
      key: b,
      label: chartBucketLabel(t, b),
      value: report.itemOutcomes[outcomeBucketKey(b)].share,
      color: bucketColors[b],
    }));
    return barOption(rows, true);
  }, [report, t]);
  return (
    <figure className="figure card">
      <figcaption>
        <h3>{t('report.outcomeChart')}</h3>
      </figcaption>
      <Chart
        option={option}
        height={barHeight(bucketOrder.length)}
        label={t('report.outcomeChartLabel')}
        testId="chart-outcomes"
      />
      <DownloadLinks name={countryTable(report.country, report.period, 'outcomes')} what={t('report.outcomeChart')} />
    </figure>
  );
}

function Charts({ report }: { report: CountryReport }) {
  const { t } = useTranslation('public');
  const figures = useMemo(() => {
    const requester = entries(t, report.requestsByRequesterKind, 'authorityKind');
    const kind = entries(t, report.requestsByKind, 'requestKind');
    const product = entries(t, report.requestsByProduct);
    const reason = entries(t, report.requestsByReason);
    return { requester, kind, product, reason };
  }, [report, t]);

  const options = useMemo(
    () => ({
      requester: barOption(figures.requester),
      kind: donutOption(figures.kind),
      product: barOption(figures.product),
      reason: barOption(figures.reason),
    }),
    [figures],
  );

  return (
    <div className="figure-grid">
      <Figure
        title={t('report.byRequester')}
        testId="figure-requester"
        download={countryTable(report.country, report.period, 'requesters')}
        rows={figures.requester}
        option={options.requester}
        height={barHeight(figures.requester.length)}
      />
      <Figure
        title={t('report.byKind')}
        testId="figure-kind"
        download={countryTable(report.country, report.period, 'kinds')}
        rows={figures.kind}
        option={options.kind}
        height={280}
      />
      <Figure
        title={t('report.byProduct')}
        testId="figure-product"
        download={countryTable(report.country, report.period, 'products')}
        rows={figures.product}
        option={options.product}
        height={barHeight(figures.product.length)}
      />
      <Figure
        title={t('report.byReason')}
        testId="figure-reason"
        download={countryTable(report.country, report.period, 'reasons')}
        rows={figures.reason}
        option={options.reason}
        height={barHeight(figures.reason.length)}
      />
    </div>
  );
}

export function CountryReportPage() {
  const { country = '', period = '' } = useParams();
  const code = country.toUpperCase();
  const { data: report, error } = useQuery(queries.countryReport(code, period));
  const { t } = useTranslation('public');
  const format = useFormat();
  const countryName = countryNameIn(code, format.locale);
  useDocumentTitle(`${countryName}, ${periodNameIn(t, period)}`);

  const previous = shiftPeriod(period, -1);
  // No link past the present: a half-year that has not begun has no report (the API refuses it).
  const following = shiftPeriod(period, 1);
  const nextPeriod = following ? readPeriod(following) : null;
  const next = nextPeriod && periodHasBegun(nextPeriod, new Date()) ? following : null;
  return (
    <article className="page report-page">
      <div className="page-heading">
        <p className="breadcrumb">
          <Link to="/reports">{t('report.allReports')}</Link> · <Link to={`/compare/${code}`}>{t('report.compareLink')}</Link>
        </p>
        <h1>
          {countryName} <span className="muted">({code})</span>
        </h1>
        <nav className="period-nav" aria-label={t('report.periodNav')}>
          {previous ? (
            <Link to={`/reports/${code}/${previous}`} rel="prev" data-testid="period-previous">
              ← {previous}
            </Link>
          ) : null}
          <span className="period-current" aria-current="page">
            {period} <span className="muted">({periodNameIn(t, period)})</span>
          </span>
          {next ? (
            <Link to={`/reports/${code}/${next}`} rel="next" data-testid="period-next">
              {next} →
            </Link>
          ) : null}
        </nav>
      </div>
      {error ? <ProblemMessage error={error} /> : null}
      {!report && !error ? <Loading what="report" /> : null}
      {report ? (
        <>
          {report.containsDemoData ? <DemoBanner>{t('report.demo')}</DemoBanner> : null}
          <dl className="headline">
            <div className="headline-figure card">
              <dt>{t('report.requestsReceived')}</dt>
              <dd data-testid="report-requests" data-value={report.requests}>
                {format.number(report.requests)}
              </dd>
            </div>
            <div className="headline-figure card">
              <dt>{t('report.itemsNamed')}</dt>
              <dd data-testid="report-items" data-value={report.items}>
                {format.number(report.items)}
              </dd>
            </div>
            <div className="headline-figure card">
              <dt>{t('report.undecided')}</dt>
              <dd data-testid="report-undecided" data-value={report.undecidedRequests}>
                {format.number(report.undecidedRequests)}
              </dd>
            </div>
          </dl>
          <DownloadLinks name={countryTable(code, period, 'removals')} what={t('site:country.removals')} />
          {report.requests === 0 ? (
            <p className="empty">{t('report.noneReceived', { country: countryName, period: periodNameIn(t, period) })}</p>
          ) : null}
          <div className="report-body">
            <div className="outcome-grid">
              <OutcomeTable report={report} />
              {report.requests > 0 ? <OutcomeChart report={report} /> : null}
            </div>
            {report.requests > 0 ? <Charts report={report} /> : null}
          </div>
          {report.requests > 0 ? (
            <>
              <DeadlinesSection country={code} period={period} />
              <DownloadLinks name={countryTable(code, period, 'deadlines')} what={t('site:country.deadlines')} />
            </>
          ) : null}
          <CaseStudiesSection country={code} period={period} />
          <PressureSection country={code} period={period} />
          <p className="muted method">{t('report.method', { pending: label(t, 'outcome', 'pending') })}</p>
          <UserDataSection country={code} period={period} />
          <DownloadLinks name={countryTable(code, period, 'user-data')} what={t('site:country.userData')} />
        </>
      ) : null}
    </article>
  );
}
