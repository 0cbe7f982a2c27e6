/**
 * Record a user figure: the country, the metric a law counts in, the value and the day it was
 * measured. The metrics the country's regimes use are offered first, so that a figure is never
 * recorded in a metric no law of that country reads.
 */
import { useQueries } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { type CoverageMetric, coverageMetrics } from '../../../src/domain/regimes/vocabulary.js';
import { api, type RegimePack, type RegimeSummary, type UserFigure } from '../api.js';
import { ProblemMessage } from '../components/Feedback.js';
import { Field } from '../components/Field.js';
import { countryName, formatNumber, metricName } from '../labels.js';
import type { ApiError } from '../problem.js';
import { queries } from '../queries.js';
import { useFailureHandler } from '../review/session.js';
import { formatDay } from '../time.js';
import { metricsOf, placeName } from './register.js';

type Props = {
  regimes: readonly RegimeSummary[];
  /** Countries already in the register (offered even without a regime). */
  countries: readonly string[];
  /** The register's day: a figure cannot be measured after it. */
  today: string;
  onRecorded: (figure: UserFigure) => void;
};

/** `120,000` or `120 000` → 120000; null when it is not a whole number. */
function parseValue(text: string): number | null {
  const digits = text.replace(/[\s,_'\u00a0\u202f]/g, '');
  return /^\d+$/.test(digits) ? Number(digits) : null;
}

const noPacks: RegimePack[] = [];
const allPacks = (results: readonly { data?: RegimePack }[]): RegimePack[] =>
  results.every((r) => r.data) ? results.map((r) => r.data as RegimePack) : noPacks;

/** The metrics each regime of `country` uses, fetched from the packs when the country is chosen. */
function useMetricsUsed(country: string, regimes: readonly RegimeSummary[]): Map<CoverageMetric, string[]> {
  const ids = useMemo(() => regimes.filter((r) => r.jurisdiction === country).map((r) => r.id), [country, regimes]);
  // All of them or none: without the packs every metric is simply offered alike.
  const packs = useQueries({
    queries: ids.map((id) => queries.regime(id)),
    combine: allPacks,
  });
  return useMemo(() => {
    const used = new Map<CoverageMetric, string[]>();
    for (const pack of packs) {
      for (const m of metricsOf(
        pack,
        regimes.find((r) => r.id === pack.id),
      ))
        used.set(m, [...(used.get(m) ?? []), pack.id]);
    }
    return used;
  }, [packs, regimes]);
}

export function FigureForm({ regimes, countries, today, onRecorded }: Props) {
  const fail = useFailureHandler();
  const prefix = `${useId()}-`;
  const id = (name: string) => `${prefix}${name}`;
  const [country, setCountry] = useState('');
  const [metric, setMetric] = useState<CoverageMetric | ''>('');
  const [value, setValue] = useState('');
  const [measuredOn, setMeasuredOn] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [badValue, setBadValue] = useState(false);
  const [recorded, setRecorded] = useState<UserFigure | null>(null);
  const used = useMetricsUsed(country, regimes);

  const places = useMemo(() => {
    const codes = new Set([...regimes.map((r) => r.jurisdiction), ...countries]);
    return [...codes].sort((a, b) => countryName(a).localeCompare(countryName(b)));
  }, [regimes, countries]);

  // Once the country's packs are in, preselect the metric its laws count in (unless one was chosen).
  useEffect(() => {
    const first = [...used.keys()][0];
    if (first) setMetric((m) => m || first);
  }, [used]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parseValue(value);
    setBadValue(parsed === null);
    if (parsed === null || !country || !metric || !measuredOn) return;
    setBusy(true);
    setError(null);
    setRecorded(null);
    try {
      const result = await api.recordFigure({ country, metric, value: parsed, measuredOn, note: note.trim() || undefined });
      setRecorded(result.figure);
      setValue('');
      setNote('');
      onRecorded(result.figure);
    } catch (e) {
      setError(fail(e));
    } finally {
      setBusy(false);
    }
  }

  const otherMetrics = coverageMetrics.filter((m) => !used.has(m));
  return (
    <form className="card form figure-form" data-testid="figure-form" onSubmit={submit} aria-labelledby={id('heading')}>
      <h2 id={id('heading')}>Record a user figure</h2>
      {error ? <ProblemMessage error={error} /> : null}
      {recorded ? (
        <p className="alert alert-success" role="status" data-testid="figure-recorded">
          Recorded {formatNumber(recorded.value)} {metricName(recorded.metric).toLowerCase()} for {placeName(recorded.country)},
          measured {formatDay(recorded.measuredOn)}.
        </p>
      ) : null}
      <div className="form-row">
        <Field name="country" label="Country" error={error} idPrefix={prefix}>
          {(control) => (
            <select
              {...control}
              data-testid="figure-country"
              required
              value={country}
              onChange={(e) => {
                setCountry(e.target.value);
                setMetric('');
              }}
            >
              <option value="">Choose…</option>
              {places.map((code) => (
                <option key={code} value={code}>
                  {placeName(code)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="metric"
          label="Metric"
          error={error}
          idPrefix={prefix}
          hint="Record the figure in the metric the law counts in; figures in other metrics are never compared with its threshold."
        >
          {(control) => (
            <select
              {...control}
              data-testid="figure-metric"
              required
              value={metric}
              onChange={(e) => setMetric(e.target.value as CoverageMetric | '')}
            >
              <option value="">Choose…</option>
              {used.size > 0 ? (
                <optgroup label={`Used by the laws of ${countryName(country)}`}>
                  {[...used.entries()].map(([m, packIds]) => (
                    <option key={m} value={m}>
                      {metricName(m)} ({packIds.join(', ')})
                    </option>
                  ))}
                </optgroup>
              ) : null}
              <optgroup label={used.size > 0 ? 'Other metrics' : 'Metrics'}>
                {otherMetrics.map((m) => (
                  <option key={m} value={m}>
                    {metricName(m)}
                  </option>
                ))}
              </optgroup>
            </select>
          )}
        </Field>
      </div>
      <div className="form-row">
        <Field
          name="value"
          label="Value"
          error={error}
          idPrefix={prefix}
          problem={badValue ? 'Enter a whole number, e.g. 120000.' : null}
        >
          {(control) => (
            <input
              {...control}
              data-testid="figure-value"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              required
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
          )}
        </Field>
        <Field name="measuredOn" controlId="measured" label="Date measured" error={error} idPrefix={prefix}>
          {(control) => (
            <input
              {...control}
              data-testid="figure-measured"
              type="date"
              required
              max={today}
              value={measuredOn}
              onChange={(e) => setMeasuredOn(e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field
        name="note"
        label={
          <>
            Note <span className="muted">(optional: where the figure comes from)</span>
          </>
        }
        error={error}
        idPrefix={prefix}
      >
        {(control) => <input {...control} type="text" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit" className="button button-primary" data-testid="figure-submit" disabled={busy}>
          {busy ? 'Recording…' : 'Record figure'}
        </button>
      </div>
    </form>
  );
}
