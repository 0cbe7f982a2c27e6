/** Decide one item, or change its decision: outcome, reason, where it applies, and why. */
import { useId } from 'react';
import { FormProvider, useWatch } from 'react-hook-form';
import { type Outcome, outcomes, reasons } from '../../../src/domain/vocabulary.js';
import { api, type Item, type RequestDetail } from '../api.js';
import { ProblemMessage } from '../components/Feedback.js';
import { Field } from '../components/Field.js';
import { placeProblem, useSchemaForm } from '../components/form.js';
import { bucketLabels } from '../labels.js';
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

const outcomeHints: Partial<Record<Outcome, string>> = {
  removed_legal: 'Restricted only in the countries listed below, under their law.',
  removed_policy: 'Removed everywhere because it breaks the platform’s own rules.',
};

export function DecisionForm({ request, item, onSaved, onCancel }: Props) {
  const prefix = `${useId()}-`;
  const existing = item.decision;
  const form = useSchemaForm(decisionFormSchema, {
    outcome: existing?.outcome,
    reason: existing?.reason,
    scopeCountries: (existing?.scopeCountries ?? [request.authority.country]).join(', '),
    rationale: existing?.rationale ?? '',
  });
  const decide = useRequestChange((decision: Parameters<typeof api.decideItem>[2]) =>
    api.decideItem(request.id, item.id, decision),
  );
  const submit = form.handleSubmit((decision) =>
    decide.mutateAsync(decision).then(onSaved, (e: unknown) => placeProblem(e, form.setError)),
  );
  const outcome = useWatch({ control: form.control, name: 'outcome' });
  const busy = decide.isPending;

  const hint = outcome ? outcomeHints[outcome] : undefined;
  return (
    <FormProvider {...form}>
      <form className="decision-form" onSubmit={submit} noValidate aria-label={`Decision on item ${item.position + 1}`}>
        {decide.error ? <ProblemMessage error={decide.error} /> : null}
        <div className="form-row">
          <Field name="outcome" label="Outcome" idPrefix={prefix} hint={hint}>
            {(control) => (
              <select {...control} {...form.register('outcome')} data-testid="decision-outcome" required>
                <option value="">Choose an outcome…</option>
                {outcomes.map((o) => (
                  <option key={o} value={o}>
                    {bucketLabels[o]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="reason" label="Reason" idPrefix={prefix}>
            {(control) => (
              <select {...control} {...form.register('reason')} data-testid="decision-reason" required>
                <option value="">Choose a reason…</option>
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
            label="Restricted in (country codes)"
            idPrefix={prefix}
            hint={`ISO 3166-1 two-letter codes separated by commas, e.g. ${request.authority.country}, DE.`}
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
        <Field name="rationale" label="Rationale" idPrefix={prefix} hint="Why this outcome: kept in the request’s history.">
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
        <div className="actions">
          <button type="submit" className="button button-primary" data-testid="decision-submit" disabled={busy}>
            {busy ? 'Saving…' : existing ? 'Save changed decision' : 'Record decision'}
          </button>
          {onCancel ? (
            <button type="button" className="button" onClick={onCancel} disabled={busy}>
              Cancel
            </button>
          ) : null}
        </div>
      </form>
    </FormProvider>
  );
}
