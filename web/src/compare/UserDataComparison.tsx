/**
 * A country's requests for user data: this platform's own series (requests, accounts, share of
 * requests where some data was produced) beside Meta's published one, half-year by half-year, on
 * the same axes and with Meta's definitions (the methodology page maps each figure to its column).
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { DemoBanner, Loading, ProblemMessage } from '../components/Feedback.js';
import { useFormat, useTranslation } from '../i18n/index.js';
import { userDataQueries } from '../public/data-report-api.js';
import { CompareChart } from './CompareChart.js';
import { comparedOption } from './user-data-charts.js';

const colors = { platform: '#1f4e8c', platformAccounts: '#6b9bd1', meta: '#b4572a', metaAccounts: '#e0a47f' };

export function UserDataComparison({ country }: { country: string }) {
  const { data, error } = useQuery(userDataQueries.comparison(country));
  const { t } = useTranslation('data-report');
  const format = useFormat();
  const rows = data?.periods ?? [];
  const periods = rows.map((r) => r.period);

  const counts = useMemo(
    () =>
      comparedOption(
        periods,
        [
          {
            name: t('compare.platformRequests'),
            values: rows.map((r) => r.platform?.totalRequests ?? null),
            color: colors.platform,
            kind: 'bar',
          },
          {
            name: t('compare.platformAccounts'),
            values: rows.map((r) => r.platform?.totalAccounts ?? null),
            color: colors.platformAccounts,
            kind: 'bar',
          },
          {
            name: t('compare.metaRequests'),
            values: rows.map((r) => r.meta?.requests ?? null),
            color: colors.meta,
            kind: 'line',
          },
          {
            name: t('compare.metaAccounts'),
            values: rows.map((r) => r.meta?.accounts ?? null),
            color: colors.metaAccounts,
            kind: 'line',
          },
        ],
        (v) => format.number(v),
      ),
    [rows, periods, t, format],
  );
  const shares = useMemo(
    () =>
      comparedOption(
        periods,
        [
          {
            name: t('compare.platformShare'),
            values: rows.map((r) => (r.platform && r.platform.totalRequests > 0 ? r.platform.percentSomeDataProduced : null)),
            color: colors.platform,
            kind: 'line',
          },
          {
            name: t('compare.metaShare'),
            values: rows.map((r) => (r.meta && (r.meta.requests ?? 0) > 0 ? r.meta.percentSomeDataProduced : null)),
            color: colors.meta,
            kind: 'line',
          },
        ],
        (v) => format.percent(v),
        true,
      ),
    [rows, periods, t, format],
  );

  const cell = (v: number | null | undefined, asShare = false) =>
    v === null || v === undefined ? t('compare.none') : asShare ? format.percent(v) : format.number(v);

  return (
    <section className="compare-section" data-testid="user-data-comparison" aria-labelledby="user-data-compare-heading">
      <h2 id="user-data-compare-heading">{t('compare.title')}</h2>
      <p className="muted">
        {t('compare.lede')} <Link to="/methodology#user-data">{t('methodLink')}</Link>
      </p>
      {error ? <ProblemMessage error={error} /> : null}
      {!data && !error ? <Loading what={t('compare.loading')} /> : null}
      {data && rows.length === 0 ? <p className="empty">{t('compare.empty')}</p> : null}
      {data && rows.length > 0 ? (
        <>
          {rows.some((r) => r.platform?.containsDemoData) ? <DemoBanner>{t('compare.demo')}</DemoBanner> : null}
          <h3>{t('compare.counts')}</h3>
          <CompareChart option={counts} label={t('compare.countsLabel')} testId="chart-user-data-counts" />
          <h3>{t('compare.share')}</h3>
          <CompareChart option={shares} label={t('compare.shareLabel')} height={240} testId="chart-user-data-share" />
          <div className="table-wrap">
            <table className="table table-compact" data-testid="user-data-comparison-table">
              <caption>{t('compare.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('compare.period')}</th>
                  <th scope="col" className="num">
                    {t('compare.platformRequests')}
                  </th>
                  <th scope="col" className="num">
                    {t('compare.metaRequests')}
                  </th>
                  <th scope="col" className="num">
                    {t('compare.platformAccounts')}
                  </th>
                  <th scope="col" className="num">
                    {t('compare.metaAccounts')}
                  </th>
                  <th scope="col" className="num">
                    {t('compare.platformShare')}
                  </th>
                  <th scope="col" className="num">
                    {t('compare.metaShare')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...rows].reverse().map((r) => (
                  <tr key={r.period} data-testid="user-data-comparison-row" data-period={r.period}>
                    <th scope="row">{r.period}</th>
                    <td className="num" data-testid="platform-requests" data-value={r.platform?.totalRequests ?? ''}>
                      {cell(r.platform?.totalRequests)}
                    </td>
                    <td className="num" data-testid="meta-requests" data-value={r.meta?.requests ?? ''}>
                      {cell(r.meta?.requests)}
                    </td>
                    <td className="num">{cell(r.platform?.totalAccounts)}</td>
                    <td className="num">{cell(r.meta?.accounts)}</td>
                    <td className="num">{cell(r.platform?.percentSomeDataProduced, true)}</td>
                    <td className="num">{cell(r.meta?.percentSomeDataProduced, true)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
