/**
 * One country of the obligations register: warnings first, then the platform's figures, the
 * regimes that apply with their duties, and those that do not apply (and why).
 */
import { Link } from 'react-router-dom';
import type { ApplicableRegime, CountryObligations, RegisterWarning, UserFigure } from '../api.js';
import { type TFunction, useFormat, useTranslation } from '../i18n/index.js';
import { label, metricTitle, thresholdIn } from '../labels.js';
import { DutyCard } from './DutyCard.js';
import { countryAnchor, countsOf, placeNameIn, sortDuties, sortRegimes } from './register.js';

type Props = {
  country: CountryObligations;
  /** Every figure recorded for this country, oldest first. */
  history: readonly UserFigure[];
  asOf: string;
};

const regimeLink = (id: string) => `/compliance/regimes/${encodeURIComponent(id)}`;

function Warning({ warning }: { warning: RegisterWarning }) {
  const { t } = useTranslation('compliance');
  const format = useFormat();
  if (warning.kind === 'missing_figure') {
    return (
      <li className="alert alert-info" data-testid="missing-figure" data-regime={warning.regimeId} data-metric={warning.metric}>
        <strong>{t('warning.noFigure', { metric: label(t, 'metric', warning.metric) })}</strong> {t('warning.recordOne')}{' '}
        <Link to={regimeLink(warning.regimeId)}>{warning.regimeId}</Link>
        {t('warning.applies')}
      </li>
    );
  }
  const share = warning.shareOfThreshold !== undefined ? format.percent(warning.shareOfThreshold, 0) : t('warning.closeToShare');
  return (
    <li
      className="alert alert-warning"
      data-testid="threshold-warning"
      data-regime={warning.regimeId}
      data-metric={warning.metric}
    >
      <strong>
        <span aria-hidden="true">⚠ </span>
        {t('warning.approaching')}
      </strong>{' '}
      {t('warning.approachingText', {
        value: format.number(warning.value ?? 0),
        metric: label(t, 'metric', warning.metric),
        measured: warning.measuredOn ? t('warning.measured', { day: format.day(warning.measuredOn) }) : '',
        share,
        threshold: format.number(warning.threshold ?? 0),
      })}{' '}
      <Link to={regimeLink(warning.regimeId)}>{warning.regimeId}</Link>
      {warning.dutyId ? ` ${t('warning.duty', { duty: warning.dutyId })}` : ''}. {t('warning.startsOnce')}
    </li>
  );
}

function Figures({ latest, history }: { latest: readonly UserFigure[]; history: readonly UserFigure[] }) {
  const { t } = useTranslation('compliance');
  const format = useFormat();
  if (latest.length === 0) return <p className="muted">{t('figures.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="table table-compact figures-table" data-testid="figures">
        <caption>{t('figures.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('figures.metric')}</th>
            <th scope="col" className="num">
              {t('figures.value')}
            </th>
            <th scope="col">{t('figures.measured')}</th>
            <th scope="col">{t('figures.note')}</th>
          </tr>
        </thead>
        <tbody>
          {latest.map((f) => (
            <tr key={f.id} data-testid="figure" data-metric={f.metric} data-value={f.value} data-measured={f.measuredOn}>
              <th scope="row">{metricTitle(t, f.metric)}</th>
              <td className="num">{format.number(f.value)}</td>
              <td className="nowrap">
                <time dateTime={f.measuredOn}>{format.day(f.measuredOn)}</time>
              </td>
              <td>{f.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {history.length > latest.length ? (
        <details className="figure-history">
          <summary>{t('figures.all', { count: history.length })}</summary>
          <ul>
            {[...history].reverse().map((f) => (
              <li key={f.id}>
                <time dateTime={f.measuredOn}>{format.day(f.measuredOn)}</time>: {format.number(f.value)}{' '}
                {label(t, 'metric', f.metric)}
                {f.note ? <span className="muted"> ({f.note})</span> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function appliesBecause(t: TFunction, format: ReturnType<typeof useFormat>, r: ApplicableRegime): string {
  if (!r.coverage) return t('compliance:regime.whateverSize');
  const figure = r.figure
    ? t('compliance:regime.figure', { value: format.number(r.figure.value), day: format.day(r.figure.measuredOn) })
    : t('compliance:regime.latestFigure');
  const crossed = r.crossedOn ? t('compliance:regime.crossed', { day: format.day(r.crossedOn) }) : '';
  return t('compliance:regime.appliesTo', { threshold: thresholdIn(t, r.coverage), figure, crossed });
}

function Regime({ regime, ...props }: Omit<Props, 'history'> & { regime: ApplicableRegime }) {
  const { t } = useTranslation('compliance');
  const format = useFormat();
  const code = props.country.country;
  return (
    <section className="regime-block" data-testid="applicable-regime" data-regime={regime.regimeId}>
      <h3>
        <Link to={regimeLink(regime.regimeId)}>{regime.name}</Link>
      </h3>
      <p className="sub">
        <code>{regime.regimeId}</code> · {t('regime.version', { version: regime.version })} ·{' '}
        <span className={`confidence confidence-${regime.confidence}`}>{label(t, 'confidence', regime.confidence)}</span>
      </p>
      <p>{appliesBecause(t, format, regime)}</p>
      {regime.duties.length === 0 ? (
        <p className="muted">{t('regime.noDuties')}</p>
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
  const { t } = useTranslation('compliance');
  const format = useFormat();
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
        <h2 id={headingId}>{placeNameIn(country.country, format.locale)}</h2>
        <p className="country-badges">
          {n.overdue > 0 ? (
            <span className="badge sla sla-overdue">
              <span aria-hidden="true">⚠ </span>
              {t('glance.overdueDuties', { count: n.overdue })}
            </span>
          ) : null}
          {n.approaching > 0 ? (
            <span className="badge sla sla-due_soon">{t('country.approaching', { count: n.approaching })}</span>
          ) : null}
          <span className="badge status">{t('country.open', { open: n.open, count: n.duties })}</span>
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
          <h3>{t('country.notApplying')}</h3>
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
