/** Shares of reasons for a country and half-year in one of Google's sources; the two picked-out reasons in their own colours. */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Loading, ProblemMessage } from '../components/Feedback.js';
import { queries } from '../queries.js';
import type { DatasetSource, ReasonShares } from './api.js';
import { CompareChart } from './CompareChart.js';
import { barHeight, reasonOption } from './charts.js';
import { count, highlightOf, reasonColors, share } from './format.js';

function Reasons({ data }: { data: ReasonShares }) {
  const option = useMemo(() => reasonOption(data.reasons), [data]);
  const { governmentCriticism: gc, nationalSecurity: ns } = data.highlighted;
  return (
    <>
      <dl className="headline compare-headline">
        <div className="headline-figure card headline-gc">
          <dt>Government criticism</dt>
          <dd data-testid="share-government-criticism" data-value={gc.share}>
            {share(gc.share)}
          </dd>
          <p className="sub">{count(gc.requests)} requests</p>
        </div>
        <div className="headline-figure card headline-ns">
          <dt>National security</dt>
          <dd data-testid="share-national-security" data-value={ns.share}>
            {share(ns.share)}
          </dd>
          <p className="sub">{count(ns.requests)} requests</p>
        </div>
      </dl>
      <CompareChart
        option={option}
        height={barHeight(data.reasons.length)}
        testId="reasons-chart"
        label={`Chart: shares of reasons of ${count(data.requests)} requests. The figures are in the table below it.`}
      />
      <table className="table table-compact reasons-table">
        <caption className="visually-hidden">Requests by reason, {data.period}</caption>
        <thead>
          <tr>
            <th scope="col">Reason</th>
            <th scope="col" className="num">
              Requests
            </th>
            <th scope="col" className="num">
              Share
            </th>
          </tr>
        </thead>
        <tbody>
          {data.reasons.map((r) => {
            const picked = highlightOf(r.reason);
            return (
              <tr key={r.reason} data-testid="reason-share" data-reason={r.reason} data-value={r.share}>
                <th scope="row" className={picked ? 'reason-picked' : undefined}>
                  <span className="reason-label">
                    <span className="swatch" style={{ background: reasonColors[picked ?? 'other'] }} aria-hidden="true" />
                    <span>{r.reason}</span>
                  </span>
                </th>
                <td className="num">{count(r.requests)}</td>
                <td className="num">{share(r.share)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Requests counted by reason</th>
            <td className="num">{count(data.requests)}</td>
            <td className="num">100.0%</td>
          </tr>
        </tfoot>
      </table>
    </>
  );
}

type Props = { source: DatasetSource; country: string; period: string };

export function ReasonsPanel({ source, country, period }: Props) {
  const reasons = useQuery(queries.reasons(source, country, period));
  return (
    <section className="card detail-panel" aria-labelledby="reasons-heading">
      <h3 id="reasons-heading">Requests by reason</h3>
      {reasons.error?.status === 404 ? (
        <p className="empty">
          No reasons are published for {country} in {period} in this source.
        </p>
      ) : null}
      {reasons.error && reasons.error.status !== 404 ? <ProblemMessage error={reasons.error} /> : null}
      {reasons.isPending ? <Loading what="the reasons" /> : null}
      {reasons.data ? <Reasons data={reasons.data} /> : null}
    </section>
  );
}
