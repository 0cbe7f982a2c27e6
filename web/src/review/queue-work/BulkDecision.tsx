/**
 * A bulk decision on the order's items (issue 12), for those who decide items: a glob over the
 * targets (`*` any run, `?` one character), a preview of what it matches, then one decision applied
 * item by item; each item's result (decided, or refused with its problem) is listed.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { can } from '../../../../src/domain/permissions.js';
import { type Outcome, outcomes, type Reason, reasons } from '../../../../src/domain/vocabulary.js';
import type { RequestDetail } from '../../api.js';
import { ProblemMessage } from '../../components/Feedback.js';
import { useTranslation } from '../../i18n/index.js';
import { label } from '../../labels.js';
import { type ApiError, asApiError } from '../../problem.js';
import { keys, queries } from '../../queries.js';
import { type BulkPreview, type BulkResult, queueWorkApi } from './queue-work-api.js';

export function BulkDecision({ request }: { request: RequestDetail }) {
  const { t } = useTranslation('queue-work');
  const client = useQueryClient();
  const user = useQuery(queries.session()).data?.user;
  const [pattern, setPattern] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('removed_legal');
  const [reason, setReason] = useState<Reason>(reasons[0]);
  const [scope, setScope] = useState(request.authority.country);
  const [rationale, setRationale] = useState('');
  const [preview, setPreview] = useState<BulkPreview | null>(null);
  const [result, setResult] = useState<BulkResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  if (!user || !can(user.role, 'items.decide') || request.items.length === 0) return null;

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const onPreview = () =>
    run(async () => {
      setResult(null);
      setPreview(await queueWorkApi.preview(request.id, { targetPattern: pattern, onlyUndecided: true }));
    });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const scopeCountries =
        outcome === 'removed_legal'
          ? scope
              .split(/[\s,]+/)
              .filter(Boolean)
              .map((c) => c.toUpperCase())
          : null;
      setResult(
        await queueWorkApi.bulk(request.id, {
          targetPattern: pattern,
          onlyUndecided: true,
          outcome,
          reason,
          scopeCountries,
          rationale,
        }),
      );
      setPreview(null);
      await client.invalidateQueries({ queryKey: keys.request(request.id) });
      void client.invalidateQueries({ queryKey: keys.requestLists });
    });
  };

  return (
    <section className="section" aria-labelledby="bulk-heading" data-testid="bulk-decision">
      <h3 id="bulk-heading">{t('bulk.title')}</h3>
      <form className="form" onSubmit={onSubmit}>
        <label>
          <span>{t('bulk.pattern')}</span>
          <input value={pattern} onChange={(e) => setPattern(e.target.value)} data-testid="bulk-pattern" />
          <span className="hint">{t('bulk.patternHint')}</span>
        </label>
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={busy || !pattern}
            onClick={() => void onPreview()}
            data-testid="bulk-preview"
          >
            {t('bulk.preview')}
          </button>
        </div>
        {preview ? (
          <div data-testid="bulk-preview-result" data-matched={preview.matched}>
            <p>{t('bulk.matched', { count: preview.matched })}</p>
            <ul className="bulk-matches">
              {preview.items.slice(0, 50).map((i) => (
                <li key={i.itemId}>
                  <code>{i.target}</code>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <label>
          <span>{t('bulk.outcome')}</span>
          <select value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)} data-testid="bulk-outcome">
            {outcomes.map((o) => (
              <option key={o} value={o}>
                {label(t, 'outcome', o)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('bulk.reason')}</span>
          <select value={reason} onChange={(e) => setReason(e.target.value as Reason)} data-testid="bulk-reason">
            {reasons.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        {outcome === 'removed_legal' ? (
          <label>
            <span>{t('bulk.scope')}</span>
            <input value={scope} onChange={(e) => setScope(e.target.value)} data-testid="bulk-scope" />
          </label>
        ) : null}
        <label>
          <span>{t('bulk.rationale')}</span>
          <textarea value={rationale} onChange={(e) => setRationale(e.target.value)} data-testid="bulk-rationale" />
        </label>
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy || !pattern} data-testid="bulk-apply">
            {t('bulk.apply')}
          </button>
        </div>
      </form>
      {error ? <ProblemMessage error={error} /> : null}
      {result ? (
        <div data-testid="bulk-result" data-decided={result.decided} data-refused={result.refused}>
          <p>{t('bulk.summary', { decided: result.decided, refused: result.refused })}</p>
          <ul>
            {result.results.map((r) => (
              <li key={r.itemId} data-testid="bulk-result-item" data-result={r.result}>
                <code>{r.target}</code> —{' '}
                {r.result === 'decided' ? t('bulk.decided') : t('bulk.refused', { message: r.message ?? '' })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
