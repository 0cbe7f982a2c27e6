/**
 * The current rule packs would give this request another deadline: say so, and let the reviewer
 * apply them, with a note for the history (the API requires one).
 */
import { useId, useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { recomputeDeadlineSchema } from '../../../src/contracts/requests.js';
import { api, type RecomputeDeadline, type RequestDetail } from '../api.js';
import { ProblemMessage } from '../components/Feedback.js';
import { Field } from '../components/Field.js';
import { placeProblem, useSchemaForm } from '../components/form.js';
import { useRequestChange } from '../mutations.js';
import { formatUtc } from '../time.js';

type Review = NonNullable<RequestDetail['deadlineReview']>;

const ruleText = (id: string | null, version: number | null) => (id ? `${id} v${version ?? '?'}` : 'platform policy');

/** The form asks only for the note: the request's own regime, category and period stay. */
const recomputeForm = recomputeDeadlineSchema.pick({ note: true });

export function DeadlineRecompute({ request, review, onSaved }: { request: RequestDetail; review: Review; onSaved: () => void }) {
  const prefix = `${useId()}-`;
  const [open, setOpen] = useState(false);
  const form = useSchemaForm(recomputeForm, { note: '' });
  const recompute = useRequestChange((body: RecomputeDeadline) => api.recomputeDeadline(request.id, body));
  const submit = form.handleSubmit(async (body) => {
    try {
      await recompute.mutateAsync(body);
      form.reset({ note: '' });
      setOpen(false);
      onSaved();
    } catch (e) {
      placeProblem(e, form.setError);
    }
  });
  const busy = recompute.isPending;

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
      {recompute.error ? <ProblemMessage error={recompute.error} /> : null}
      {open ? (
        <FormProvider {...form}>
          <form onSubmit={submit} noValidate aria-label="Recompute the deadline">
            <Field name="note" label="Why recompute (kept in the history)" idPrefix={prefix}>
              {(control) => (
                <textarea
                  {...control}
                  {...form.register('note')}
                  data-testid="deadline-recompute-note"
                  required
                  rows={2}
                  maxLength={2000}
                />
              )}
            </Field>
            <div className="actions">
              <button type="submit" className="button button-primary" data-testid="deadline-recompute-submit" disabled={busy}>
                {busy ? 'Recomputing…' : 'Recompute deadline'}
              </button>
              <button type="button" className="button" disabled={busy} onClick={() => setOpen(false)}>
                Cancel
              </button>
            </div>
          </form>
        </FormProvider>
      ) : (
        <button type="button" className="button" data-testid="deadline-recompute" onClick={() => setOpen(true)}>
          Recompute deadline
        </button>
      )}
    </div>
  );
}
