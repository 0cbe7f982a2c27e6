/** Decide one item, or change its decision: outcome, reason, where it applies, and why. */
import { useId } from 'react';
import { FormProvider, useWatch } from 'react-hook-form';
import { type Outcome, outcomes, reasons } from '../../../src/domain/vocabulary.js';
import { api, type Item, type RequestDetail } from '../api.js';
import { ProblemMessage } from '../components/Feedback.js';
import { Field } from '../components/Field.js';
import { placeProblem, useSchemaForm } from '../components/form.js';
import { useTranslation } from '../i18n/index.js';
import { label } from '../labels.js';
import { useRequestChange } from '../mutations.js';
import { decisionFormSchema } from './decision.js';

type Props = {
  request: RequestDetail;
  item: Item;
  /** Called once the decision is saved (the request's cached copy is then the server's answer). */
  onSaved: () => void;
  /** Offered when an existing decision is being changed. */
  onCancel?: () => void;
};

/** The outcomes whose choice gets a hint under the select (`review:decision.hint.<outcome>`). */
const hinted: readonly Outcome[] = ['removed_legal', 'removed_policy'];

export function DecisionForm({ request, item, onSaved, onCancel }: Props) {
  const { t } = useTranslation('review');
  const prefix = `${useId()}-`;
  const existing = item.decision;
  const form = useSchemaForm(decisionFormSchema, {
    outcome: existing?.outcome,
    reason: existing?.reason,
    scopeCountries: (existing?.scopeCountries ?? [request.authority.country]).join(', '),
    rationale: existing?.rationale ?? '',
    publicSummary: existing?.publicSummary ?? '',
    publicInterest: existing?.publicInterest ?? false,
    caseStudy: existing?.caseStudy ?? '',
  });
  const decide = useRequestChange((decision: Parameters<typeof api.decideItem>[2]) =>
    api.decideItem(request.id, item.id, decision),
  );
  const submit = form.handleSubmit((decision) =>
    decide.mutateAsync(decision).then(onSaved, (e: unknown) => placeProblem(e, form.setError)),
  );
  const outcome = useWatch({ control: form.control, name: 'outcome' });
  const publicInterest = useWatch({ control: form.control, name: 'publicInterest' });
  const busy = decide.isPending;

  const hint = outcome && hinted.includes(outcome) ? t(`decision.hint.${outcome}`) : undefined;
  return (
    <FormProvider {...form}>
      <form
        className="decision-form"
        onSubmit={submit}
        noValidate
        aria-label={t('decision.formLabel', { position: item.position + 1 })}
      >
        {decide.error ? <ProblemMessage error={decide.error} /> : null}
        <div className="form-row">
          <Field name="outcome" label={t('item.outcome')} idPrefix={prefix} hint={hint}>
            {(control) => (
              <select {...control} {...form.register('outcome')} data-testid="decision-outcome" required>
                <option value="">{t('decision.chooseOutcome')}</option>
                {outcomes.map((o) => (
                  <option key={o} value={o}>
                    {label(t, 'outcome', o)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="reason" label={t('item.reason')} idPrefix={prefix}>
            {(control) => (
              <select {...control} {...form.register('reason')} data-testid="decision-reason" required>
                <option value="">{t('decision.chooseReason')}</option>
                {reasons.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {outcome === 'removed_legal' ? (
          <Field
            name="scopeCountries"
            controlId="scope"
            label={t('decision.scope')}
            idPrefix={prefix}
            hint={t('decision.scopeHint', { example: `${request.authority.country}, DE` })}
          >
            {(control) => (
              <input
                {...control}
                {...form.register('scopeCountries')}
                data-testid="decision-scope"
                type="text"
                required
                autoComplete="off"
                spellCheck={false}
              />
            )}
          </Field>
        ) : null}
        <Field name="rationale" label={t('item.rationale')} idPrefix={prefix} hint={t('decision.rationaleHint')}>
          {(control) => (
            <textarea
              {...control}
              {...form.register('rationale')}
              data-testid="decision-rationale"
              required
              rows={3}
              maxLength={5000}
            />
          )}
        </Field>
        <Field
          name="publicSummary"
          label={t('stages:decision.publicSummary')}
          idPrefix={prefix}
          hint={t('stages:decision.publicSummaryHint')}
        >
          {(control) => (
            <textarea
              {...control}
              {...form.register('publicSummary')}
              data-testid="decision-public-summary"
              rows={2}
              maxLength={2000}
            />
          )}
        </Field>
        <label className="checkbox">
          <input type="checkbox" {...form.register('publicInterest')} data-testid="decision-public-interest" />{' '}
          {t('stages:decision.publicInterest')}
        </label>
        {publicInterest ? (
          <Field
            name="caseStudy"
            label={t('stages:decision.caseStudy')}
            idPrefix={prefix}
            hint={t('stages:decision.caseStudyHint')}
          >
            {(control) => (
              <textarea
                {...control}
                {...form.register('caseStudy')}
                data-testid="decision-case-study"
                rows={4}
                maxLength={10000}
              />
            )}
          </Field>
        ) : null}
        <div className="actions">
          <button type="submit" className="button button-primary" data-testid="decision-submit" disabled={busy}>
            {busy ? t('decision.saving') : existing ? t('decision.saveChanged') : t('decision.record')}
          </button>
          {onCancel ? (
            <button type="button" className="button" onClick={onCancel} disabled={busy}>
              {t('common:cancel')}
            </button>
          ) : null}
        </div>
      </form>
    </FormProvider>
  );
}
