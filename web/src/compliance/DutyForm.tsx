/** Where the platform stands on one duty: status, owner, a note, and the reason when it does not apply. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { FormProvider, useWatch } from 'react-hook-form';
import { dutyStatuses } from '../../../src/domain/regimes/vocabulary.js';
import { api, type DutyRef, type DutyUpdate, type DutyView } from '../api.js';
import { ProblemMessage } from '../components/Feedback.js';
import { Field } from '../components/Field.js';
import { placeProblem, useSchemaForm } from '../components/form.js';
import { useTranslation } from '../i18n/index.js';
import { label } from '../labels.js';
import { dutySaved } from '../mutations.js';
import { dutyForm, orNull } from './forms.js';

type Props = { duty: DutyView } & Omit<DutyRef, 'dutyId'>;

export function DutyForm({ country, regimeId, duty }: Props) {
  const { t } = useTranslation('compliance');
  const prefix = `${useId()}-`;
  const client = useQueryClient();
  const form = useSchemaForm(dutyForm, {
    status: duty.status,
    owner: duty.owner ?? '',
    note: duty.note ?? '',
    notApplicableReason: duty.notApplicableReason ?? '',
  });
  const save = useMutation({
    mutationFn: (update: DutyUpdate) => api.updateDuty({ country, regimeId, dutyId: duty.dutyId }, update),
    onSuccess: (updated) => dutySaved(client, updated),
  });
  const submit = form.handleSubmit((update) => save.mutateAsync(update).catch((e: unknown) => placeProblem(e, form.setError)));
  const [status, owner, note, reason] = useWatch({
    control: form.control,
    name: ['status', 'owner', 'note', 'notApplicableReason'],
  });

  // Against the duty as the server last gave it: saving makes the two agree again.
  const dirty =
    status !== duty.status ||
    orNull(owner) !== duty.owner ||
    orNull(note) !== duty.note ||
    (status === 'not_applicable' && orNull(reason) !== duty.notApplicableReason);

  return (
    <FormProvider {...form}>
      <form
        className="duty-form"
        onSubmit={submit}
        noValidate
        aria-label={t('dutyForm.label', { duty: duty.summary.slice(0, 60) })}
      >
        {save.error ? <ProblemMessage error={save.error} /> : null}
        <div className="form-row">
          <Field name="status" label={t('dutyForm.status')} idPrefix={prefix}>
            {(control) => (
              <select {...control} {...form.register('status')} data-testid="duty-status">
                {dutyStatuses.map((s) => (
                  <option key={s} value={s}>
                    {label(t, 'dutyStatus', s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="owner" label={t('dutyForm.owner')} idPrefix={prefix}>
            {(control) => (
              <input
                {...control}
                {...form.register('owner')}
                data-testid="duty-owner"
                type="text"
                autoComplete="off"
                maxLength={200}
                placeholder={t('dutyForm.ownerPlaceholder')}
              />
            )}
          </Field>
          <Field
            name="note"
            label={
              <>
                {t('figures.note')} <span className="muted">{t('dutyForm.optional')}</span>
              </>
            }
            idPrefix={prefix}
          >
            {(control) => (
              <textarea
                {...control}
                {...form.register('note')}
                data-testid="duty-note"
                className="textarea-compact"
                rows={1}
                maxLength={5000}
              />
            )}
          </Field>
        </div>
        {status === 'not_applicable' ? (
          <Field name="notApplicableReason" controlId="reason" label={t('dutyForm.naReason')} idPrefix={prefix}>
            {(control) => (
              <textarea
                {...control}
                {...form.register('notApplicableReason')}
                data-testid="duty-na-reason"
                required
                rows={2}
                maxLength={2000}
              />
            )}
          </Field>
        ) : null}
        <div className="actions">
          <button
            type="submit"
            className="button button-primary button-small"
            data-testid="duty-save"
            disabled={save.isPending || !dirty}
          >
            {save.isPending ? t('dutyForm.saving') : t('dutyForm.save')}
          </button>
          {save.isSuccess && !dirty ? (
            <span className="saved-note" role="status">
              {t('dutyForm.saved')}
            </span>
          ) : null}
        </div>
      </form>
    </FormProvider>
  );
}
