/** The decision on one account of a data order: what was produced, what was refused and why. */
import { useId, useState } from 'react';
import { FormProvider, useWatch } from 'react-hook-form';
import { ProblemMessage } from '../../components/Feedback.js';
import { Field } from '../../components/Field.js';
import { messageAt, placeProblem, useSchemaForm } from '../../components/form.js';
import { useFormat, useTranslation } from '../../i18n/index.js';
import { label } from '../../labels.js';
import { useRequestChange } from '../../mutations.js';
import type { DataRequestDetail } from './DataRequestSection.js';
import { type AccountDecisionInput, decisionsApi } from './decisions-api.js';
import {
  accountDecisionFormSchema,
  type DataCategory,
  dataCategories,
  productionExtents,
  refusalReasons,
} from './decisions-form.js';

type Account = DataRequestDetail['dataRequest']['accounts'][number];
type Props = { request: DataRequestDetail; account: Account; decidable: boolean };

function ShownDecision({ decision }: { decision: NonNullable<Account['decision']> }) {
  const { t } = useTranslation('data-decisions');
  const format = useFormat();
  return (
    <dl className="facts decision" data-testid="account-decision">
      <dt>{t('extent')}</dt>
      <dd>
        <strong>{label(t, 'productionExtent', decision.extent)}</strong>
      </dd>
      {decision.extent !== 'none' && decision.producedCategories.length > 0 ? (
        <>
          <dt>{t('produced')}</dt>
          <dd>
            <ul className="chips">
              {decision.producedCategories.map((c) => (
                <li key={c} className="chip">
                  {label(t, 'dataCategory', c)}
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {decision.refusalReason ? (
        <>
          <dt>{t('refusalReason')}</dt>
          <dd>{label(t, 'refusalReason', decision.refusalReason)}</dd>
        </>
      ) : null}
      <dt>{t('legalBasis')}</dt>
      <dd>{decision.legalBasis}</dd>
      <dt>{t('rationale')}</dt>
      <dd className="rationale">{decision.rationale}</dd>
      <dt>{t('decided')}</dt>
      <dd>{t('decidedBy', { name: decision.decidedBy.name, at: format.utc(decision.decidedAt) })}</dd>
    </dl>
  );
}

function AccountDecisionForm({
  request,
  account,
  onSaved,
  onCancel,
}: Omit<Props, 'decidable'> & { onSaved: () => void; onCancel?: () => void }) {
  const { t } = useTranslation('data-decisions');
  const prefix = `${useId()}-`;
  const existing = account.decision;
  const asked = request.dataRequest.categories.length ? request.dataRequest.categories : dataCategories;
  const form = useSchemaForm(accountDecisionFormSchema, {
    extent: existing?.extent,
    producedCategories: existing?.extent === 'some' ? existing.producedCategories : [],
    refusalReason: existing?.refusalReason ?? '',
    legalBasis: existing?.legalBasis ?? '',
    rationale: existing?.rationale ?? '',
  });
  const decide = useRequestChange((decision: AccountDecisionInput) =>
    decisionsApi.decideAccount(request.id, account.id, decision),
  );
  const submit = form.handleSubmit((decision) =>
    decide.mutateAsync(decision).then(onSaved, (e: unknown) => placeProblem(e, form.setError)),
  );
  const extent = useWatch({ control: form.control, name: 'extent' });
  const produced = useWatch({ control: form.control, name: 'producedCategories' }) ?? [];
  // Read from the form itself: this component renders the FormProvider that useFieldError needs.
  const extentError = messageAt(form.formState.errors, 'extent');
  const categoriesError = messageAt(form.formState.errors, 'producedCategories');
  const busy = decide.isPending;
  const toggle = (category: DataCategory, on: boolean) =>
    form.setValue(
      'producedCategories',
      on ? [...produced.filter((c) => c !== category), category] : produced.filter((c) => c !== category),
      { shouldDirty: true, shouldValidate: form.formState.isSubmitted },
    );

  return (
    <FormProvider {...form}>
      <form
        className="decision-form"
        onSubmit={submit}
        noValidate
        data-testid="account-decision-form"
        aria-label={t('formLabel', { position: account.position + 1 })}
      >
        {decide.error ? <ProblemMessage error={decide.error} /> : null}
        <fieldset className="field" aria-invalid={extentError ? true : undefined}>
          <legend>{t('extent')}</legend>
          {productionExtents.map((value) => (
            <label key={value} className="choice">
              <input type="radio" value={value} {...form.register('extent')} data-testid={`account-extent-${value}`} />{' '}
              {label(t, 'productionExtent', value)}
            </label>
          ))}
          {extentError ? <p className="field-error">{extentError}</p> : null}
        </fieldset>
        {extent === 'some' ? (
          <fieldset className="field" aria-invalid={categoriesError ? true : undefined}>
            <legend>{t('produced')}</legend>
            {asked.map((category) => (
              <label key={category} className="choice">
                <input
                  type="checkbox"
                  checked={produced.includes(category)}
                  onChange={(e) => toggle(category, e.currentTarget.checked)}
                  data-testid={`account-category-${category}`}
                />{' '}
                {label(t, 'dataCategory', category)}
              </label>
            ))}
            {categoriesError ? <p className="field-error">{categoriesError}</p> : null}
          </fieldset>
        ) : null}
        {extent === 'some' || extent === 'none' ? (
          <Field name="refusalReason" label={t('refusalReason')} idPrefix={prefix} hint={t('refusalReasonHint')}>
            {(control) => (
              <select {...control} {...form.register('refusalReason')} data-testid="account-refusal-reason" required>
                <option value="">{t('chooseReason')}</option>
                {refusalReasons.map((r) => (
                  <option key={r} value={r}>
                    {label(t, 'refusalReason', r)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field name="legalBasis" label={t('legalBasis')} idPrefix={prefix} hint={t('legalBasisHint')}>
          {(control) => (
            <input
              {...control}
              {...form.register('legalBasis')}
              data-testid="account-legal-basis"
              type="text"
              required
              maxLength={2000}
            />
          )}
        </Field>
        <Field name="rationale" label={t('rationale')} idPrefix={prefix} hint={t('rationaleHint')}>
          {(control) => (
            <textarea
              {...control}
              {...form.register('rationale')}
              data-testid="account-rationale"
              required
              rows={3}
              maxLength={5000}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button button-primary" data-testid="account-decide" disabled={busy}>
            {busy ? t('saving') : existing ? t('saveChanged') : t('record')}
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

export function AccountDecision({ request, account, decidable }: Props) {
  const { t } = useTranslation('data-decisions');
  const [changing, setChanging] = useState(false);
  const decision = account.decision;
  if (decidable && (!decision || changing)) {
    return (
      <AccountDecisionForm
        request={request}
        account={account}
        onSaved={() => setChanging(false)}
        onCancel={decision ? () => setChanging(false) : undefined}
      />
    );
  }
  if (!decision) return <p className="muted">{t('undecided')}</p>;
  return (
    <>
      <ShownDecision decision={decision} />
      {decidable ? (
        <button type="button" className="button" onClick={() => setChanging(true)} data-testid="account-change">
          {t('change')}
        </button>
      ) : null}
    </>
  );
}
