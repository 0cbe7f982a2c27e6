/**
 * One local-presence duty in one country: what the law asks, by when, where the platform stands,
 * and the evidence. Where the sources disagree on what the law asks, every reading is shown.
 */
import type { DutyView } from '../api.js';
import { type TFunction, useFormat, useTranslation } from '../i18n/index.js';
import { label } from '../labels.js';
import { daysLeftIn } from '../time.js';
import { DutyForm } from './DutyForm.js';
import { EvidenceList } from './EvidenceList.js';
import { daysLeft, isOpenDuty, placeNameIn } from './register.js';
import { Sanctions } from './Sanctions.js';

type Props = {
  country: string;
  regimeId: string;
  duty: DutyView;
  asOf: string;
};

/** `Citizen of KZ, resident in KZ` / `No citizenship or residency required`. */
export function representativeText(t: TFunction, locale: string, r: NonNullable<DutyView['representative']>): string {
  const parts = [
    r.citizenship ? t('compliance:duty.citizen', { place: placeNameIn(r.citizenship, locale) }) : null,
    r.residency ? t('compliance:duty.resident', { place: placeNameIn(r.residency, locale) }) : null,
  ];
  const text = parts.filter(Boolean).join(', ');
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : t('compliance:duty.noRequirement');
}

function DueLine({ duty, asOf }: { duty: DutyView; asOf: string }) {
  const { t } = useTranslation('compliance');
  const format = useFormat();
  // The server judges `overdue` on the regime's calendar; the count follows it across zones.
  const raw = daysLeft(asOf, duty.dueOn);
  const days = duty.overdue ? Math.min(raw, -1) : Math.max(raw, 0);
  const open = isOpenDuty(duty);
  const state = !open ? 'settled' : duty.overdue ? 'overdue' : days <= 30 ? 'soon' : 'ok';
  return (
    <p className="duty-due-line">
      <span className="duty-due" data-testid="duty-due" data-due={duty.dueOn}>
        {t('duty.due')} <time dateTime={duty.dueOn}>{format.day(duty.dueOn)}</time>
      </span>{' '}
      {open ? (
        <span className={`days-left days-left-${state}`} data-testid="duty-days-left" data-days={days}>
          {state === 'overdue' || state === 'soon' ? <span aria-hidden="true">⚠ </span> : null}
          {daysLeftIn(t, days)}
        </span>
      ) : (
        <span className="days-left days-left-settled">{label(t, 'dutyStatus', duty.status)}</span>
      )}
      <span className="sub">
        {duty.complianceWindowDays !== null
          ? t('duty.window', { days: duty.complianceWindowDays, day: format.day(duty.startsOn) })
          : t('duty.noWindow', { day: format.day(duty.startsOn) })}
      </span>
    </p>
  );
}

function Readings({ duty }: { duty: DutyView }) {
  const { t } = useTranslation('compliance');
  const format = useFormat();
  if (!duty.readings) return null;
  return (
    <details className="readings" data-testid="duty-readings">
      <summary>{t('duty.disagree', { count: duty.readings.length })}</summary>
      <ul>
        {duty.readings.map((r) => (
          <li key={r.id} className={r.id === duty.appliedReading ? 'reading reading-applied' : 'reading'}>
            <strong>{r.id === duty.appliedReading ? t('duty.applied') : t('duty.notApplied')} </strong>
            {label(t, 'dutyKind', r.kind)}. {r.summary}
            {r.representative ? <span className="sub">{representativeText(t, format.locale, r.representative)}</span> : null}
          </li>
        ))}
      </ul>
      {duty.appliedBecause ? <p className="hint">{t('duty.why', { why: duty.appliedBecause })}</p> : null}
    </details>
  );
}

export function DutyCard({ country, regimeId, duty, asOf }: Props) {
  const { t } = useTranslation('compliance');
  const format = useFormat();
  return (
    <li
      className={`duty card${duty.overdue ? ' duty-overdue' : ''}`}
      id={`duty-${country}-${regimeId}-${duty.dutyId}`}
      data-testid="duty"
      data-regime={regimeId}
      data-duty={duty.dutyId}
      data-status={duty.status}
      data-overdue={duty.overdue ? 'true' : 'false'}
    >
      <div className="duty-head">
        <h4 className="duty-title">
          {label(t, 'dutyKind', duty.kind)} <code className="duty-id">{duty.dutyId}</code>
        </h4>
        <span className={`badge duty-status duty-status-${duty.status}`}>{label(t, 'dutyStatus', duty.status)}</span>
      </div>
      <DueLine duty={duty} asOf={asOf} />
      <p>{duty.summary}</p>
      {duty.representative ? (
        <p className="sub">{t('duty.representative', { text: representativeText(t, format.locale, duty.representative) })}</p>
      ) : null}
      {duty.condition ? <p className="sub">{t('duty.onlyIf', { condition: duty.condition })}</p> : null}
      <Readings duty={duty} />
      {duty.updatedAt ? (
        <p className="sub">
          {duty.updatedBy ? t('duty.updatedBy', { name: duty.updatedBy.name }) : t('duty.updated')}{' '}
          <time dateTime={duty.updatedAt}>{format.utc(duty.updatedAt)}</time>
          {duty.owner ? ` · ${t('duty.owner', { owner: duty.owner })}` : ''}
        </p>
      ) : null}
      {duty.status === 'not_applicable' && duty.notApplicableReason ? (
        <p className="sub">{t('duty.naBecause', { reason: duty.notApplicableReason })}</p>
      ) : null}
      <Sanctions sanctions={duty.sanctions} />
      <DutyForm country={country} regimeId={regimeId} duty={duty} />
      <EvidenceList country={country} regimeId={regimeId} duty={duty} />
    </li>
  );
}
