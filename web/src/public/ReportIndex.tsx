/** The public landing: every country and half-year for which Writ has a transparency report. */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { ReportIndex } from '../api.js';
import { Loading, ProblemMessage } from '../components/Feedback.js';
import { useDocumentTitle } from '../components/Layout.js';
import { countryName } from '../labels.js';
import { queries } from '../queries.js';
import { periodName } from './periods.js';

type CountryRow = { country: string; name: string; periods: ReportIndex['periods'] };

function byCountry(index: ReportIndex): CountryRow[] {
  const rows = new Map<string, CountryRow>();
  for (const p of index.periods) {
    const row = rows.get(p.country) ?? { country: p.country, name: countryName(p.country), periods: [] };
    row.periods.push(p);
    rows.set(p.country, row);
  }
  for (const row of rows.values()) row.periods.sort((a, b) => b.period.localeCompare(a.period));
  return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function ReportIndexPage() {
  useDocumentTitle('Transparency reports');
  const { data: index, error } = useQuery(queries.reportIndex());
  const rows = index ? byCountry(index) : [];
  return (
    <section className="page">
      <div className="page-heading">
        <h1>Government requests: transparency reports</h1>
        <p className="lede">
          Orders from governments to remove content or hand over user data, by country and half-year, and what the platform did
          with each of the items they named. Figures follow the definitions of Google’s government-removals report so that they
          can be compared.
        </p>
        <p>
          <Link to="/signin" className="button button-small">
            Reviewer sign-in
          </Link>
        </p>
      </div>
      {error ? <ProblemMessage error={error} /> : null}
      {!index && !error ? <Loading what="the reports" /> : null}
      {index && rows.length === 0 ? <p className="empty">No requests have been reported yet.</p> : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="table report-index">
            <caption className="visually-hidden">Reports by country and half-year</caption>
            <thead>
              <tr>
                <th scope="col">Country</th>
                <th scope="col">Half-years (requests received)</th>
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
                            aria-label={`${row.name}, ${periodName(p.period)}: ${p.requests} requests`}
                          >
                            {p.period}
                          </Link>{' '}
                          <span className="muted">({p.requests})</span>
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
