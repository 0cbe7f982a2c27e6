/** Decide one item, or change its decision: outcome, reason, where it applies, and why. */
import { type FormEvent, useId, useState } from 'react';
import { type Outcome, outcomes, type Reason, reasons } from '../../../src/domain/vocabulary.js';
import { api, type Item, type RequestDetail } from '../api.js';
import { ProblemMessage } from '../components/Feedback.js';
import { Field } from '../components/Field.js';
import { bucketLabels } from '../labels.js';
import type { ApiError } from '../problem.js';
import { useFailureHandler } from './session.js';

type Props = {
  request: RequestDetail;
  item: Item;
  onSaved: (detail: RequestDetail) => void;
  /** Offered when an existing decision is being changed. */
  onCancel?: () => void;
};

/** `kz, ru;by` → `['KZ', 'RU', 'BY']` */
export function parseCountries(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
}

const outcomeHints: Partial<Record<Outcome, string>> = {
  removed_legal: 'Restricted only in the countries listed below, under their law.',
  removed_policy: 'Removed everywhere because it breaks the platform’s own rules.',
};

export function DecisionForm({ request, item, onSaved, onCancel }: Props) {
  const fail = useFailureHandler();
  const prefix = `${useId()}-`;
  const existing = item.decision;
  const [outcome, setOutcome] = useState<Outcome | ''>(existing?.outcome ?? '');
  const [reason, setReason] = useState<Reason | ''>(existing?.reason ?? '');
  const [scope, setScope] = useState((existing?.scopeCountries ?? [request.authority.country]).join(', '));
  const [rationale, setRationale] = useState(existing?.rationale ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!outcome || !reason) return;
    setBusy(true);
    setError(null);
    try {
      const detail = await api.decideItem(request.id, item.id, {
        outcome,
        reason,
        scopeCountries: outcome === 'removed_legal' ? parseCountries(scope) : null,
        rationale,
      });
      onSaved(detail);
    } catch (e) {
      setError(fail(e));
      setBusy(false);
    }
  }

  const hint = outcome ? outcomeHints[outcome] : undefined;
  return (
    <form className="decision-form" onSubmit={submit} aria-label={`Decision on item ${item.position + 1}`}>
      {error ? <ProblemMessage error={error} /> : null}
      <div className="form-row">
        <Field name="outcome" label="Outcome" error={error} idPrefix={prefix} hint={hint}>
          {(control) => (
            <select
              {...control}
              data-testid="decision-outcome"
              required
              value={outcome}
              onChange={(e) => setOutcome(e.target.value as Outcome | '')}
            >
              <option value="">Choose an outcome…</option>
              {outcomes.map((o) => (
                <option key={o} value={o}>
                  {bucketLabels[o]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="reason" label="Reason" error={error} idPrefix={prefix}>
          {(control) => (
            <select
              {...control}
              data-testid="decision-reason"
              required
              value={reason}
              onChange={(e) => setReason(e.target.value as Reason | '')}
            >
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
          error={error}
          idPrefix={prefix}
          hint={`ISO 3166-1 two-letter codes separated by commas, e.g. ${request.authority.country}, DE.`}
        >
          {(control) => (
            <input
              {...control}
              data-testid="decision-scope"
              type="text"
              required
              autoComplete="off"
              spellCheck={false}
              value={scope}
              onChange={(e) => setScope(e.target.value)}
            />
          )}
        </Field>
      ) : null}
      <Field
        name="rationale"
        label="Rationale"
        error={error}
        idPrefix={prefix}
        hint="Why this outcome: kept in the request’s history."
      >
        {(control) => (
          <textarea
            {...control}
            data-testid="decision-rationale"
            required
            rows={3}
            maxLength={5000}
            value={rationale}
            onChange={(e) => setRationale(e.target.value)}
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
  );
}
