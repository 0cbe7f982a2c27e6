/**
 * Where the authority asks for the action: one or more countries, named in the reader's language,
 * the agency's own country first. Empty means the order does not say.
 */
import type { ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import { countryCodes, countryName } from '../../../../src/domain/countries.js';
import { Field } from '../../components/Field.js';
import type { OrderDraft } from './draft.js';
import { usePortalT } from './i18n.js';

export function ScopePicker({ label, idPrefix, country }: { label: ReactNode; idPrefix: string; country: string | undefined }) {
  const { t, language, locale } = usePortalT();
  const { register } = useFormContext<OrderDraft>();
  const collator = new Intl.Collator(locale);
  const codes = countryCodes()
    .filter((c) => c !== country)
    .map((code) => ({ code, name: countryName(code, language) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  const all = country ? [{ code: country, name: countryName(country, language) }, ...codes] : codes;
  return (
    <Field name="requestedScope" label={label} idPrefix={idPrefix} hint={t('form.requestedScopeHint')}>
      {(c) => (
        <select {...c} {...register('requestedScope')} data-testid="order-scope" multiple size={5}>
          {all.map(({ code, name }) => (
            <option key={code} value={code}>
              {name} ({code})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
