/**
 * Record a user figure: the country, the metric a law counts in, the value and the day it was
 * measured. The metrics the country's regimes use are offered first, so that a figure is never
 * recorded in a metric no law of that country reads.
 */
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo } from 'react';
import { FormProvider, useWatch } from 'react-hook-form';
import { type CoverageMetric, coverageMetrics } from '../../../src/domain/regimes/vocabulary.js';
import { api, type NewUserFigure, type RegimePack, type RegimeSummary } from '../api.js';
import { ProblemMessage } from '../components/Feedback.js';
import { Field } from '../components/Field.js';
import { placeProblem, useSchemaForm } from '../components/form.js';
import { useFormat, useTranslation } from '../i18n/index.js';
import { countryNameIn, label, metricTitle } from '../labels.js';
import { obligationsChanged } from '../mutations.js';
import { queries } from '../queries.js';
import { figureForm } from './forms.js';
import { metricsOf, placeNameIn } from './register.js';

type Props = {
  regimes: readonly RegimeSummary[];
  /** Countries already in the register (offered even without a regime). */
  countries: readonly string[];
  /** The register's day: a figure cannot be measured after it. */
  today: string;
};

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

export function FigureForm({ regimes, countries, today }: Props) {
  const { t } = useTranslation('compliance');
  const format = useFormat();
  const placeName = (code: string) => placeNameIn(code, format.locale);
  const prefix = `${useId()}-`;
  const id = (name: string) => `${prefix}${name}`;
  const client = useQueryClient();
  const form = useSchemaForm(figureForm, { country: '', metric: undefined, value: '', measuredOn: '', note: '' });
  const record = useMutation({
    mutationFn: (figure: NewUserFigure) => api.recordFigure(figure),
    onSuccess: () => obligationsChanged(client),
  });
  const submit = form.handleSubmit(async (figure) => {
    try {
      await record.mutateAsync(figure);
      // The next figure is often for the same country, metric and day.
      form.resetField('value');
      form.resetField('note');
    } catch (e) {
      placeProblem(e, form.setError);
    }
  });
  const [country, metric] = useWatch({ control: form.control, name: ['country', 'metric'] });
  const used = useMetricsUsed(country, regimes);
  const recorded = record.data?.figure;

  const places = useMemo(() => {
    const codes = new Set([...regimes.map((r) => r.jurisdiction), ...countries]);
    return [...codes].sort((a, b) =>
      countryNameIn(a, format.locale).localeCompare(countryNameIn(b, format.locale), format.locale),
    );
  }, [regimes, countries, format.locale]);

  // Once the country's packs are in, preselect the metric its laws count in (unless one was chosen).
  useEffect(() => {
    const first = [...used.keys()][0];
    if (first && !form.getValues('metric')) form.setValue('metric', first);
  }, [used, form]);

  const otherMetrics = coverageMetrics.filter((m) => !used.has(m));
  return (
    <FormProvider {...form}>
      <form
        className="card form figure-form"
        data-testid="figure-form"
        onSubmit={submit}
        noValidate
        aria-labelledby={id('heading')}
      >
        <h2 id={id('heading')}>{t('page.recordFigure')}</h2>
        {record.error ? <ProblemMessage error={record.error} /> : null}
        {recorded ? (
          <p className="alert alert-success" role="status" data-testid="figure-recorded">
            {t('figureForm.recorded', {
              value: format.number(recorded.value),
              metric: label(t, 'metric', recorded.metric),
              place: placeName(recorded.country),
              day: format.day(recorded.measuredOn),
            })}
          </p>
        ) : null}
        <div className="form-row">
          <Field name="country" label={t('figureForm.country')} idPrefix={prefix}>
            {(control) => (
              <select
                {...control}
                {...form.register('country', {
                  // Another country's laws count in other metrics: choose again.
                  onChange: () => form.resetField('metric'),
                })}
                data-testid="figure-country"
                required
              >
                <option value="">{t('figureForm.choose')}</option>
                {places.map((code) => (
                  <option key={code} value={code}>
                    {placeName(code)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="metric" label={t('figures.metric')} idPrefix={prefix} hint={t('figureForm.metricHint')}>
            {(control) => (
              <select
                {...control}
                {...form.register('metric')}
                // Controlled: its options move between groups as the country's packs come in.
                value={metric ?? ''}
                data-testid="figure-metric"
                required
              >
                <option value="">{t('figureForm.choose')}</option>
                {used.size > 0 ? (
                  <optgroup label={t('figureForm.usedBy', { country: countryNameIn(country, format.locale) })}>
                    {[...used.entries()].map(([m, packIds]) => (
                      <option key={m} value={m}>
                        {metricTitle(t, m)} ({packIds.join(', ')})
                      </option>
                    ))}
                  </optgroup>
                ) : null}
                <optgroup label={used.size > 0 ? t('figureForm.otherMetrics') : t('figureForm.metrics')}>
                  {otherMetrics.map((m) => (
                    <option key={m} value={m}>
                      {metricTitle(t, m)}
                    </option>
                  ))}
                </optgroup>
              </select>
            )}
          </Field>
        </div>
        <div className="form-row">
          <Field name="value" label={t('figures.value')} idPrefix={prefix}>
            {(control) => (
              <input
                {...control}
                {...form.register('value')}
                data-testid="figure-value"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                required
              />
            )}
          </Field>
          <Field name="measuredOn" controlId="measured" label={t('figureForm.measured')} idPrefix={prefix}>
            {(control) => (
              <input
                {...control}
                {...form.register('measuredOn')}
                data-testid="figure-measured"
                type="date"
                required
                max={today}
              />
            )}
          </Field>
        </div>
        <Field
          name="note"
          label={
            <>
              {t('figures.note')} <span className="muted">{t('figureForm.noteHint')}</span>
            </>
          }
          idPrefix={prefix}
        >
          {(control) => <input {...control} {...form.register('note')} type="text" maxLength={2000} />}
        </Field>
        <div className="actions">
          <button type="submit" className="button button-primary" data-testid="figure-submit" disabled={record.isPending}>
            {record.isPending ? t('figureForm.recording') : t('figureForm.record')}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}
