/**
 * A country page's public-interest case studies (issue 13): from the published public records
 * only, each linking to its record. The text is the record's, already redacted; React escapes it.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { Loading, ProblemMessage } from '../../components/Feedback.js';
import { useTranslation } from '../../i18n/index.js';
import { label } from '../../labels.js';
import { DownloadLinks } from './DownloadLinks.js';
import { countryTable, siteQueries } from './site-api.js';
import './site.css';

export function CaseStudiesSection({ country, period }: { country: string; period: string }) {
  const { t } = useTranslation('site');
  const { data, error } = useQuery(siteQueries.caseStudies(country, period));
  return (
    <section className="case-studies" aria-labelledby="case-studies-h" data-testid="case-studies">
      <h2 id="case-studies-h">{t('caseStudies.heading')}</h2>
      <p className="muted">{t('caseStudies.note')}</p>
      {error ? <ProblemMessage error={error} /> : null}
      {!data && !error ? <Loading what="case studies" /> : null}
      {data && data.caseStudies.length === 0 ? <p className="empty">{t('caseStudies.none')}</p> : null}
      {data && data.caseStudies.length > 0 ? (
        <ul className="case-study-list">
          {data.caseStudies.map((c) => (
            <li key={c.id} className="card case-study" data-testid={`case-study-${c.id}`}>
              <h3>
                <Link to={`/records/${encodeURIComponent(c.id)}`}>{c.id}</Link>{' '}
                <span className="muted">
                  · {c.authority.name} ({label(t, 'authorityKind', c.authority.kind)}) · {c.decidedOn}
                </span>
              </h3>
              <p>{c.caseStudy}</p>
              {c.outcomes.length > 0 ? (
                <p className="muted">
                  {t('caseStudies.outcomes')}: {c.outcomes.map((o) => label(t, 'outcome', o)).join(', ')}
                </p>
              ) : null}
              {c.courtChallenge ? <p className="muted">{t('caseStudies.courtChallenge')}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <DownloadLinks name={countryTable(country, period, 'case-studies')} what={t('caseStudies.heading')} />
    </section>
  );
}
