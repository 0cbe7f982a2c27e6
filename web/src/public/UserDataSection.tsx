/**
 * The country page's requests for user data (issue 11), beside the removal report: Meta's figures
 * (layout C) for the platform's own orders — requests and accounts, some data produced, legal
 * process versus emergency and per process, preservation, non-disclosure orders.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { legalProcessTypes } from '../../../src/contracts/data-reports.js';
import { Chart } from '../components/Chart.js';
import { DemoBanner, Loading, ProblemMessage } from '../components/Feedback.js';
import { useFormat, useTranslation } from '../i18n/index.js';
import { countryNameIn, label } from '../labels.js';
import { barHeight, barOption, type Entry } from './charts.js';
import { type UserDataReport, userDataQueries } from './data-report-api.js';
import { periodNameIn } from './periods.js';

type Figures = UserDataReport['legalProcess'];

function ProcessTable({ report }: { report: UserDataReport }) {
  const { t } = useTranslation('data-report');
  const format = useFormat();
  const row = (key: string, name: string, f: Figures, indent = false) => (
    <tr key={key} data-testid="user-data-row" data-process={key}>
      <th scope="row" className={indent ? 'indent' : undefined}>
        {name}
      </th>
      <td className="num">{format.number(f.requests)}</td>
      <td className="num">{format.number(f.accounts)}</td>
      <td className="num">{format.number(f.someDataProduced)}</td>
      <td className="num">{format.percent(f.percent)}</td>
    </tr>
  );
  return (
    <div className="table-wrap">
      <table className="table" data-testid="user-data-table">
        <caption>{t('table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.process')}</th>
            <th scope="col" className="num">
              {t('table.requests')}
            </th>
            <th scope="col" className="num">
              {t('table.accounts')}
            </th>
            <th scope="col" className="num wrap">
              {t('table.someData')}
            </th>
            <th scope="col" className="num wrap">
              {t('table.share')}
            </th>
          </tr>
        </thead>
        <tbody>
          {row('legal', t('table.legalProcess'), report.legalProcess)}
          {legalProcessTypes.map((p) => row(p, label(t, 'legalProcess', p), report.byProcess[p], true))}
          {row('emergency', t('table.emergency'), report.emergency)}
        </tbody>
        <tfoot>
          {row('total', t('table.total'), {
            requests: report.totalRequests,
            accounts: report.totalAccounts,
            someDataProduced: report.requestsSomeDataProduced,
            percent: report.percentSomeDataProduced,
          })}
        </tfoot>
      </table>
    </div>
  );
}

export function UserDataSection({ country, period }: { country: string; period: string }) {
  const { data: report, error } = useQuery(userDataQueries.report(country, period));
  const { t } = useTranslation('data-report');
  const format = useFormat();

  const entries = useMemo<Entry[]>(() => {
    if (!report) return [];
    return [
      ...legalProcessTypes.map((p) => ({ key: p, label: label(t, 'legalProcess', p), value: report.byProcess[p].requests })),
      { key: 'emergency', label: t('table.emergency'), value: report.emergency.requests },
      { key: 'preservation', label: t('figures.preservationRequests'), value: report.preservationRequests },
    ].filter((e) => e.value > 0);
  }, [report, t]);

  const figure = (testId: string, name: string, value: number, shown = format.number(value)) => (
    <div className="headline-figure card">
      <dt>{name}</dt>
      <dd data-testid={testId} data-value={value}>
        {shown}
      </dd>
    </div>
  );

  return (
    <section className="section user-data-section" data-testid="user-data-report" aria-labelledby="user-data-heading">
      <h2 id="user-data-heading">{t('title')}</h2>
      <p className="muted">{t('lede', { country: countryNameIn(country, format.locale), period: periodNameIn(t, period) })}</p>
      {error ? <ProblemMessage error={error} /> : null}
      {!report && !error ? <Loading what={t('loading')} /> : null}
      {report ? (
        <>
          {report.containsDemoData ? <DemoBanner>{t('demo')}</DemoBanner> : null}
          <dl className="headline">
            {figure('user-data-total-requests', t('figures.totalRequests'), report.totalRequests)}
            {figure('user-data-total-accounts', t('figures.totalAccounts'), report.totalAccounts)}
            {figure(
              'user-data-some-data-produced',
              t('figures.someDataProduced'),
              report.requestsSomeDataProduced,
              t('figures.someDataValue', {
                count: report.requestsSomeDataProduced,
                share: format.percent(report.percentSomeDataProduced),
              }),
            )}
            {figure('user-data-preservation-requests', t('figures.preservationRequests'), report.preservationRequests)}
          </dl>
          <ul className="plain-list">
            <li data-testid="user-data-preserved" data-value={report.preservationAccountsPreserved}>
              {t('figures.accountsPreserved', { count: report.preservationAccountsPreserved })}
            </li>
            <li data-testid="user-data-non-disclosure" data-value={report.nonDisclosure.requests}>
              {t('figures.nonDisclosure', {
                count: report.nonDisclosure.requests,
                share: format.percent(report.nonDisclosure.share),
              })}
            </li>
            <li data-testid="user-data-undecided" data-value={report.undecidedRequests}>
              {t('figures.undecided', { count: report.undecidedRequests })}
            </li>
          </ul>
          {report.totalRequests === 0 && report.preservationRequests === 0 ? (
            <p className="empty">{t('empty')}</p>
          ) : (
            <div className="outcome-grid">
              <ProcessTable report={report} />
              <figure className="figure card">
                <figcaption>
                  <h3>{t('chart.title')}</h3>
                </figcaption>
                <Chart
                  option={barOption(entries)}
                  height={barHeight(entries.length)}
                  label={t('chart.label')}
                  testId="chart-user-data"
                />
              </figure>
            </div>
          )}
        </>
      ) : null}
      <p className="muted method">
        {t('method')} <Link to="/methodology#user-data">{t('methodLink')}</Link>
      </p>
    </section>
  );
}
