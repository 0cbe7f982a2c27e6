/**
 * One local-presence duty in one country: what the law asks, by when, where the platform stands,
 * and the evidence. Where the sources disagree on what the law asks, every reading is shown.
 */
import type { DutyView } from '../api.js';
import { dutyKindLabels, dutyStatusLabels } from '../labels.js';
import { daysLeftText, formatDay, formatUtc } from '../time.js';
import { DutyForm } from './DutyForm.js';
import { EvidenceList } from './EvidenceList.js';
import { daysLeft, isOpenDuty, placeName } from './register.js';

type Props = {
  country: string;
  regimeId: string;
  duty: DutyView;
  asOf: string;
};

/** `Citizen of KZ, resident in KZ` / `No citizenship or residency required`. */
function representativeText(r: NonNullable<DutyView['representative']>): string {
  const parts = [
    r.citizenship ? `citizen of ${placeName(r.citizenship)}` : null,
    r.residency ? `resident in ${placeName(r.residency)}` : null,
  ];
  const text = parts.filter(Boolean).join(', ');
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : 'No citizenship or residency required';
}

function DueLine({ duty, asOf }: { duty: DutyView; asOf: string }) {
  // The server judges `overdue` on the regime's calendar; the count follows it across zones.
  const raw = daysLeft(asOf, duty.dueOn);
  const days = duty.overdue ? Math.min(raw, -1) : Math.max(raw, 0);
  const open = isOpenDuty(duty);
  const state = !open ? 'settled' : duty.overdue ? 'overdue' : days <= 30 ? 'soon' : 'ok';
  return (
    <p className="duty-due-line">
      <span className="duty-due" data-testid="duty-due" data-due={duty.dueOn}>
        Due <time dateTime={duty.dueOn}>{formatDay(duty.dueOn)}</time>
      </span>{' '}
      {open ? (
        <span className={`days-left days-left-${state}`} data-testid="duty-days-left" data-days={days}>
          {state === 'overdue' || state === 'soon' ? <span aria-hidden="true">⚠ </span> : null}
          {daysLeftText(days)}
        </span>
      ) : (
        <span className="days-left days-left-settled">{dutyStatusLabels[duty.status]}</span>
      )}
      <span className="sub">
        {duty.complianceWindowDays !== null
          ? `${duty.complianceWindowDays} days from ${formatDay(duty.startsOn)}`
          : `The law states no period to comply: due from ${formatDay(duty.startsOn)}`}
      </span>
    </p>
  );
}

function Readings({ duty }: { duty: DutyView }) {
  if (!duty.readings) return null;
  return (
    <details className="readings" data-testid="duty-readings">
      <summary>The sources disagree: {duty.readings.length} readings</summary>
      <ul>
        {duty.readings.map((r) => (
          <li key={r.id} className={r.id === duty.appliedReading ? 'reading reading-applied' : 'reading'}>
            <strong>{r.id === duty.appliedReading ? 'Applied: ' : 'Not applied: '}</strong>
            {dutyKindLabels[r.kind]}. {r.summary}
            {r.representative ? <span className="sub">{representativeText(r.representative)}</span> : null}
          </li>
        ))}
      </ul>
      {duty.appliedBecause ? <p className="hint">Why: {duty.appliedBecause}</p> : null}
    </details>
  );
}

export function DutyCard({ country, regimeId, duty, asOf }: Props) {
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
          {dutyKindLabels[duty.kind]} <code className="duty-id">{duty.dutyId}</code>
        </h4>
        <span className={`badge duty-status duty-status-${duty.status}`}>{dutyStatusLabels[duty.status]}</span>
      </div>
      <DueLine duty={duty} asOf={asOf} />
      <p>{duty.summary}</p>
      {duty.representative ? <p className="sub">Representative: {representativeText(duty.representative)}</p> : null}
      {duty.condition ? <p className="sub">Only if: {duty.condition}</p> : null}
      <Readings duty={duty} />
      {duty.updatedAt ? (
        <p className="sub">
          {duty.updatedBy ? `Last updated by ${duty.updatedBy.name}, ` : 'Last updated '}
          <time dateTime={duty.updatedAt}>{formatUtc(duty.updatedAt)}</time>
          {duty.owner ? ` · Owner: ${duty.owner}` : ''}
        </p>
      ) : null}
      {duty.status === 'not_applicable' && duty.notApplicableReason ? (
        <p className="sub">Not applicable because: {duty.notApplicableReason}</p>
      ) : null}
      <DutyForm country={country} regimeId={regimeId} duty={duty} />
      <EvidenceList country={country} regimeId={regimeId} duty={duty} />
    </li>
  );
}
