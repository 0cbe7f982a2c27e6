/**
 * The current rule packs would give this request another deadline: say so, and let the reviewer
 * apply them, with a note for the history (the API requires one).
 */
import { type FormEvent, useId, useState } from 'react';
import { api, type RequestDetail } from '../api.js';
import { ProblemMessage } from '../components/Feedback.js';
import { FieldError, fieldProps } from '../components/Field.js';
import type { ApiError } from '../problem.js';
import { formatUtc } from '../time.js';
import { useFailureHandler } from './session.js';

type Review = NonNullable<RequestDetail['deadlineReview']>;

const ruleText = (id: string | null, version: number | null) => (id ? `${id} v${version ?? '?'}` : 'platform policy');

export function DeadlineRecompute({
  request,
  review,
  onSaved,
}: {
  request: RequestDetail;
  review: Review;
  onSaved: (detail: RequestDetail) => void;
}) {
  const fail = useFailureHandler();
  const noteId = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!note.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    setError(null);
    try {
      const detail = await api.recomputeDeadline(request.id, { note: note.trim() });
      setNote('');
      setOpen(false);
      onSaved(detail);
    } catch (e) {
      setError(fail(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="alert alert-warning deadline-review" data-testid="deadline-review">
      <p className="alert-title">The current rule packs give a different deadline</p>
      {review.problem ? (
        <p>The current rule packs cannot compute a deadline for this request: {review.problem}</p>
      ) : (
        <dl className="facts facts-compact">
          <dt>Stored</dt>
          <dd>
            due <time dateTime={request.dueAt}>{formatUtc(request.dueAt)}</time> ·{' '}
            {ruleText(request.deadline.ruleId, request.deadline.ruleVersion)}
          </dd>
          <dt>Current packs</dt>
          <dd data-testid="deadline-review-current" data-due-at={review.currentDueAt ?? ''}>
            {review.currentDueAt ? (
              <>
                due <time dateTime={review.currentDueAt}>{formatUtc(review.currentDueAt)}</time>
              </>
            ) : (
              'no deadline'
            )}{' '}
            · {ruleText(review.currentRuleId, review.currentRuleVersion)}
          </dd>
        </dl>
      )}
      <p className="hint">
        A change of a rule pack never moves a stored deadline by itself. Recomputing applies the current packs; the old and the
        new deadline and your note go into the history.
      </p>
      {error ? <ProblemMessage error={error} /> : null}
      {open ? (
        <form onSubmit={submit} aria-label="Recompute the deadline">
          <div className="field">
            <label htmlFor={noteId}>Why recompute (kept in the history)</label>
            <textarea
              id={noteId}
              data-testid="deadline-recompute-note"
              required
              rows={2}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              {...fieldProps(error, 'note', noteId)}
              {...(missing ? { 'aria-invalid': true, 'aria-describedby': `${noteId}-missing` } : {})}
            />
            {missing ? (
              <p className="field-error" id={`${noteId}-missing`}>
                Say why the deadline is recomputed.
              </p>
            ) : null}
            <FieldError error={error} field="note" idPrefix={noteId} />
          </div>
          <div className="actions">
            <button type="submit" className="button button-primary" data-testid="deadline-recompute-submit" disabled={busy}>
              {busy ? 'Recomputing…' : 'Recompute deadline'}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button" data-testid="deadline-recompute" onClick={() => setOpen(true)}>
          Recompute deadline
        </button>
      )}
    </div>
  );
}
