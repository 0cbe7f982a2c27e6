/** Which published datasets are imported (vintage, half-years covered, last import), and the page shown when none is. */
import { Link } from 'react-router-dom';
import type { DatasetIndex } from './api.js';
import { sourceOrder, sourceShortLabels } from './api.js';
import { count, periodSpan } from './format.js';

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

export function DatasetCoverage({ index }: { index: DatasetIndex }) {
  const sources = [...index.sources].sort((a, b) => sourceOrder.indexOf(a.source) - sourceOrder.indexOf(b.source));
  return (
    <section aria-labelledby="datasets-heading" className="compare-section">
      <h2 id="datasets-heading">Imported datasets</h2>
      <ul className="dataset-list">
        {sources.map((s) => {
          const imports = index.imports.filter((i) => i.source === s.source);
          const latest = [...imports].sort((a, b) => b.importedAt.localeCompare(a.importedAt))[0];
          const warnings = imports.reduce((n, i) => n + i.warningCount, 0);
          return (
            <li key={s.source} className="card dataset-card" data-testid="dataset-source" data-source={s.source}>
              <h3>{sourceShortLabels[s.source]}</h3>
              <p className="muted dataset-label">{s.label}</p>
              <dl className="dataset-facts">
                <div>
                  <dt>Counts</dt>
                  <dd>{s.requestKind === 'content_removal' ? 'Content-removal requests' : 'User-data requests'}</dd>
                </div>
                <div>
                  <dt>Vintage</dt>
                  <dd>{s.vintage ?? '–'}</dd>
                </div>
                <div>
                  <dt>Half-years</dt>
                  <dd>{periodSpan(s.periods)}</dd>
                </div>
                <div>
                  <dt>Imports</dt>
                  <dd>
                    {imports.length}
                    {latest ? `, last on ${dateFormat.format(new Date(latest.importedAt))}` : ''}
                    {warnings ? ` · ${count(warnings)} data-quality warnings` : ''}
                  </dd>
                </div>
              </dl>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** No dataset imported yet: what the pages would show, and the commands that import one. */
export function NoDatasets() {
  return (
    <div className="card compare-empty" data-testid="compare-empty">
      <h2>No published dataset has been imported yet</h2>
      <p>
        These pages compare countries and platforms using the transparency data that Google and Meta publish. An administrator
        imports the files with the <code>writ</code> command, from a folder, a zip or a file as published:
      </p>
      <pre className="command">
        <code>
          {[
            'writ datasets import google-removals ../shared/data/google-removals-2025-06',
            'writ datasets import google-removals-json ../shared/data/google-removals-json-krmaynard',
            'writ datasets import meta-data-requests ../shared/data/meta-government-requests-2023/government-requests',
          ].join('\n')}
        </code>
      </pre>
      <p>
        Importing the same files twice changes nothing; a newer vintage replaces the half-years it covers. The{' '}
        <Link to="/methodology">methodology</Link> explains every figure.
      </p>
    </div>
  );
}
