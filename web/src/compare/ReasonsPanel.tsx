/** Shares of reasons for a country and half-year in one of Google's sources; the two picked-out reasons in their own colours. */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Loading, ProblemMessage } from '../components/Feedback.js';
import { useTranslation } from '../i18n/index.js';
import { queries } from '../queries.js';
import type { DatasetSource, ReasonShares } from './api.js';
import { CompareChart } from './CompareChart.js';
import { barHeight, reasonOption } from './charts.js';
import { count, highlightOf, reasonColors, share } from './format.js';

function Reasons({ data }: { data: ReasonShares }) {
  const { t } = useTranslation('compare');
  const option = useMemo(() => reasonOption(data.reasons), [data]);
  const { governmentCriticism: gc, nationalSecurity: ns } = data.highlighted;
  return (
    <>
      <dl className="headline compare-headline">
        <div className="headline-figure card headline-gc">
          <dt>{t('reasons.governmentCriticism')}</dt>
          <dd data-testid="share-government-criticism" data-value={gc.share}>
            {share(gc.share)}
          </dd>
          <p className="sub">{t('reasons.requests', { count: gc.requests ?? 0, shown: count(gc.requests) })}</p>
        </div>
        <div className="headline-figure card headline-ns">
          <dt>{t('reasons.nationalSecurity')}</dt>
          <dd data-testid="share-national-security" data-value={ns.share}>
            {share(ns.share)}
          </dd>
          <p className="sub">{t('reasons.requests', { count: ns.requests ?? 0, shown: count(ns.requests) })}</p>
        </div>
      </dl>
      <CompareChart
        option={option}
        height={barHeight(data.reasons.length)}
        testId="reasons-chart"
        label={t('reasons.chartLabel', { count: data.requests ?? 0, shown: count(data.requests) })}
      />
      <table className="table table-compact reasons-table">
        <caption className="visually-hidden">{t('reasons.caption', { period: data.period })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reasons.reason')}</th>
            <th scope="col" className="num">
              {t('reasons.requestsColumn')}
            </th>
            <th scope="col" className="num">
              {t('reasons.share')}
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
            <th scope="row">{t('reasons.counted')}</th>
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
  const { t } = useTranslation('compare');
  const reasons = useQuery(queries.reasons(source, country, period));
  return (
    <section className="card detail-panel" aria-labelledby="reasons-heading">
      <h3 id="reasons-heading">{t('reasons.title')}</h3>
      {reasons.error?.status === 404 ? <p className="empty">{t('reasons.none', { country, period })}</p> : null}
      {reasons.error && reasons.error.status !== 404 ? <ProblemMessage error={reasons.error} /> : null}
      {reasons.isPending ? <Loading what={t('reasons.loading')} /> : null}
      {reasons.data ? <Reasons data={reasons.data} /> : null}
    </section>
  );
}
