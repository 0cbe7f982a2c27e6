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
import { authorityKindLabels, bucketLabels, countryName, labelOf, type OutcomeBucket, requestKindLabels } from '../labels.js';
import { queries } from '../queries.js';
import { barHeight, barOption, donutOption, type Entry, percent } from './charts.js';
import { DeadlinesSection } from './DeadlinesSection.js';
import { periodName, readPeriod, shiftPeriod } from './periods.js';

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

/** A record of counts as entries, largest first, labelled through `labels`. */
function entries(record: Record<string, number>, labels: Record<string, string> = {}): Entry[] {
  return Object.entries(record)
    .filter(([, value]) => value > 0)
    .map(([key, value]) => ({ key, label: labelOf(labels, key), value }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
}

/** A chart with its figures as a table for those who cannot see the chart. */
function Figure(props: { title: string; rows: Entry[]; option: ChartOption; height: number; testId: string }) {
  const { title, rows, option, height } = props;
  return (
    <figure className="figure card" data-testid={props.testId}>
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      {rows.length === 0 ? (
        <p className="empty">No requests.</p>
      ) : (
        <>
          <Chart option={option} height={height} label={`Chart: ${title}. The figures are in the table below it.`} />
          <details className="figure-table">
            <summary>Show as table</summary>
            <table className="table table-compact">
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{r.label}</th>
                    <td className="num">{r.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  );
}

function OutcomeTable({ report }: { report: CountryReport }) {
  return (
    <div className="table-wrap">
      <table className="table outcome-table" data-testid="outcome-table">
        <caption>What happened to the items named in the requests</caption>
        <thead>
          <tr>
            <th scope="col">Outcome</th>
            <th scope="col" className="num">
              Items
            </th>
            <th scope="col" className="num">
              Share of items
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
                  {bucketLabels[bucket]}
                </th>
                <td className="num" data-testid={`outcome-count-${bucket}`} data-value={count}>
                  {count}
                </td>
                <td className="num" data-testid={`outcome-share-${bucket}`} data-value={share}>
                  {percent(share)}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All items</th>
            <td className="num">{report.items}</td>
            <td className="num">{report.items ? '100.0%' : '–'}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Shorter words where the chart's axis has little room. */
const chartBucketLabels: Record<OutcomeBucket, string> = {
  ...bucketLabels,
  removed_legal: 'Removed – legal',
  removed_policy: 'Removed – policy',
};

function OutcomeChart({ report }: { report: CountryReport }) {
  const option = useMemo(() => {
    const rows: Entry[] = bucketOrder.map((b) => ({
      key: b,
      label: chartBucketLabels[b],
      value: report.itemOutcomes[outcomeBucketKey(b)].share,
      color: bucketColors[b],
    }));
    return barOption(rows, true);
  }, [report]);
  return (
    <figure className="figure card">
      <figcaption>
        <h3>Item outcomes, as shares of all items</h3>
      </figcaption>
      <Chart
        option={option}
        height={barHeight(bucketOrder.length)}
        label="Chart: item outcomes as shares of all items. The figures are in the table beside it."
        testId="chart-outcomes"
      />
    </figure>
  );
}

function Charts({ report }: { report: CountryReport }) {
  const figures = useMemo(() => {
    const requester = entries(report.requestsByRequesterKind, authorityKindLabels);
    const kind = entries(report.requestsByKind, requestKindLabels);
    const product = entries(report.requestsByProduct);
    const reason = entries(report.requestsByReason);
    return { requester, kind, product, reason };
  }, [report]);

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
        title="Requests by requester"
        testId="figure-requester"
        rows={figures.requester}
        option={options.requester}
        height={barHeight(figures.requester.length)}
      />
      <Figure title="Requests by kind" testId="figure-kind" rows={figures.kind} option={options.kind} height={280} />
      <Figure
        title="Requests by product"
        testId="figure-product"
        rows={figures.product}
        option={options.product}
        height={barHeight(figures.product.length)}
      />
      <Figure
        title="Decided requests by reason"
        testId="figure-reason"
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
  useDocumentTitle(`${countryName(code)}, ${periodName(period)}`);

  const previous = shiftPeriod(period, -1);
  // No link past the present: a half-year that has not begun has no report (the API refuses it).
  const following = shiftPeriod(period, 1);
  const nextPeriod = following ? readPeriod(following) : null;
  const next = nextPeriod && periodHasBegun(nextPeriod, new Date()) ? following : null;
  return (
    <article className="page report-page">
      <div className="page-heading">
        <p className="breadcrumb">
          <Link to="/reports">← All reports</Link> · <Link to={`/compare/${code}`}>Compare with other platforms</Link>
        </p>
        <h1>
          {countryName(code)} <span className="muted">({code})</span>
        </h1>
        <nav className="period-nav" aria-label="Reporting period">
          {previous ? (
            <Link to={`/reports/${code}/${previous}`} rel="prev" data-testid="period-previous">
              ← {previous}
            </Link>
          ) : null}
          <span className="period-current" aria-current="page">
            {period} <span className="muted">({periodName(period)})</span>
          </span>
          {next ? (
            <Link to={`/reports/${code}/${next}`} rel="next" data-testid="period-next">
              {next} →
            </Link>
          ) : null}
        </nav>
      </div>
      {error ? <ProblemMessage error={error} /> : null}
      {!report && !error ? <Loading what="the report" /> : null}
      {report ? (
        <>
          {report.containsDemoData ? (
            <DemoBanner>This report contains demo data: some of its requests were made up to show how Writ works.</DemoBanner>
          ) : null}
          <dl className="headline">
            <div className="headline-figure card">
              <dt>Requests received</dt>
              <dd data-testid="report-requests" data-value={report.requests}>
                {report.requests}
              </dd>
            </div>
            <div className="headline-figure card">
              <dt>Items named</dt>
              <dd data-testid="report-items" data-value={report.items}>
                {report.items}
              </dd>
            </div>
            <div className="headline-figure card">
              <dt>Requests not yet decided</dt>
              <dd data-testid="report-undecided" data-value={report.undecidedRequests}>
                {report.undecidedRequests}
              </dd>
            </div>
          </dl>
          {report.requests === 0 ? (
            <p className="empty">
              No requests from {countryName(code)} were received in {periodName(period)}.
            </p>
          ) : null}
          <div className="report-body">
            <div className="outcome-grid">
              <OutcomeTable report={report} />
              {report.requests > 0 ? <OutcomeChart report={report} /> : null}
            </div>
            {report.requests > 0 ? <Charts report={report} /> : null}
          </div>
          {report.requests > 0 ? <DeadlinesSection country={code} period={period} /> : null}
          <p className="muted method">
            A request is counted in the half-year it was received (UTC). Each request counts under one product, that of most of
            its items, and, once an item of it is decided, under one reason, that of most of its decided items; requests with no
            decided item yet have no reason and are counted apart as not yet decided. Outcomes are shares of items, not of
            requests; items not yet decided are “Pending review”.
          </p>
        </>
      ) : null}
    </article>
  );
}
