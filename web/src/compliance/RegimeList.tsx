/** Every regime of the rule packs: jurisdiction, version in force, deadline categories, confidence. */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { RegimeSummary } from '../api.js';
import { Loading, ProblemMessage } from '../components/Feedback.js';
import { useDocumentTitle } from '../components/Layout.js';
import { confidenceLabels, humanize, requestKindLabels } from '../labels.js';
import { queries } from '../queries.js';
import { placeName } from './register.js';

/** One chip per category (a category listed for several kinds is shown once, the kinds in its title). */
function categoryChips(regime: RegimeSummary): { label: string; kinds: string }[] {
  const chips = new Map<string, string[]>();
  for (const c of regime.categories) {
    const label = c.category ?? `any ${requestKindLabels[c.kind].toLowerCase()}`;
    chips.set(label, [...(chips.get(label) ?? []), requestKindLabels[c.kind]]);
  }
  return [...chips].map(([label, kinds]) => ({ label, kinds: kinds.join(', ') }));
}

function InForce({ regime }: { regime: RegimeSummary }) {
  const v = regime.currentVersion;
  if (!v) {
    const last = regime.versions.at(-1);
    return <span className="muted">Not in force{last?.until ? ` (ended ${last.until})` : ''}</span>;
  }
  return (
    <>
      Version {v.version}
      <span className="sub">from {v.from}</span>
    </>
  );
}

export function RegimeListPage() {
  useDocumentTitle('Regimes');
  const { data: regimes, error } = useQuery(queries.regimes());

  return (
    <section className="page">
      <div className="page-heading">
        <p className="breadcrumb">
          <Link to="/compliance">← Obligations register</Link>
        </p>
        <h1>Regimes</h1>
        <p className="lede">
          The laws Writ knows, as rule packs: who they cover, the duties they impose and the deadlines they set, each with its
          sources quoted.
        </p>
      </div>
      {error ? <ProblemMessage error={error} /> : null}
      {!regimes && !error ? <Loading what="the regimes" /> : null}
      {regimes ? (
        <div className="table-wrap">
          <table className="table regime-table">
            <caption className="visually-hidden">Regimes by jurisdiction</caption>
            <thead>
              <tr>
                <th scope="col">Regime</th>
                <th scope="col">Jurisdiction</th>
                <th scope="col">In force</th>
                <th scope="col">Deadline categories</th>
                <th scope="col">Confidence</th>
                <th scope="col" className="num">
                  Sources
                </th>
              </tr>
            </thead>
            <tbody>
              {regimes.map((r) => (
                <tr key={r.id} data-testid="regime-row" data-regime={r.id}>
                  <th scope="row">
                    <Link to={`/compliance/regimes/${encodeURIComponent(r.id)}`}>{r.name.en}</Link>
                    <span className="sub">
                      <code>{r.id}</code>
                    </span>
                  </th>
                  <td>{placeName(r.jurisdiction)}</td>
                  <td>
                    <InForce regime={r} />
                  </td>
                  <td>
                    <ul className="chips">
                      {categoryChips(r).map((c) => (
                        <li key={c.label} className="chip" title={c.kinds}>
                          {c.label}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <span className={`confidence confidence-${r.confidence}`} title={confidenceLabels[r.confidence]}>
                      {humanize(r.confidence)}
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
