/** One rule pack in full: the law, its versions, duties and deadlines, and the sources quoted. */
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import type { RegimePack } from '../api.js';
import { Loading, ProblemMessage } from '../components/Feedback.js';
import { useDocumentTitle } from '../components/Layout.js';
import { useFormat, useTranslation } from '../i18n/index.js';
import { label } from '../labels.js';
import { queries } from '../queries.js';
import { RegimeVersion } from './RegimeVersion.js';
import { placeNameIn } from './register.js';

function Sources({ sources }: { sources: RegimePack['sources'] }) {
  const { t } = useTranslation('compliance');
  const format = useFormat();
  return (
    <section className="section" aria-labelledby="sources-heading">
      <h2 id="sources-heading">{t('regimeDetail.sources')}</h2>
      <ol className="sources">
        {sources.map((s) => (
          <li key={s.id} id={`source-${s.id}`} className="source card" data-testid="regime-source">
            <p>
              <code>{s.id}</code>
              {s.language ? (
                <span className="muted"> · {t('regimeDetail.inLanguage', { language: format.languageName(s.language) })}</span>
              ) : null}
            </p>
            <blockquote className="quote" cite={s.url} lang={s.language}>
              “{s.quote}”
            </blockquote>
            <p>
              <a href={s.url} target="_blank" rel="noreferrer noopener" className="source-url">
                {s.url}
              </a>
            </p>
            {s.note ? <p className="sub">{s.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function RegimeDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('compliance');
  const format = useFormat();
  const packQuery = useQuery(queries.regime(id));
  const regimes = useQuery(queries.regimes());
  // Shown once both are in: the list says which version is in force today.
  const pack = regimes.data ? packQuery.data : undefined;
  const summary = regimes.data?.find((r) => r.id === id);
  const error = packQuery.error ?? regimes.error;
  const name = pack?.name.local && pack.name.localLanguage === i18n.resolvedLanguage ? pack.name.local : pack?.name.en;
  useDocumentTitle(name ?? t('regimeDetail.title'));

  const currentVersion = summary?.currentVersion?.version;
  return (
    <article className="page regime-page" data-regime={id}>
      <p className="breadcrumb">
        <Link to="/compliance/regimes">{t('regimeDetail.allRegimes')}</Link>
      </p>
      {error ? <ProblemMessage error={error} /> : null}
      {!pack && !error ? <Loading what="regime" /> : null}
      {pack ? (
        <>
          <div className="page-heading">
            <h1>{pack.name.en}</h1>
            {pack.name.local ? (
              <p className="muted" lang={pack.name.localLanguage}>
                {pack.name.local}
              </p>
            ) : null}
            <p>
              <code>{pack.id}</code> · {placeNameIn(pack.jurisdiction, format.locale)} ·{' '}
              {t('regimeDetail.timeZone', { zone: pack.timeZone })} ·{' '}
              <span className={`confidence confidence-${pack.confidence}`} data-testid="regime-confidence">
                {label(t, 'confidence', pack.confidence)}
              </span>
            </p>
          </div>
          <dl className="facts card">
            <dt>{t('regimeDetail.law')}</dt>
            <dd>{pack.law}</dd>
            <dt>{t('regimeDetail.penalties')}</dt>
            <dd>{pack.penalties}</dd>
            {pack.notes?.length ? (
              <>
                <dt>{t('regimeDetail.notes')}</dt>
                <dd>
                  <ul className="notes">
                    {pack.notes.map((n) => (
                      <li key={n}>{n}</li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
          </dl>
          <section className="section" aria-labelledby="versions-heading">
            <h2 id="versions-heading">{t('regimeDetail.versions')}</h2>
            <div className="regime-versions">
              {[...pack.versions].reverse().map((v) => (
                <RegimeVersion key={v.version} version={v} current={v.version === currentVersion} />
              ))}
            </div>
          </section>
          <Sources sources={pack.sources} />
        </>
      ) : null}
    </article>
  );
}
