/** Where the platform stands on one duty: status, owner, a note, and the reason when it does not apply. */
import { type FormEvent, useId, useState } from 'react';
import { type DutyStatus, dutyStatuses } from '../../../src/domain/regimes/vocabulary.js';
import { api, type CountryObligations, type DutyView } from '../api.js';
import { ProblemMessage } from '../components/Feedback.js';
import { FieldError, fieldProps } from '../components/Field.js';
import { dutyStatusLabels } from '../labels.js';
import type { ApiError } from '../problem.js';
import { useFailureHandler } from '../review/session.js';

type Props = {
  country: string;
  regimeId: string;
  duty: DutyView;
  onSaved: (country: CountryObligations) => void;
};

const orNull = (text: string) => text.trim() || null;

export function DutyForm({ country, regimeId, duty, onSaved }: Props) {
  const fail = useFailureHandler();
  const prefix = `${useId()}-`;
  const id = (name: string) => `${prefix}${name}`;
  const [status, setStatus] = useState<DutyStatus>(duty.status);
  const [owner, setOwner] = useState(duty.owner ?? '');
  const [note, setNote] = useState(duty.note ?? '');
  const [reason, setReason] = useState(duty.notApplicableReason ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [missingReason, setMissingReason] = useState(false);
  const [saved, setSaved] = useState(false);

  const dirty =
    status !== duty.status ||
    orNull(owner) !== duty.owner ||
    orNull(note) !== duty.note ||
    (status === 'not_applicable' && orNull(reason) !== duty.notApplicableReason);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const needsReason = status === 'not_applicable' && !reason.trim();
    setMissingReason(needsReason);
    if (needsReason) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const updated = await api.updateDuty(
        { country, regimeId, dutyId: duty.dutyId },
        {
          status,
          owner: orNull(owner),
          note: orNull(note),
          notApplicableReason: status === 'not_applicable' ? orNull(reason) : null,
        },
      );
      setSaved(true);
      onSaved(updated);
    } catch (e) {
      setError(fail(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="duty-form" onSubmit={submit} aria-label={`Status of ${duty.summary.slice(0, 60)}`}>
      {error ? <ProblemMessage error={error} /> : null}
      <div className="form-row">
        <div className="field">
          <label htmlFor={id('status')}>Status</label>
          <select
            id={id('status')}
            data-testid="duty-status"
            value={status}
            onChange={(e) => setStatus(e.target.value as DutyStatus)}
            {...fieldProps(error, 'status', prefix)}
          >
            {dutyStatuses.map((s) => (
              <option key={s} value={s}>
                {dutyStatusLabels[s]}
              </option>
            ))}
          </select>
          <FieldError error={error} field="status" idPrefix={prefix} />
        </div>
        <div className="field">
          <label htmlFor={id('owner')}>Owner</label>
          <input
            id={id('owner')}
            data-testid="duty-owner"
            type="text"
            autoComplete="off"
            maxLength={200}
            placeholder="Name or e-mail"
            value={owner}
            onChange={(e) => setOwner(e.target.value)}
            {...fieldProps(error, 'owner', prefix)}
          />
          <FieldError error={error} field="owner" idPrefix={prefix} />
        </div>
        <div className="field">
          <label htmlFor={id('note')}>
            Note <span className="muted">(optional)</span>
          </label>
          <textarea
            id={id('note')}
            data-testid="duty-note"
            className="textarea-compact"
            rows={1}
            maxLength={5000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            {...fieldProps(error, 'note', prefix)}
          />
          <FieldError error={error} field="note" idPrefix={prefix} />
        </div>
      </div>
      {status === 'not_applicable' ? (
        <div className="field">
          <label htmlFor={id('reason')}>Why it does not apply (required)</label>
          <textarea
            id={id('reason')}
            data-testid="duty-na-reason"
            required
            rows={2}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            {...fieldProps(error, 'notApplicableReason', prefix)}
            {...(missingReason ? { 'aria-invalid': true, 'aria-describedby': id('reason-missing') } : {})}
          />
          {missingReason ? (
            <p className="field-error" id={id('reason-missing')}>
              Say why the duty does not apply to the platform.
            </p>
          ) : null}
          <FieldError error={error} field="notApplicableReason" idPrefix={prefix} />
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" className="button button-primary button-small" data-testid="duty-save" disabled={busy || !dirty}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        {saved && !dirty ? (
          <span className="saved-note" role="status">
            Saved
          </span>
        ) : null}
      </div>
    </form>
  );
}
