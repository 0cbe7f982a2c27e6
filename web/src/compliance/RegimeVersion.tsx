/** One version of a rule pack: who it covers, the duties it imposes, the deadlines it sets. */
import type { RegimePack } from '../api.js';
import { type TFunction, useLocale, useTranslation } from '../i18n/index.js';
import { label, thresholdIn } from '../labels.js';
import { placeNameIn } from './register.js';

type Version = RegimePack['versions'][number];
type Duty = Version['duties'][number];
type Rule = Version['deadlines'][number];

/** Links to the pack's sources (listed at the foot of the page). */
export function SourceRefs({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation('compliance');
  return (
    <span className="source-refs">
      {t('version.sources')}{' '}
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 ? ', ' : ''}
          <a href={`#source-${id}`}>{id}</a>
        </span>
      ))}
    </span>
  );
}

function representative(t: TFunction, locale: string, r: Duty['representative']): string | null {
  if (!r) return null;
  const parts = [
    r.citizenship ? t('compliance:duty.citizen', { place: placeNameIn(r.citizenship, locale) }) : null,
    r.residency ? t('compliance:duty.resident', { place: placeNameIn(r.residency, locale) }) : null,
  ];
  const text = parts.filter(Boolean).join(', ');
  return t('compliance:duty.representative', { text: text || t('compliance:duty.noRequirementLower') });
}

function DutyItem({ duty }: { duty: Duty }) {
  const { t } = useTranslation('compliance');
  const rep = representative(t, useLocale(), duty.representative);
  return (
    <li className="regime-duty" data-testid="regime-duty" data-duty={duty.id}>
      <p>
        <strong>{label(t, 'dutyKind', duty.kind)}</strong> <code>{duty.id}</code>
        {' · '}
        {duty.complianceWindowDays !== null
          ? t('version.daysToComply', { days: duty.complianceWindowDays })
          : t('version.noPeriod')}
      </p>
      <p>{duty.summary}</p>
      {rep ? <p className="sub">{rep}</p> : null}
      {duty.condition ? <p className="sub">{t('duty.onlyIf', { condition: duty.condition })}</p> : null}
      {duty.threshold ? <p className="sub">{t('version.appliesFrom', { threshold: thresholdIn(t, duty.threshold) })}</p> : null}
      {duty.readings ? (
        <div className="readings readings-open" data-testid="regime-readings">
          <p className="alert-title">{t('version.disagree')}</p>
          <ul>
            {duty.readings.map((r) => (
              <li key={r.id} className={r.id === duty.appliedReading ? 'reading reading-applied' : 'reading'}>
                <strong>{r.id === duty.appliedReading ? t('version.appliedReading') : t('version.otherReading')}</strong>{' '}
                <code>{r.id}</code>: {label(t, 'dutyKind', r.kind)}. {r.summary} <SourceRefs ids={r.sources} />
              </li>
            ))}
          </ul>
          {duty.appliedBecause ? <p className="hint">{t('version.whyApplies', { why: duty.appliedBecause })}</p> : null}
        </div>
      ) : null}
      <p className="sub">
        <SourceRefs ids={duty.sources} />
      </p>
    </li>
  );
}

/** `24 h (law)` / `No legal hours: platform policy target` / `Set in the order`. */
function hoursText(t: TFunction, rule: Rule): string {
  if (rule.clock === 'elapsed_hours_from_receipt') return t('compliance:version.hoursLaw', { hours: rule.hours ?? '?' });
  if (rule.clock === 'set_in_order') return t('compliance:version.orderSets');
  return label(t, 'basis', 'policy');
}

function DeadlineTable({ rules }: { rules: readonly Rule[] }) {
  const { t } = useTranslation('compliance');
  if (rules.length === 0) return <p className="muted">{t('version.noDeadlines')}</p>;
  return (
    <div className="table-wrap">
      <table className="table table-compact">
        <caption>{t('version.deadlines')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('version.rule')}</th>
            <th scope="col">{t('version.appliesTo')}</th>
            <th scope="col">{t('version.clock')}</th>
            <th scope="col">{t('version.deadline')}</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => (
            <tr key={r.id} data-testid="regime-deadline" data-rule={r.id} data-clock={r.clock}>
              <th scope="row">
                <code>{r.id}</code>
              </th>
              <td>
                {r.kinds.map((k) => label(t, 'requestKind', k)).join(', ')}
                <span className="sub">{r.categories ? r.categories.join(', ') : t('version.everyCategory')}</span>
              </td>
              <td>{label(t, 'clock', r.clock)}</td>
              <td>
                <span className={r.clock === 'elapsed_hours_from_receipt' ? 'basis-law' : 'basis-policy'}>{hoursText(t, r)}</span>
                {r.orderMayExtend ? <span className="sub">{t('version.mayExtend')}</span> : null}
                {r.startsAt ? <span className="sub">{t('version.starts', { starts: r.startsAt })}</span> : null}
                {r.note ? <span className="sub">{r.note}</span> : null}
                <span className="sub">
                  <SourceRefs ids={r.sources} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RegimeVersion({ version, current }: { version: Version; current: boolean }) {
  const { t } = useTranslation('compliance');
  return (
    <section className="card regime-version" data-testid="regime-version" data-version={version.version}>
      <h3>
        {t('regimes.version', { version: version.version })}{' '}
        <span className="muted">
          ({version.from} – {version.until ?? t('version.today')})
        </span>{' '}
        {current ? <span className="badge sla sla-on_track">{t('regimes.inForce')}</span> : null}
      </h3>
      <p>{version.summary}</p>
      <h4>{t('version.covers')}</h4>
      {version.coverage ? (
        <p>
          {t('version.platformsWith', { threshold: thresholdIn(t, version.coverage) })}
          {version.coverage.where ? ` (${version.coverage.where})` : ''}. <SourceRefs ids={version.coverage.sources} />
        </p>
      ) : (
        <p>{t('version.everyPlatform')}</p>
      )}
      <h4>{t('version.duties')}</h4>
      {version.duties.length === 0 ? (
        <p className="muted">{t('version.noDuties')}</p>
      ) : (
        <ul className="regime-duties">
          {version.duties.map((d) => (
            <DutyItem key={d.id} duty={d} />
          ))}
        </ul>
      )}
      <DeadlineTable rules={version.deadlines} />
    </section>
  );
}
