/** One rule pack in full: the law, its versions, duties and deadlines, and the sources quoted. */
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import type { RegimePack } from '../api.js';
import { Loading, ProblemMessage } from '../components/Feedback.js';
import { useDocumentTitle } from '../components/Layout.js';
import { confidenceLabels } from '../labels.js';
import { queries } from '../queries.js';
import { RegimeVersion } from './RegimeVersion.js';
import { placeName } from './register.js';

function Sources({ sources }: { sources: RegimePack['sources'] }) {
  return (
    <section className="section" aria-labelledby="sources-heading">
      <h2 id="sources-heading">Sources</h2>
      <ol className="sources">
        {sources.map((s) => (
          <li key={s.id} id={`source-${s.id}`} className="source card" data-testid="regime-source">
            <p>
              <code>{s.id}</code>
              {s.language ? <span className="muted"> · in {s.language}</span> : null}
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
  const packQuery = useQuery(queries.regime(id));
  const regimes = useQuery(queries.regimes());
  // Shown once both are in: the list says which version is in force today.
  const pack = regimes.data ? packQuery.data : undefined;
  const summary = regimes.data?.find((r) => r.id === id);
  const error = packQuery.error ?? regimes.error;
  useDocumentTitle(pack ? pack.name.en : 'Regime');

  const currentVersion = summary?.currentVersion?.version;
  return (
    <article className="page regime-page" data-regime={id}>
      <p className="breadcrumb">
        <Link to="/compliance/regimes">← All regimes</Link>
      </p>
      {error ? <ProblemMessage error={error} /> : null}
      {!pack && !error ? <Loading what="the regime" /> : null}
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
              <code>{pack.id}</code> · {placeName(pack.jurisdiction)} · time zone {pack.timeZone} ·{' '}
              <span className={`confidence confidence-${pack.confidence}`} data-testid="regime-confidence">
                {confidenceLabels[pack.confidence]}
              </span>
            </p>
          </div>
          <dl className="facts card">
            <dt>Law</dt>
            <dd>{pack.law}</dd>
            <dt>Penalties</dt>
            <dd>{pack.penalties}</dd>
            {pack.notes?.length ? (
              <>
                <dt>Notes</dt>
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
            <h2 id="versions-heading">Versions</h2>
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
