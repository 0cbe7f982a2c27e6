/**
 * Record a pressure event (issue 15): what the state did, who, when, how much, under which law (a
 * regime of the country, and its duty or deadline rule), the orders behind it and the sources. Checked
 * by the API's own schema in the browser; a refusal from the server is said at the fields it names.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { FormProvider, useFieldArray, useFormContext, useFormState, useWatch } from 'react-hook-form';
import { Link } from 'react-router-dom';
import { countryCodes } from '../../../../src/domain/countries.js';
import { api, type NewPressureEvent, type RegimeSummary } from '../../api.js';
import { ProblemMessage } from '../../components/Feedback.js';
import { Field } from '../../components/Field.js';
import { placeProblem, useSchemaForm } from '../../components/form.js';
import { useFormat, useTranslation } from '../../i18n/index.js';
import { countryNameIn, label } from '../../labels.js';
import { pressureChanged } from '../../mutations.js';
import {
  isMoneyKind,
  isShutdownKind,
  moneyIn,
  type PressureKind,
  pressureKindLabel,
  pressureKinds,
  pressureStatuses,
  pressureStatusLabel,
  regimeAppliesIn,
  shutdownScopeLabel,
  shutdownScopes,
} from '../../pressure-vocabulary.js';
import { queries } from '../../queries.js';
import { pressureEventPath } from './paths.js';
import { emptyDraft, emptySource, type PressureDraft, pressureForm } from './pressure-form.js';

/** Currencies offered as one types (any ISO 4217 code in use is taken). */
const commonCurrencies = ['KZT', 'RUB', 'EUR', 'USD', 'TRY', 'INR', 'BRL', 'IDR', 'VND', 'PKR', 'NGN', 'GBP', 'AUD'];

/** Every country by its name in the UI's language. */
function useCountries(): { code: string; name: string }[] {
  const format = useFormat();
  return useMemo(
    () =>
      countryCodes()
        .map((code) => ({ code, name: countryNameIn(code, format.locale) }))
        .sort((a, b) => a.name.localeCompare(b.name, format.locale)),
    [format.locale],
  );
}

/** The regime of the event's country, and the duty or deadline rule of its pack the event enforces. */
function LawFields({ prefix, regimes }: { prefix: string; regimes: readonly RegimeSummary[] }) {
  const { t } = useTranslation('pressure');
  const { register, control, setValue } = useFormContext<PressureDraft>();
  const [country, regimeId] = useWatch({ control, name: ['country', 'regimeId'] });
  const offered = regimes.filter((r) => country && regimeAppliesIn(r, country));
  const pack = useQuery({ ...queries.regime(regimeId), enabled: regimeId !== '' });
  // Every duty and deadline rule of any version, once each: an event may enforce a version no longer in force.
  const duties = useMemo(() => {
    const seen = new Map<string, string>();
    for (const v of pack.data?.versions ?? []) for (const d of v.duties) if (!seen.has(d.id)) seen.set(d.id, d.kind);
    return [...seen];
  }, [pack.data]);
  const deadlines = useMemo(() => {
    const seen = new Set<string>();
    for (const v of pack.data?.versions ?? []) for (const r of v.deadlines) seen.add(r.id);
    return [...seen];
  }, [pack.data]);

  return (
    <fieldset className="pressure-law">
      <legend>{t('form.law')}</legend>
      <p className="hint">{t('form.lawHint')}</p>
      <div className="form-row">
        <Field name="regimeId" controlId="regime" label={t('field.regimeId')} idPrefix={prefix}>
          {(control) => (
            <select
              {...control}
              {...register('regimeId', {
                onChange: () => {
                  setValue('dutyId', '');
                  setValue('deadlineRuleId', '');
                },
              })}
              data-testid="pressure-regime"
              disabled={!country}
            >
              <option value="">{country ? t('form.noRegime') : t('form.countryFirst')}</option>
              {offered.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name.en} ({r.id})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="dutyId" controlId="duty" label={t('field.dutyId')} idPrefix={prefix}>
          {(control) => (
            <select {...control} {...register('dutyId')} data-testid="pressure-duty" disabled={!pack.data}>
              <option value="">{t('form.none')}</option>
              {duties.map(([id, kind]) => (
                <option key={id} value={id}>
                  {label(t, 'dutyKind', kind)} ({id})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="deadlineRuleId" controlId="deadline" label={t('field.deadlineRuleId')} idPrefix={prefix}>
          {(control) => (
            <select {...control} {...register('deadlineRuleId')} data-testid="pressure-deadline" disabled={!pack.data}>
              <option value="">{t('form.none')}</option>
              {deadlines.map((id) => (
                <option key={id} value={id}>
                  {id}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </fieldset>
  );
}

/** The sources: an address each, with its title and the words quoted; rows added and removed. */
function SourcesEditor({ prefix }: { prefix: string }) {
  const { t } = useTranslation('pressure');
  const { register, control } = useFormContext<PressureDraft>();
  const { fields, append, remove } = useFieldArray({ control, name: 'sources' });
  // The list as a whole (none cited): the rows say their own fields' messages.
  const { errors } = useFormState({ control, name: 'sources' });
  const listProblem = errors.sources?.message ?? errors.sources?.root?.message;
  return (
    <fieldset className="pressure-sources" data-testid="pressure-sources">
      <legend>{t('field.sources')}</legend>
      {listProblem ? (
        <p className="field-error" data-testid="pressure-sources-error">
          {listProblem}
        </p>
      ) : null}
      <ol className="pressure-source-rows">
        {fields.map((row, index) => (
          <li key={row.id} data-testid="pressure-source">
            <div className="form-row">
              <Field name={`sources.${index}.url`} controlId={`source${row.id}-url`} label={t('source.url')} idPrefix={prefix}>
                {(c) => (
                  <input
                    {...c}
                    {...register(`sources.${index}.url`)}
                    data-testid="pressure-source-url"
                    type="url"
                    inputMode="url"
                    autoComplete="off"
                    spellCheck={false}
                    placeholder={t('source.urlPlaceholder')}
                  />
                )}
              </Field>
              <Field
                name={`sources.${index}.title`}
                controlId={`source${row.id}-title`}
                label={t('source.title')}
                idPrefix={prefix}
              >
                {(c) => (
                  <input
                    {...c}
                    {...register(`sources.${index}.title`)}
                    data-testid="pressure-source-title"
                    type="text"
                    maxLength={300}
                  />
                )}
              </Field>
            </div>
            <Field
              name={`sources.${index}.quote`}
              controlId={`source${row.id}-quote`}
              label={t('source.quote')}
              idPrefix={prefix}
            >
              {(c) => (
                <textarea
                  {...c}
                  {...register(`sources.${index}.quote`)}
                  data-testid="pressure-source-quote"
                  rows={2}
                  maxLength={2000}
                />
              )}
            </Field>
            <button
              type="button"
              className="button button-small button-danger"
              data-testid="pressure-source-remove"
              onClick={() => remove(index)}
            >
              {t('source.remove')}
              <span className="visually-hidden"> {t('source.which', { position: index + 1 })}</span>
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="button button-small" data-testid="pressure-source-add" onClick={() => append(emptySource)}>
        {t('source.add')}
      </button>
    </fieldset>
  );
}

export function PressureForm({ country: initialCountry = '' }: { country?: string }) {
  const { t } = useTranslation('pressure');
  const format = useFormat();
  const prefix = `${useId()}-`;
  const client = useQueryClient();
  const countries = useCountries();
  const regimes = useQuery(queries.regimes());
  const form = useSchemaForm(pressureForm, emptyDraft(initialCountry));
  const record = useMutation({
    mutationFn: (event: NewPressureEvent) => api.recordPressure(event),
    onSuccess: () => pressureChanged(client),
  });
  const submit = form.handleSubmit(async (event) => {
    try {
      await record.mutateAsync(event);
      // The next event is often from the same country.
      form.reset(emptyDraft(event.country));
    } catch (e) {
      placeProblem(e, form.setError);
    }
  });
  const [kind, scope] = useWatch({ control: form.control, name: ['kind', 'scope'] });
  const recorded = record.data;
  const money = kind === '' || isMoneyKind(kind);

  return (
    <FormProvider {...form}>
      <form
        className="card form pressure-form"
        data-testid="pressure-form"
        onSubmit={submit}
        noValidate
        aria-labelledby={`${prefix}heading`}
      >
        <h2 id={`${prefix}heading`}>{t('form.title')}</h2>
        {record.error ? <ProblemMessage error={record.error} /> : null}
        {recorded ? (
          <div className="alert alert-success" role="status" data-testid="pressure-recorded" data-id={recorded.id}>
            <p>
              {t('form.recorded', { kind: pressureKindLabel(t, recorded.kind), title: recorded.title })}{' '}
              <Link to={pressureEventPath(recorded.id)}>{t('form.open')}</Link>
            </p>
            {recorded.amount && recorded.currency ? (
              <p data-testid="pressure-recorded-amount">
                {moneyIn(format, recorded.amount, recorded.currency)}
                {recorded.reference && recorded.referenceAmount ? (
                  <span data-testid="pressure-recorded-converted" data-value={recorded.referenceAmount}>
                    {' '}
                    {t('form.converted', {
                      amount: moneyIn(format, recorded.referenceAmount, recorded.reference.currency),
                      rate: recorded.reference.rate,
                      day: format.day(recorded.reference.rateOn),
                    })}
                  </span>
                ) : null}
              </p>
            ) : null}
          </div>
        ) : null}
        <div className="form-row">
          <Field name="kind" label={t('field.kind')} idPrefix={prefix}>
            {(control) => (
              <select {...control} {...form.register('kind')} data-testid="pressure-kind" required>
                <option value="">{t('form.choose')}</option>
                {pressureKinds.map((k) => (
                  <option key={k} value={k}>
                    {pressureKindLabel(t, k)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="country" label={t('field.country')} idPrefix={prefix}>
            {(control) => (
              <select
                {...control}
                {...form.register('country', {
                  // Another country has other laws: choose again.
                  onChange: () => {
                    form.setValue('regimeId', '');
                    form.setValue('dutyId', '');
                    form.setValue('deadlineRuleId', '');
                  },
                })}
                data-testid="pressure-country"
                required
              >
                <option value="">{t('form.choose')}</option>
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name} ({c.code})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="status" label={t('field.status')} idPrefix={prefix}>
            {(control) => (
              <select {...control} {...form.register('status')} data-testid="pressure-status">
                {pressureStatuses.map((s) => (
                  <option key={s} value={s}>
                    {pressureStatusLabel(t, s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="form-row">
          <Field name="authority" label={t('field.authority')} idPrefix={prefix} hint={t('form.authorityHint')}>
            {(control) => (
              <input
                {...control}
                {...form.register('authority')}
                data-testid="pressure-authority"
                type="text"
                maxLength={300}
                required
              />
            )}
          </Field>
          <Field name="title" label={t('field.title')} idPrefix={prefix}>
            {(control) => (
              <input {...control} {...form.register('title')} data-testid="pressure-title" type="text" maxLength={300} required />
            )}
          </Field>
        </div>
        <Field name="description" label={t('field.description')} idPrefix={prefix} hint={t('form.optional')}>
          {(control) => (
            <textarea
              {...control}
              {...form.register('description')}
              data-testid="pressure-description"
              rows={3}
              maxLength={5000}
            />
          )}
        </Field>
        {isShutdownKind(kind) ? (
          <div className="form-row">
            <Field name="scope" label={t('field.scope')} idPrefix={prefix}>
              {(control) => (
                <select {...control} {...form.register('scope')} data-testid="pressure-scope" required>
                  <option value="">{t('form.choose')}</option>
                  {shutdownScopes.map((s) => (
                    <option key={s} value={s}>
                      {shutdownScopeLabel(t, s)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {scope === 'regional' ? (
              <Field name="region" label={t('field.region')} idPrefix={prefix}>
                {(control) => (
                  <input {...control} {...form.register('region')} data-testid="pressure-region" type="text" maxLength={300} />
                )}
              </Field>
            ) : null}
          </div>
        ) : null}
        <div className="form-row">
          <Field name="announcedOn" controlId="announced" label={t('field.announcedOn')} idPrefix={prefix}>
            {(control) => (
              <input {...control} {...form.register('announcedOn')} data-testid="pressure-announced" type="date" required />
            )}
          </Field>
          <Field name="inForceOn" controlId="in-force" label={t('field.inForceOn')} idPrefix={prefix} hint={t('form.optional')}>
            {(control) => <input {...control} {...form.register('inForceOn')} data-testid="pressure-in-force" type="date" />}
          </Field>
          <Field name="endedOn" controlId="ended" label={t('field.endedOn')} idPrefix={prefix} hint={t('form.endedHint')}>
            {(control) => <input {...control} {...form.register('endedOn')} data-testid="pressure-ended" type="date" />}
          </Field>
        </div>
        <div className="form-row">
          <Field
            name="amount"
            label={t('field.amount')}
            idPrefix={prefix}
            hint={money ? t('form.amountHint') : t('form.amountNotHere', { kind: pressureKindLabel(t, kind as PressureKind) })}
          >
            {(control) => (
              <input
                {...control}
                {...form.register('amount')}
                data-testid="pressure-amount"
                type="text"
                inputMode="decimal"
                autoComplete="off"
              />
            )}
          </Field>
          <Field name="currency" label={t('field.currency')} idPrefix={prefix} hint={t('form.currencyHint')}>
            {(control) => (
              <input
                {...control}
                {...form.register('currency')}
                data-testid="pressure-currency"
                type="text"
                list={`${prefix}currencies`}
                autoComplete="off"
                maxLength={3}
                spellCheck={false}
              />
            )}
          </Field>
        </div>
        <datalist id={`${prefix}currencies`}>
          {commonCurrencies.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <ReferenceFields prefix={prefix} />
        <LawFields prefix={prefix} regimes={regimes.data ?? []} />
        <Field name="orders" label={t('field.orders')} idPrefix={prefix} hint={t('form.ordersHint')}>
          {(control) => (
            <input
              {...control}
              {...form.register('orders')}
              data-testid="pressure-orders"
              type="text"
              autoComplete="off"
              spellCheck={false}
              placeholder={t('form.ordersPlaceholder')}
            />
          )}
        </Field>
        <SourcesEditor prefix={prefix} />
        <label className="checkbox">
          <input type="checkbox" {...form.register('demo')} data-testid="pressure-demo" /> {t('form.demo')}
        </label>
        <div className="actions">
          <button type="submit" className="button button-primary" data-testid="pressure-submit" disabled={record.isPending}>
            {record.isPending ? t('form.recording') : t('form.record')}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}

/** The amount converted into a reference currency at a rate the user gives, with the rate's date: all three or none. */
function ReferenceFields({ prefix }: { prefix: string }) {
  const { t } = useTranslation('pressure');
  const { register, control } = useFormContext<PressureDraft>();
  // A message on the conversion as a whole (it needs an amount); its boxes say their own.
  const { errors } = useFormState({ control, name: 'reference' });
  const whole = errors.reference?.message ?? errors.reference?.root?.message;
  return (
    <fieldset className="pressure-reference">
      <legend>{t('form.reference')}</legend>
      <p className="hint">{t('form.referenceHint')}</p>
      {whole ? (
        <p className="field-error" data-testid="pressure-reference-error">
          {whole}
        </p>
      ) : null}
      <div className="form-row">
        <Field name="reference.currency" controlId="reference-currency" label={t('field.referenceCurrency')} idPrefix={prefix}>
          {(c) => (
            <input
              {...c}
              {...register('reference.currency')}
              data-testid="pressure-reference-currency"
              type="text"
              list={`${prefix}currencies`}
              autoComplete="off"
              maxLength={3}
              spellCheck={false}
            />
          )}
        </Field>
        <Field name="reference.rate" controlId="reference-rate" label={t('field.referenceRate')} idPrefix={prefix}>
          {(c) => (
            <input
              {...c}
              {...register('reference.rate')}
              data-testid="pressure-reference-rate"
              type="text"
              inputMode="decimal"
              autoComplete="off"
            />
          )}
        </Field>
        <Field name="reference.rateOn" controlId="reference-rate-on" label={t('field.referenceRateOn')} idPrefix={prefix}>
          {(c) => <input {...c} {...register('reference.rateOn')} data-testid="pressure-reference-rate-on" type="date" />}
        </Field>
      </div>
    </fieldset>
  );
}
