/**
 * The obligations register: for every country where the platform records user figures or keeps
 * duties, the regimes that apply, each duty with its due date and status, and the warnings. Countries
 * with overdue duties come first.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { pages } from '../../../src/contracts/pages.js';
import type { CountryObligations } from '../api.js';
import { Loading, ProblemMessage } from '../components/Feedback.js';
import { useDocumentTitle } from '../components/Layout.js';
import { useFormat, useTranslation } from '../i18n/index.js';
import { queries } from '../queries.js';
import { CountrySection } from './CountrySection.js';
import { FigureForm } from './FigureForm.js';
import { countryAnchor, countsOf, placeNameIn, sortCountries } from './register.js';

/** The register at a glance: what is overdue and what is about to apply, with links to the country. */
function AtAGlance({ countries }: { countries: readonly CountryObligations[] }) {
  const { t } = useTranslation('compliance');
  const format = useFormat();
  const rows = countries.map((c) => ({ c, n: countsOf(c) }));
  const overdue = rows.filter((r) => r.n.overdue > 0);
  const approaching = rows.filter((r) => r.n.approaching > 0);
  const total = (key: 'overdue' | 'approaching' | 'open') => rows.reduce((sum, r) => sum + r.n[key], 0);
  return (
    <div className="glance" data-testid="compliance-glance">
      <dl className="headline">
        <div className={`headline-figure card${total('overdue') > 0 ? ' headline-danger' : ''}`}>
          <dt>{t('glance.overdue')}</dt>
          <dd data-testid="glance-overdue">{total('overdue')}</dd>
        </div>
        <div className={`headline-figure card${total('approaching') > 0 ? ' headline-warning' : ''}`}>
          <dt>{t('glance.approaching')}</dt>
          <dd data-testid="glance-approaching">{total('approaching')}</dd>
        </div>
        <div className="headline-figure card">
          <dt>{t('glance.open')}</dt>
          <dd>{total('open')}</dd>
        </div>
      </dl>
      {overdue.length > 0 || approaching.length > 0 ? (
        <ul className="glance-links">
          {overdue.map(({ c, n }) => (
            <li key={`o-${c.country}`}>
              <span aria-hidden="true">⚠ </span>
              <a href={`#${countryAnchor(c.country)}`}>{placeNameIn(c.country, format.locale)}</a>:{' '}
              {t('glance.overdueDuties', { count: n.overdue })}
            </li>
          ))}
          {approaching.map(({ c, n }) => (
            <li key={`a-${c.country}`}>
              <a href={`#${countryAnchor(c.country)}`}>{placeNameIn(c.country, format.locale)}</a>:{' '}
              {t('glance.closeTo', { count: n.approaching })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function CompliancePage() {
  const { t } = useTranslation('compliance');
  const format = useFormat();
  useDocumentTitle(t('common:nav.compliance'));
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
        <h1>{t('page.title')}</h1>
        <p className="lede">{t('page.lede')}</p>
        <p className="actions">
          <Link to="/compliance/regimes">{t('page.browse')}</Link>
          <Link to={pages.pressure} data-testid="pressure-link">
            {t('pressure:page.link')}
          </Link>
          {data ? <span className="muted">{t('page.asOf', { time: format.utc(data.register.asOf) })}</span> : null}
        </p>
      </div>
      {error ? <ProblemMessage error={error} /> : null}
      {!data && !error ? <Loading what={t('page.loading')} /> : null}
      {data ? (
        <>
          <AtAGlance countries={countries} />
          <div className="compliance-layout">
            <aside className="compliance-aside" aria-label={t('page.recordFigure')}>
              <FigureForm regimes={data.regimes} countries={data.register.countries.map((c) => c.country)} today={today} />
            </aside>
            <div className="compliance-countries">
              {countries.length === 0 ? <p className="empty">{t('page.empty')}</p> : null}
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
