/** Move a request along its lifecycle: one button per allowed transition, with an optional note. */
import { useId, useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { z } from 'zod';
import { statusChangeSchema } from '../../../src/contracts/requests.js';
import { allowedTransitions } from '../../../src/domain/request-lifecycle.js';
import type { RequestStatus } from '../../../src/domain/vocabulary.js';
import { api, type RequestDetail, type StatusChange } from '../api.js';
import { ProblemMessage } from '../components/Feedback.js';
import { Field } from '../components/Field.js';
import { optionalText, placeProblem, useSchemaForm } from '../components/form.js';
import { type TFunction, useLocale, useTranslation } from '../i18n/index.js';
import { label } from '../labels.js';
import { useRequestChange } from '../mutations.js';

/** What the button says: going back into review reads differently from starting it. */
function transitionLabel(t: TFunction, from: RequestStatus, to: RequestStatus): string {
  if (to === 'in_review' && from === 'decided') return t('review:status.reopen');
  if (to === 'in_review' && from === 'needs_clarification') return t('review:status.resume');
  return label(t, 'transition', to);
}

/** Statuses from which there is no way back: ask before moving there. */
const final = (status: RequestStatus) => allowedTransitions(status).length === 0;

/** The note is the form; the status is the button pressed. A blank note is no note. */
const noteForm = z.object({ note: optionalText(statusChangeSchema.shape.note) });

export function StatusActions({ request }: { request: RequestDetail }) {
  const { t } = useTranslation('review');
  const locale = useLocale();
  const prefix = `${useId()}-`;
  const [confirming, setConfirming] = useState<RequestStatus | null>(null);
  const form = useSchemaForm(noteForm, { note: '' });
  const change = useRequestChange((body: StatusChange) => api.changeStatus(request.id, body));
  // Final moves (close, withdraw) go last, after the everyday ones.
  const targets = [...allowedTransitions(request.status)].sort((a, b) => Number(final(a)) - Number(final(b)));
  const undecided = request.itemCount - request.decidedItemCount;
  const busy = change.isPending;

  if (targets.length === 0) {
    return <p className="muted">{t('status.final', { status: label(t, 'status', request.status).toLocaleLowerCase(locale) })}</p>;
  }

  const move = (to: RequestStatus) =>
    form.handleSubmit(async ({ note }) => {
      if (final(to) && confirming !== to) {
        setConfirming(to);
        return;
      }
      try {
        await change.mutateAsync(note ? { status: to, note } : { status: to });
        form.reset({ note: '' });
        setConfirming(null);
      } catch (e) {
        placeProblem(e, form.setError);
      }
    })();

  return (
    <FormProvider {...form}>
      <div className="status-actions">
        {change.error ? <ProblemMessage error={change.error} /> : null}
        <Field name="note" label={t('status.note')} idPrefix={prefix}>
          {(control) => <textarea {...control} {...form.register('note')} rows={2} maxLength={2000} />}
        </Field>
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
                title={blocked ? t('status.undecidedTitle', { count: undecided }) : undefined}
                onClick={() => move(to)}
              >
                {transitionLabel(t, request.status, to)}
              </button>
            );
          })}
        </div>
        {targets.includes('decided') && undecided > 0 ? (
          <p className="hint">{t('status.undecidedHint', { count: undecided })}</p>
        ) : null}
        {confirming ? (
          <div className="alert alert-warning" role="alert">
            <p>{t('status.confirmFinal', { status: label(t, 'status', confirming) })}</p>
            <div className="actions">
              <button
                type="button"
                className="button button-danger"
                data-testid="status-confirm"
                disabled={busy}
                onClick={() => move(confirming)}
              >
                {t('status.yes', { action: label(t, 'transition', confirming).toLocaleLowerCase(locale) })}
              </button>
              <button type="button" className="button" disabled={busy} onClick={() => setConfirming(null)}>
                {t('common:cancel')}
              </button>
            </div>
          </div>
        ) : null}
      </div>
    </FormProvider>
  );
}
