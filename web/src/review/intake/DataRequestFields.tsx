/**
 * What a data order names instead of items (issue 11): the legal process its kind allows, the
 * accounts (an IP address with the window it was used in), the data asked for and its period, the
 * end of a non-disclosure order, and for an emergency the threat and the authority's justification.
 * Times are read in the authority's zone, as the receipt is.
 */
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import {
  accountIdentifierKinds,
  dataCategories,
  emergencyThreats,
  isDataRequestKind,
  processesFor,
} from '../../../../src/contracts/data-vocabulary.js';
import { Field, useFieldError } from '../../components/Field.js';
import { useTranslation } from '../../i18n/index.js';
import { label } from '../../labels.js';
import { newAccount } from './data-draft.js';
import type { Draft } from './draft.js';

export function DataRequestFields({ idPrefix }: { idPrefix: string }) {
  const { t } = useTranslation('data-intake');
  const { register, control } = useFormContext<Draft>();
  const kind = useWatch({ control, name: 'kind' });
  const zone = useWatch({ control, name: 'authorityTimeZone' });
  const accounts = useFieldArray({ control, name: 'dataRequest.accounts' });
  const kinds = useWatch({ control, name: 'dataRequest.accounts' });
  const categoriesError = useFieldError('dataRequest.categories');
  if (!isDataRequestKind(kind)) return null;
  const zoneHint = t('zoneHint', { zone });
  return (
    <div className="data-intake" data-testid="data-intake">
      <Field name="dataRequest.legalProcess" label={t('legalProcess')} idPrefix={idPrefix}>
        {(c) => (
          <select {...c} {...register('dataRequest.legalProcess')} data-testid="data-legal-process">
            <option value="">{t('choose')}</option>
            {processesFor(kind).map((p) => (
              <option key={p} value={p}>
                {label(t, 'legalProcess', p)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <h3>{t('accounts', { count: accounts.fields.length })}</h3>
      <ol className="intake-items data-accounts">
        {accounts.fields.map((field, n) => (
          <li key={field.id} className="intake-item" data-testid="data-account-row">
            <div className="form-row">
              <Field name={`dataRequest.accounts.${n}.identifierKind`} label={t('identifierKind')} idPrefix={idPrefix}>
                {(c) => (
                  <select {...c} {...register(`dataRequest.accounts.${n}.identifierKind`)} data-testid={`data-account-kind-${n}`}>
                    {accountIdentifierKinds.map((k) => (
                      <option key={k} value={k}>
                        {label(t, 'identifierKind', k)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field name={`dataRequest.accounts.${n}.identifier`} label={t('identifier')} idPrefix={idPrefix}>
                {(c) => (
                  <input
                    {...c}
                    {...register(`dataRequest.accounts.${n}.identifier`)}
                    data-testid={`data-account-identifier-${n}`}
                    type="text"
                    autoComplete="off"
                    maxLength={500}
                  />
                )}
              </Field>
            </div>
            {kinds?.[n]?.identifierKind === 'ip_address' ? (
              <div className="form-row">
                <Field name={`dataRequest.accounts.${n}.from`} label={t('from')} idPrefix={idPrefix} hint={zoneHint}>
                  {(c) => (
                    <input
                      {...c}
                      {...register(`dataRequest.accounts.${n}.from`)}
                      data-testid={`data-account-from-${n}`}
                      type="datetime-local"
                    />
                  )}
                </Field>
                <Field name={`dataRequest.accounts.${n}.to`} label={t('to')} idPrefix={idPrefix} hint={zoneHint}>
                  {(c) => (
                    <input
                      {...c}
                      {...register(`dataRequest.accounts.${n}.to`)}
                      data-testid={`data-account-to-${n}`}
                      type="datetime-local"
                    />
                  )}
                </Field>
              </div>
            ) : null}
            {accounts.fields.length > 1 ? (
              <button
                type="button"
                className="button button-small button-danger intake-item-remove"
                data-testid={`data-account-remove-${n}`}
                onClick={() => accounts.remove(n)}
              >
                {t('removeAccount')}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button-small"
        data-testid="data-account-add"
        onClick={() => accounts.append(newAccount())}
      >
        {t('addAccount')}
      </button>
      <fieldset className="field data-categories" aria-invalid={categoriesError ? true : undefined}>
        <legend>{t('categories')}</legend>
        {dataCategories.map((c) => (
          <label key={c} className="checkbox">
            <input type="checkbox" value={c} {...register('dataRequest.categories')} data-testid={`data-category-${c}`} />{' '}
            {label(t, 'dataCategory', c)}
          </label>
        ))}
        {categoriesError ? (
          <p className="field-error" role="alert">
            {categoriesError}
          </p>
        ) : null}
      </fieldset>
      <div className="form-row">
        <Field name="dataRequest.dateFrom" label={t('dateFrom')} idPrefix={idPrefix} hint={zoneHint}>
          {(c) => <input {...c} {...register('dataRequest.dateFrom')} data-testid="data-date-from" type="datetime-local" />}
        </Field>
        <Field name="dataRequest.dateTo" label={t('dateTo')} idPrefix={idPrefix} hint={zoneHint}>
          {(c) => <input {...c} {...register('dataRequest.dateTo')} data-testid="data-date-to" type="datetime-local" />}
        </Field>
        <Field
          name="dataRequest.nonDisclosureUntil"
          label={t('nonDisclosureUntil')}
          idPrefix={idPrefix}
          hint={t('nonDisclosureHint')}
        >
          {(c) => (
            <input
              {...c}
              {...register('dataRequest.nonDisclosureUntil')}
              data-testid="data-non-disclosure-until"
              type="datetime-local"
            />
          )}
        </Field>
      </div>
      {kind === 'emergency_disclosure' ? (
        <div className="data-emergency">
          <Field name="dataRequest.emergency.threat" label={t('threat')} idPrefix={idPrefix}>
            {(c) => (
              <select {...c} {...register('dataRequest.emergency.threat')} data-testid="data-emergency-threat">
                <option value="">{t('choose')}</option>
                {emergencyThreats.map((e) => (
                  <option key={e} value={e}>
                    {label(t, 'emergencyThreat', e)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="dataRequest.emergency.justification" label={t('justification')} idPrefix={idPrefix}>
            {(c) => (
              <textarea
                {...c}
                {...register('dataRequest.emergency.justification')}
                data-testid="data-emergency-justification"
                rows={3}
                maxLength={5000}
              />
            )}
          </Field>
        </div>
      ) : null}
    </div>
  );
}
