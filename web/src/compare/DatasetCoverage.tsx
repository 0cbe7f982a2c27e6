/** Which published datasets are imported (vintage, half-years covered, last import), and the page shown when none is. */
import { Link } from 'react-router-dom';
import { type TFunction, useFormat, useTranslation } from '../i18n/index.js';
import type { DatasetIndex } from './api.js';
import { sourceOrder } from './api.js';
import { count } from './format.js';

/** `2009-H2 to 2025-H1 (32 half-years)`, in the UI's language. */
function spanText(t: TFunction, periods: readonly string[]): string {
  const sorted = [...periods].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return t('compare:datasets.noHalfYears');
  return first === last
    ? t('compare:datasets.spanOne', { first, count: sorted.length })
    : t('compare:datasets.span', { first, last, count: sorted.length });
}

export function DatasetCoverage({ index }: { index: DatasetIndex }) {
  const { t } = useTranslation('compare');
  const format = useFormat();
  const sources = [...index.sources].sort((a, b) => sourceOrder.indexOf(a.source) - sourceOrder.indexOf(b.source));
  return (
    <section aria-labelledby="datasets-heading" className="compare-section">
      <h2 id="datasets-heading">{t('datasets.title')}</h2>
      <ul className="dataset-list">
        {sources.map((s) => {
          const imports = index.imports.filter((i) => i.source === s.source);
          const latest = [...imports].sort((a, b) => b.importedAt.localeCompare(a.importedAt))[0];
          const warnings = imports.reduce((n, i) => n + i.warningCount, 0);
          return (
            <li key={s.source} className="card dataset-card" data-testid="dataset-source" data-source={s.source}>
              <h3>{t(`source.${s.source}`)}</h3>
              <p className="muted dataset-label">{s.label}</p>
              <dl className="dataset-facts">
                <div>
                  <dt>{t('datasets.counts')}</dt>
                  <dd>{s.requestKind === 'content_removal' ? t('datasets.contentRemoval') : t('datasets.userData')}</dd>
                </div>
                <div>
                  <dt>{t('datasets.vintage')}</dt>
                  <dd>{s.vintage ?? '–'}</dd>
                </div>
                <div>
                  <dt>{t('datasets.halfYears')}</dt>
                  <dd>{spanText(t, s.periods)}</dd>
                </div>
                <div>
                  <dt>{t('datasets.imports')}</dt>
                  <dd>
                    {imports.length}
                    {latest ? `, ${t('datasets.lastOn', { day: format.day(latest.importedAt) })}` : ''}
                    {warnings ? ` · ${t('datasets.warnings', { count: warnings, shown: count(warnings) })}` : ''}
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
  const { t } = useTranslation('compare');
  return (
    <div className="card compare-empty" data-testid="compare-empty">
      <h2>{t('datasets.noneTitle')}</h2>
      <p>
        {t('datasets.noneIntro')} <code>writ</code> {t('datasets.noneIntroEnd')}
      </p>
      <pre className="command">
        <code>
          {[
            'writ datasets import google-removals ../shared/data/google-removals-2025-06',
            'writ datasets import google-removals-json ../shared/data/google-removals-json-krmaynard',
            'writ datasets import meta-data-requests ../shared/data/meta-government-requests-2023',
          ].join('\n')}
        </code>
      </pre>
      <p>
        {t('datasets.twice')} <Link to="/methodology">{t('datasets.methodology')}</Link>
        {t('datasets.explains')}
      </p>
    </div>
  );
}
