/** Every regime of the rule packs: jurisdiction, version in force, deadline categories, confidence. */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { RegimeSummary } from '../api.js';
import { Loading, ProblemMessage } from '../components/Feedback.js';
import { useDocumentTitle } from '../components/Layout.js';
import { type TFunction, useFormat, useTranslation } from '../i18n/index.js';
import { label } from '../labels.js';
import { queries } from '../queries.js';
import { placeNameIn } from './register.js';

/** One chip per category (a category listed for several kinds is shown once, the kinds in its title). */
function categoryChips(t: TFunction, locale: string, regime: RegimeSummary): { chip: string; kinds: string }[] {
  const chips = new Map<string, string[]>();
  for (const c of regime.categories) {
    const kind = label(t, 'requestKind', c.kind);
    const chip = c.category ?? t('compliance:regimes.anyKind', { kind: kind.toLocaleLowerCase(locale) });
    chips.set(chip, [...(chips.get(chip) ?? []), kind]);
  }
  return [...chips].map(([chip, kinds]) => ({ chip, kinds: kinds.join(', ') }));
}

function InForce({ regime }: { regime: RegimeSummary }) {
  const { t } = useTranslation('compliance');
  const v = regime.currentVersion;
  if (!v) {
    const last = regime.versions.at(-1);
    return (
      <span className="muted">
        {t('regimes.notInForce')}
        {last?.until ? ` ${t('regimes.ended', { day: last.until })}` : ''}
      </span>
    );
  }
  return (
    <>
      {t('regimes.version', { version: v.version })}
      <span className="sub">{t('regimes.from', { day: v.from })}</span>
    </>
  );
}

export function RegimeListPage() {
  const { t, i18n } = useTranslation('compliance');
  const format = useFormat();
  useDocumentTitle(t('regimes.title'));
  const { data: regimes, error } = useQuery(queries.regimes());

  return (
    <section className="page">
      <div className="page-heading">
        <p className="breadcrumb">
          <Link to="/compliance">{t('regimes.back')}</Link>
        </p>
        <h1>{t('regimes.title')}</h1>
        <p className="lede">{t('regimes.lede')}</p>
      </div>
      {error ? <ProblemMessage error={error} /> : null}
      {!regimes && !error ? <Loading what="regimes" /> : null}
      {regimes ? (
        <div className="table-wrap">
          <table className="table regime-table">
            <caption className="visually-hidden">{t('regimes.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('regimes.regime')}</th>
                <th scope="col">{t('regimes.jurisdiction')}</th>
                <th scope="col">{t('regimes.inForce')}</th>
                <th scope="col">{t('regimes.categories')}</th>
                <th scope="col">{t('regimes.confidence')}</th>
                <th scope="col" className="num">
                  {t('regimeDetail.sources')}
                </th>
              </tr>
            </thead>
            <tbody>
              {regimes.map((r) => (
                <tr key={r.id} data-testid="regime-row" data-regime={r.id}>
                  <th scope="row">
                    <Link to={`/compliance/regimes/${encodeURIComponent(r.id)}`}>
                      {r.name.local && r.name.localLanguage === i18n.resolvedLanguage ? r.name.local : r.name.en}
                    </Link>
                    <span className="sub">
                      <code>{r.id}</code>
                    </span>
                  </th>
                  <td>{placeNameIn(r.jurisdiction, format.locale)}</td>
                  <td>
                    <InForce regime={r} />
                  </td>
                  <td>
                    <ul className="chips">
                      {categoryChips(t, format.locale, r).map((c) => (
                        <li key={c.chip} className="chip" title={c.kinds}>
                          {c.chip}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <span className={`confidence confidence-${r.confidence}`} title={label(t, 'confidence', r.confidence)}>
                      {t(`regimes.level.${r.confidence}`)}
                    </span>
                  </td>
                  <td className="num">{r.sourceCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
