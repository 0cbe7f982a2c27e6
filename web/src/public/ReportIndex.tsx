/** The public landing: every country and half-year for which Writ has a transparency report. */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { ReportIndex } from '../api.js';
import { Loading, ProblemMessage } from '../components/Feedback.js';
import { useDocumentTitle } from '../components/Layout.js';
import { type TFunction, useLocale, useTranslation } from '../i18n/index.js';
import { countryNameIn } from '../labels.js';
import { queries } from '../queries.js';
import { periodNameIn } from './periods.js';

type CountryRow = { country: string; name: string; periods: ReportIndex['periods'] };

function byCountry(index: ReportIndex, locale: string): CountryRow[] {
  const rows = new Map<string, CountryRow>();
  for (const p of index.periods) {
    const row = rows.get(p.country) ?? { country: p.country, name: countryNameIn(p.country, locale), periods: [] };
    row.periods.push(p);
    rows.set(p.country, row);
  }
  for (const row of rows.values()) row.periods.sort((a, b) => b.period.localeCompare(a.period));
  return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name, locale));
}

function linkLabel(t: TFunction, country: string, period: string, requests: number): string {
  return t('public:reportIndex.linkLabel', { code: period, country, period: periodNameIn(t, period), count: requests });
}

export function ReportIndexPage() {
  const { t } = useTranslation('public');
  const locale = useLocale();
  useDocumentTitle(t('reportIndex.title'));
  const { data: index, error } = useQuery(queries.reportIndex());
  const rows = index ? byCountry(index, locale) : [];
  return (
    <section className="page">
      <div className="page-heading">
        <h1>{t('reportIndex.heading')}</h1>
        <p className="lede">{t('reportIndex.lede')}</p>
        <p>
          <Link to="/signin" className="button button-small">
            {t('common:nav.signIn')}
          </Link>
        </p>
      </div>
      {error ? <ProblemMessage error={error} /> : null}
      {!index && !error ? <Loading what={t('reportIndex.loading')} /> : null}
      {index && rows.length === 0 ? <p className="empty">{t('reportIndex.empty')}</p> : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="table report-index">
            <caption className="visually-hidden">{t('reportIndex.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reportIndex.country')}</th>
                <th scope="col">{t('reportIndex.periods')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.country} data-testid="report-country" data-country={row.country}>
                  <th scope="row">
                    {row.name} <span className="muted">({row.country})</span>
                  </th>
                  <td>
                    <ul className="period-links">
                      {row.periods.map((p) => (
                        <li key={p.period}>
                          <Link
                            to={`/reports/${p.country}/${p.period}`}
                            data-testid="report-link"
                            aria-label={linkLabel(t, row.name, p.period, p.requests)}
                          >
                            {p.period}
                          </Link>{' '}
                          <span className="muted" data-testid="report-index-requests">
                            ({t('reportIndex.requests', { count: p.requests })})
                          </span>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
