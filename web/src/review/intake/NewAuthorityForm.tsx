/**
 * Register an authority that is not in the register yet: country, name and kind, checked by the
 * API's schema. It sits inside the intake form, so it is a group with its own button (and its own
 * react-hook-form form) rather than a nested <form>.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useId } from 'react';
import { FormProvider, useWatch } from 'react-hook-form';
import { newAuthoritySchema } from '../../../../src/contracts/authorities.js';
import { isCountryCode } from '../../../../src/domain/countries.js';
import { authorityKinds } from '../../../../src/domain/vocabulary.js';
import { type Authority, api } from '../../api.js';
import { ProblemMessage } from '../../components/Feedback.js';
import { Field } from '../../components/Field.js';
import { placeProblem, useSchemaForm } from '../../components/form.js';
import { useLocale, useTranslation } from '../../i18n/index.js';
import { countryNameIn, label } from '../../labels.js';
import { queries } from '../../queries.js';

type Props = {
  /** The country to start from (e.g. the one of the authority chosen before). */
  country: string;
  onRegistered: (authority: Authority) => void;
  onCancel: () => void;
};

export function NewAuthorityForm({ country: initialCountry, onRegistered, onCancel }: Props) {
  const { t } = useTranslation('review');
  const locale = useLocale();
  const prefix = `${useId()}-`;
  const client = useQueryClient();
  const form = useSchemaForm(newAuthoritySchema, { country: initialCountry, name: '', kind: undefined });
  const registerAuthority = useMutation({
    mutationFn: api.registerAuthority,
    onSuccess: (added) => {
      client.setQueryData(queries.authorities().queryKey, (list) => [...(list ?? []), added]);
      onRegistered(added);
    },
  });
  const submit = form.handleSubmit((authority) =>
    registerAuthority.mutateAsync(authority).catch((e: unknown) => placeProblem(e, form.setError)),
  );
  const busy = registerAuthority.isPending;
  const country = useWatch({ control: form.control, name: 'country' }).trim().toUpperCase();
  useEffect(() => form.setFocus('country'), [form]);

  // Enter registers the authority instead of submitting the whole order.
  const onKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      if (!busy) void submit();
    }
  };

  return (
    <FormProvider {...form}>
      <fieldset className="intake-new-authority card" data-testid="intake-new-authority" onKeyDown={onKeyDown}>
        <legend>{t('intake.registerAuthority')}</legend>
        {registerAuthority.error ? <ProblemMessage error={registerAuthority.error} /> : null}
        <div className="form-row intake-new-authority-row">
          <Field
            name="country"
            label={t('intake.countryCode')}
            idPrefix={prefix}
            hint={isCountryCode(country) ? countryNameIn(country, locale) : t('intake.countryCodeHint')}
          >
            {(control) => (
              <input
                {...control}
                {...form.register('country')}
                data-testid="intake-new-authority-country"
                type="text"
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={2}
              />
            )}
          </Field>
          <Field name="name" label={t('intake.name')} idPrefix={prefix} className="intake-wide">
            {(control) => (
              <input
                {...control}
                {...form.register('name')}
                data-testid="intake-new-authority-name"
                type="text"
                autoComplete="off"
                maxLength={200}
              />
            )}
          </Field>
          <Field name="kind" label={t('filters.kind')} idPrefix={prefix}>
            {(control) => (
              <select {...control} {...form.register('kind')} data-testid="intake-new-authority-kind">
                <option value="">{t('intake.choose')}</option>
                {authorityKinds.map((k) => (
                  <option key={k} value={k}>
                    {label(t, 'authorityKind', k)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="actions">
          <button
            type="button"
            className="button button-primary button-small"
            data-testid="intake-new-authority-submit"
            onClick={() => void submit()}
            disabled={busy}
          >
            {busy ? t('intake.registering') : t('intake.registerAndChoose')}
          </button>
          <button type="button" className="button button-small" onClick={onCancel} disabled={busy}>
            {t('common:cancel')}
          </button>
        </div>
      </fieldset>
    </FormProvider>
  );
}
