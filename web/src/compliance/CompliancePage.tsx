/**
 * The obligations register: for every country where the platform records user figures or keeps
 * duties, the regimes that apply, each duty with its due date and status, and the warnings. Countries
 * with overdue duties come first.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { CountryObligations } from '../api.js';
import { Loading, ProblemMessage } from '../components/Feedback.js';
import { useDocumentTitle } from '../components/Layout.js';
import { queries } from '../queries.js';
import { formatUtc } from '../time.js';
import { CountrySection } from './CountrySection.js';
import { FigureForm } from './FigureForm.js';
import { countryAnchor, countsOf, placeName, sortCountries } from './register.js';

/** The register at a glance: what is overdue and what is about to apply, with links to the country. */
function AtAGlance({ countries }: { countries: readonly CountryObligations[] }) {
  const rows = countries.map((c) => ({ c, n: countsOf(c) }));
  const overdue = rows.filter((r) => r.n.overdue > 0);
  const approaching = rows.filter((r) => r.n.approaching > 0);
  const total = (key: 'overdue' | 'approaching' | 'open') => rows.reduce((sum, r) => sum + r.n[key], 0);
  return (
    <div className="glance" data-testid="compliance-glance">
      <dl className="headline">
        <div className={`headline-figure card${total('overdue') > 0 ? ' headline-danger' : ''}`}>
          <dt>Overdue duties</dt>
          <dd data-testid="glance-overdue">{total('overdue')}</dd>
        </div>
        <div className={`headline-figure card${total('approaching') > 0 ? ' headline-warning' : ''}`}>
          <dt>Approaching thresholds</dt>
          <dd data-testid="glance-approaching">{total('approaching')}</dd>
        </div>
        <div className="headline-figure card">
          <dt>Open duties</dt>
          <dd>{total('open')}</dd>
        </div>
      </dl>
      {overdue.length > 0 || approaching.length > 0 ? (
        <ul className="glance-links">
          {overdue.map(({ c, n }) => (
            <li key={`o-${c.country}`}>
              <span aria-hidden="true">⚠ </span>
              <a href={`#${countryAnchor(c.country)}`}>{placeName(c.country)}</a>: {n.overdue} overdue{' '}
              {n.overdue === 1 ? 'duty' : 'duties'}
            </li>
          ))}
          {approaching.map(({ c, n }) => (
            <li key={`a-${c.country}`}>
              <a href={`#${countryAnchor(c.country)}`}>{placeName(c.country)}</a>: close to {n.approaching}{' '}
              {n.approaching === 1 ? 'threshold' : 'thresholds'}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function CompliancePage() {
  useDocumentTitle('Compliance');
  const register = useQuery(queries.register());
  const figures = useQuery(queries.figures());
  const regimes = useQuery(queries.regimes());
  const error = register.error ?? figures.error ?? regimes.error;
  const data =
    register.data && figures.data && regimes.data
      ? { register: register.data, figures: figures.data, regimes: regimes.data }
      : null;

  const countries = useMemo(() => (register.data ? sortCountries(register.data.countries) : []), [register.data]);
  const today = data ? data.register.asOf.slice(0, 10) : '';

  return (
    <section className="page compliance-page">
      <div className="page-heading">
        <h1>Compliance: obligations register</h1>
        <p className="lede">
          Where the platform’s user figures bring it under a country’s law, the local-presence duties that follow, when they are
          due and where the platform stands. Countries with overdue duties come first.
        </p>
        <p className="actions">
          <Link to="/compliance/regimes">Browse the regimes (rule packs) →</Link>
          {data ? <span className="muted">Register as of {formatUtc(data.register.asOf)}</span> : null}
        </p>
      </div>
      {error ? <ProblemMessage error={error} /> : null}
      {!data && !error ? <Loading what="the register" /> : null}
      {data ? (
        <>
          <AtAGlance countries={countries} />
          <div className="compliance-layout">
            <aside className="compliance-aside" aria-label="Record a user figure">
              <FigureForm regimes={data.regimes} countries={data.register.countries.map((c) => c.country)} today={today} />
            </aside>
            <div className="compliance-countries">
              {countries.length === 0 ? (
                <p className="empty">No user figures recorded yet: record one to see which laws apply.</p>
              ) : null}
              {countries.map((c) => (
                <CountrySection
                  key={c.country}
                  country={c}
                  history={data.figures.filter((f) => f.country === c.country)}
                  asOf={data.register.asOf}
                />
              ))}
            </div>
          </div>
        </>
      ) : null}
    </section>
  );
}
