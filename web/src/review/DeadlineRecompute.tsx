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
import { type TFunction, useFormat, useTranslation } from '../i18n/index.js';
import { useRequestChange } from '../mutations.js';

type Review = NonNullable<RequestDetail['deadlineReview']>;

const ruleText = (t: TFunction, id: string | null, version: number | null) =>
  id ? `${id} v${version ?? '?'}` : t('review:history.platformPolicy');

/** The form asks only for the note: the request's own regime, category and period stay. */
const recomputeForm = recomputeDeadlineSchema.pick({ note: true });

export function DeadlineRecompute({ request, review, onSaved }: { request: RequestDetail; review: Review; onSaved: () => void }) {
  const { t } = useTranslation('review');
  const format = useFormat();
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
      <p className="alert-title">{t('recompute.title')}</p>
      {review.problem ? (
        <p>{t('recompute.problem', { problem: review.problem })}</p>
      ) : (
        <dl className="facts facts-compact">
          <dt>{t('recompute.stored')}</dt>
          <dd>
            {t('recompute.due')} <time dateTime={request.dueAt}>{format.utc(request.dueAt)}</time> ·{' '}
            {ruleText(t, request.deadline.ruleId, request.deadline.ruleVersion)}
          </dd>
          <dt>{t('recompute.current')}</dt>
          <dd data-testid="deadline-review-current" data-due-at={review.currentDueAt ?? ''}>
            {review.currentDueAt ? (
              <>
                {t('recompute.due')} <time dateTime={review.currentDueAt}>{format.utc(review.currentDueAt)}</time>
              </>
            ) : (
              t('history.noDeadline')
            )}{' '}
            · {ruleText(t, review.currentRuleId, review.currentRuleVersion)}
          </dd>
        </dl>
      )}
      <p className="hint">{t('recompute.hint')}</p>
      {recompute.error ? <ProblemMessage error={recompute.error} /> : null}
      {open ? (
        <FormProvider {...form}>
          <form onSubmit={submit} noValidate aria-label={t('recompute.formLabel')}>
            <Field name="note" label={t('recompute.note')} idPrefix={prefix}>
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
                {busy ? t('recompute.busy') : t('recompute.submit')}
              </button>
              <button type="button" className="button" disabled={busy} onClick={() => setOpen(false)}>
                {t('common:cancel')}
              </button>
            </div>
          </form>
        </FormProvider>
      ) : (
        <button type="button" className="button" data-testid="deadline-recompute" onClick={() => setOpen(true)}>
          {t('recompute.submit')}
        </button>
      )}
    </div>
  );
}
