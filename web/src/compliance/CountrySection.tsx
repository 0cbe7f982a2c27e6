/**
 * One country of the obligations register: warnings first, then the platform's figures, the
 * regimes that apply with their duties, and those that do not apply (and why).
 */
import { Link } from 'react-router-dom';
import type { ApplicableRegime, CountryObligations, RegisterWarning, UserFigure } from '../api.js';
import { confidenceLabels, formatNumber, metricName, thresholdText } from '../labels.js';
import { formatDay } from '../time.js';
import { DutyCard } from './DutyCard.js';
import { countryAnchor, countsOf, placeName, sortDuties, sortRegimes } from './register.js';

type Props = {
  country: CountryObligations;
  /** Every figure recorded for this country, oldest first. */
  history: readonly UserFigure[];
  asOf: string;
};

const regimeLink = (id: string) => `/compliance/regimes/${encodeURIComponent(id)}`;

function Warning({ warning }: { warning: RegisterWarning }) {
  if (warning.kind === 'missing_figure') {
    return (
      <li className="alert alert-info" data-testid="missing-figure" data-regime={warning.regimeId} data-metric={warning.metric}>
        <strong>No figure in {metricName(warning.metric).toLowerCase()}.</strong> Record one to know whether{' '}
        <Link to={regimeLink(warning.regimeId)}>{warning.regimeId}</Link> applies.
      </li>
    );
  }
  const share = warning.shareOfThreshold !== undefined ? `${Math.round(warning.shareOfThreshold * 100)}%` : 'close to';
  return (
    <li
      className="alert alert-warning"
      data-testid="threshold-warning"
      data-regime={warning.regimeId}
      data-metric={warning.metric}
    >
      <strong>
        <span aria-hidden="true">⚠ </span>Approaching a threshold:
      </strong>{' '}
      {formatNumber(warning.value ?? 0)} {metricName(warning.metric).toLowerCase()}
      {warning.measuredOn ? ` (measured ${formatDay(warning.measuredOn)})` : ''} is {share} of the{' '}
      {formatNumber(warning.threshold ?? 0)} that brings in <Link to={regimeLink(warning.regimeId)}>{warning.regimeId}</Link>
      {warning.dutyId ? ` (duty ${warning.dutyId})` : ''}. Its duties start once the figure crosses it.
    </li>
  );
}

function Figures({ latest, history }: { latest: readonly UserFigure[]; history: readonly UserFigure[] }) {
  if (latest.length === 0) return <p className="muted">No user figures recorded.</p>;
  return (
    <div className="table-wrap">
      <table className="table table-compact figures-table" data-testid="figures">
        <caption>Latest user figures</caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col" className="num">
              Value
            </th>
            <th scope="col">Measured</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {latest.map((f) => (
            <tr key={f.id} data-testid="figure" data-metric={f.metric} data-value={f.value} data-measured={f.measuredOn}>
              <th scope="row">{metricName(f.metric)}</th>
              <td className="num">{formatNumber(f.value)}</td>
              <td className="nowrap">
                <time dateTime={f.measuredOn}>{formatDay(f.measuredOn)}</time>
              </td>
              <td>{f.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {history.length > latest.length ? (
        <details className="figure-history">
          <summary>All {history.length} recorded figures</summary>
          <ul>
            {[...history].reverse().map((f) => (
              <li key={f.id}>
                <time dateTime={f.measuredOn}>{formatDay(f.measuredOn)}</time>: {formatNumber(f.value)}{' '}
                {metricName(f.metric).toLowerCase()}
                {f.note ? <span className="muted"> ({f.note})</span> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function appliesBecause(r: ApplicableRegime): string {
  if (!r.coverage) return 'It applies whatever the platform’s size, wherever the platform records a figure.';
  const figure = r.figure ? `${formatNumber(r.figure.value)} measured ${formatDay(r.figure.measuredOn)}` : 'the latest figure';
  const crossed = r.crossedOn ? `; threshold crossed on ${formatDay(r.crossedOn)}` : '';
  return `Applies to platforms with ${thresholdText(r.coverage)}: ${figure}${crossed}.`;
}

function Regime({ regime, ...props }: Omit<Props, 'history'> & { regime: ApplicableRegime }) {
  const code = props.country.country;
  return (
    <section className="regime-block" data-testid="applicable-regime" data-regime={regime.regimeId}>
      <h3>
        <Link to={regimeLink(regime.regimeId)}>{regime.name}</Link>
      </h3>
      <p className="sub">
        <code>{regime.regimeId}</code> · version {regime.version} ·{' '}
        <span className={`confidence confidence-${regime.confidence}`}>{confidenceLabels[regime.confidence]}</span>
      </p>
      <p>{appliesBecause(regime)}</p>
      {regime.duties.length === 0 ? (
        <p className="muted">No local-presence duties in this regime.</p>
      ) : (
        <ul className="duties">
          {sortDuties(regime.duties).map((d) => (
            <DutyCard key={d.dutyId} country={code} regimeId={regime.regimeId} duty={d} asOf={props.asOf} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function CountrySection({ country, history, ...props }: Props) {
  const n = countsOf(country);
  const headingId = `${countryAnchor(country.country)}-heading`;
  return (
    <section
      className="country card"
      id={countryAnchor(country.country)}
      aria-labelledby={headingId}
      data-testid="compliance-country"
      data-country={country.country}
      data-overdue={n.overdue}
    >
      <div className="country-head">
        <h2 id={headingId}>{placeName(country.country)}</h2>
        <p className="country-badges">
          {n.overdue > 0 ? (
            <span className="badge sla sla-overdue">
              <span aria-hidden="true">⚠ </span>
              {n.overdue} overdue {n.overdue === 1 ? 'duty' : 'duties'}
            </span>
          ) : null}
          {n.approaching > 0 ? (
            <span className="badge sla sla-due_soon">
              {n.approaching} approaching {n.approaching === 1 ? 'threshold' : 'thresholds'}
            </span>
          ) : null}
          <span className="badge status">
            {n.open} of {n.duties} {n.duties === 1 ? 'duty' : 'duties'} open
          </span>
        </p>
      </div>
      {country.warnings.length > 0 ? (
        <ul className="warnings">
          {country.warnings.map((w) => (
            <Warning key={`${w.kind}-${w.regimeId}-${w.dutyId ?? ''}`} warning={w} />
          ))}
        </ul>
      ) : null}
      <Figures latest={country.latestFigures} history={history} />
      {sortRegimes(country.regimes).map((r) => (
        <Regime key={r.regimeId} regime={r} country={country} {...props} />
      ))}
      {country.notApplying.length > 0 ? (
        <div className="not-applying">
          <h3>Regimes that do not apply</h3>
          <ul>
            {country.notApplying.map((r) => (
              <li key={r.regimeId} data-testid="regime-not-applying" data-regime={r.regimeId}>
                <Link to={regimeLink(r.regimeId)}>{r.name}</Link> <code>{r.regimeId}</code>: {r.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
