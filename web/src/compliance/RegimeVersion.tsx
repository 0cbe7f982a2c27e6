/** One version of a rule pack: who it covers, the duties it imposes, the deadlines it sets. */
import type { RegimePack } from '../api.js';
import { clockLabels, dutyKindLabels, labelOf, requestKindLabels, thresholdText } from '../labels.js';
import { placeName } from './register.js';

type Version = RegimePack['versions'][number];
type Duty = Version['duties'][number];
type Rule = Version['deadlines'][number];

/** Links to the pack's sources (listed at the foot of the page). */
export function SourceRefs({ ids }: { ids: readonly string[] }) {
  return (
    <span className="source-refs">
      Sources:{' '}
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 ? ', ' : ''}
          <a href={`#source-${id}`}>{id}</a>
        </span>
      ))}
    </span>
  );
}

function representative(r: Duty['representative']): string | null {
  if (!r) return null;
  const parts = [
    r.citizenship ? `citizen of ${placeName(r.citizenship)}` : null,
    r.residency ? `resident in ${placeName(r.residency)}` : null,
  ];
  const text = parts.filter(Boolean).join(', ');
  return text ? `Representative: ${text}` : 'Representative: no citizenship or residency required';
}

function DutyItem({ duty }: { duty: Duty }) {
  const rep = representative(duty.representative);
  return (
    <li className="regime-duty" data-testid="regime-duty" data-duty={duty.id}>
      <p>
        <strong>{dutyKindLabels[duty.kind]}</strong> <code>{duty.id}</code>
        {' · '}
        {duty.complianceWindowDays !== null
          ? `${duty.complianceWindowDays} days to comply`
          : 'the law states no period to comply'}
      </p>
      <p>{duty.summary}</p>
      {rep ? <p className="sub">{rep}</p> : null}
      {duty.condition ? <p className="sub">Only if: {duty.condition}</p> : null}
      {duty.threshold ? <p className="sub">Applies from {thresholdText(duty.threshold)}</p> : null}
      {duty.readings ? (
        <div className="readings readings-open" data-testid="regime-readings">
          <p className="alert-title">The sources disagree on this duty</p>
          <ul>
            {duty.readings.map((r) => (
              <li key={r.id} className={r.id === duty.appliedReading ? 'reading reading-applied' : 'reading'}>
                <strong>{r.id === duty.appliedReading ? 'Applied reading' : 'Other reading'}</strong> <code>{r.id}</code>:{' '}
                {dutyKindLabels[r.kind]}. {r.summary} <SourceRefs ids={r.sources} />
              </li>
            ))}
          </ul>
          {duty.appliedBecause ? <p className="hint">Why Writ applies it: {duty.appliedBecause}</p> : null}
        </div>
      ) : null}
      <p className="sub">
        <SourceRefs ids={duty.sources} />
      </p>
    </li>
  );
}

/** `24 h (law)` / `No legal hours: platform policy target` / `Set in the order`. */
function hoursText(rule: Rule): string {
  if (rule.clock === 'elapsed_hours_from_receipt') return `${rule.hours ?? '?'} h after receipt (law)`;
  if (rule.clock === 'set_in_order') return 'The period the order sets';
  return 'No legal hours: platform policy target';
}

function DeadlineTable({ rules }: { rules: readonly Rule[] }) {
  if (rules.length === 0) return <p className="muted">This version sets no deadlines.</p>;
  return (
    <div className="table-wrap">
      <table className="table table-compact">
        <caption>Deadlines</caption>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Applies to</th>
            <th scope="col">Clock</th>
            <th scope="col">Deadline</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => (
            <tr key={r.id} data-testid="regime-deadline" data-rule={r.id} data-clock={r.clock}>
              <th scope="row">
                <code>{r.id}</code>
              </th>
              <td>
                {r.kinds.map((k) => requestKindLabels[k]).join(', ')}
                <span className="sub">{r.categories ? r.categories.join(', ') : 'every category'}</span>
              </td>
              <td>{labelOf(clockLabels, r.clock)}</td>
              <td>
                <span className={r.clock === 'elapsed_hours_from_receipt' ? 'basis-law' : 'basis-policy'}>{hoursText(r)}</span>
                {r.orderMayExtend ? <span className="sub">The order may allow longer.</span> : null}
                {r.startsAt ? <span className="sub">Starts: {r.startsAt}</span> : null}
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
  return (
    <section className="card regime-version" data-testid="regime-version" data-version={version.version}>
      <h3>
        Version {version.version}{' '}
        <span className="muted">
          ({version.from} – {version.until ?? 'today'})
        </span>{' '}
        {current ? <span className="badge sla sla-on_track">In force</span> : null}
      </h3>
      <p>{version.summary}</p>
      <h4>Who it covers</h4>
      {version.coverage ? (
        <p>
          Platforms with {thresholdText(version.coverage)}
          {version.coverage.where ? ` (${version.coverage.where})` : ''}. <SourceRefs ids={version.coverage.sources} />
        </p>
      ) : (
        <p>Every platform, whatever its size.</p>
      )}
      <h4>Duties</h4>
      {version.duties.length === 0 ? (
        <p className="muted">No local-presence duties.</p>
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
