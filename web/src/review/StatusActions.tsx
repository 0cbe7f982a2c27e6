/** Move a request along its lifecycle: one button per allowed transition, with an optional note. */
import { useId, useState } from 'react';
import { allowedTransitions } from '../../../src/domain/request-lifecycle.js';
import type { RequestStatus } from '../../../src/domain/vocabulary.js';
import { api, type RequestDetail } from '../api.js';
import { ProblemMessage } from '../components/Feedback.js';
import { FieldError, fieldProps } from '../components/Field.js';
import { statusLabels, transitionLabels } from '../labels.js';
import type { ApiError } from '../problem.js';
import { useFailureHandler } from './session.js';

/** What the button says: going back into review reads differently from starting it. */
function transitionLabel(from: RequestStatus, to: RequestStatus): string {
  if (to === 'in_review' && from === 'decided') return 'Reopen for review';
  if (to === 'in_review' && from === 'needs_clarification') return 'Resume review';
  return transitionLabels[to];
}

/** Statuses from which there is no way back: ask before moving there. */
const final = (status: RequestStatus) => allowedTransitions(status).length === 0;

export function StatusActions({ request, onSaved }: { request: RequestDetail; onSaved: (detail: RequestDetail) => void }) {
  const fail = useFailureHandler();
  const noteId = useId();
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState<RequestStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // Final moves (close, withdraw) go last, after the everyday ones.
  const targets = [...allowedTransitions(request.status)].sort((a, b) => Number(final(a)) - Number(final(b)));
  const undecided = request.itemCount - request.decidedItemCount;

  if (targets.length === 0) {
    return (
      <p className="muted">This request is {statusLabels[request.status].toLowerCase()}; its status can no longer change.</p>
    );
  }

  async function move(to: RequestStatus) {
    if (final(to) && confirming !== to) {
      setConfirming(to);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const detail = await api.changeStatus(request.id, note.trim() ? { status: to, note: note.trim() } : { status: to });
      setNote('');
      setConfirming(null);
      onSaved(detail);
    } catch (e) {
      setError(fail(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="status-actions">
      {error ? <ProblemMessage error={error} /> : null}
      <div className="field">
        <label htmlFor={noteId}>Note for the history (optional)</label>
        <textarea
          id={noteId}
          rows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          {...fieldProps(error, 'note', noteId)}
        />
        <FieldError error={error} field="note" idPrefix={noteId} />
      </div>
      <div className="actions">
        {targets.map((to) => {
          const blocked = to === 'decided' && undecided > 0;
          return (
            <button
              key={to}
              type="button"
              className={`button ${final(to) ? 'button-danger' : ''}`}
              data-testid={`status-to-${to}`}
              disabled={busy || blocked}
              title={blocked ? `${undecided} item(s) still need a decision` : undefined}
              onClick={() => move(to)}
            >
              {transitionLabel(request.status, to)}
            </button>
          );
        })}
      </div>
      {targets.includes('decided') && undecided > 0 ? (
        <p className="hint">
          {undecided === 1 ? 'One item still needs' : `${undecided} items still need`} a decision before the request can be marked
          decided; the last decision marks it decided by itself.
        </p>
      ) : null}
      {confirming ? (
        <div className="alert alert-warning" role="alert">
          <p>Moving the request to “{statusLabels[confirming]}” is final: it cannot be reopened afterwards.</p>
          <div className="actions">
            <button
              type="button"
              className="button button-danger"
              data-testid="status-confirm"
              disabled={busy}
              onClick={() => move(confirming)}
            >
              Yes, {transitionLabels[confirming].toLowerCase()}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
