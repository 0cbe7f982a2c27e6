/**
 * What a data order names besides its accounts: the legal process its kind rests on (only those),
 * the data asked for, the period of data, the end of any non-disclosure order, and for an emergency
 * the threat and the authority's justification.
 */
import { useEffect } from 'react';
import { useController, useFormContext, useWatch } from 'react-hook-form';
import { dataCategories, emergencyThreats, isDataRequestKind, processesFor } from '../../../../src/contracts/authority-orders.js';
import { Field } from '../../components/Field.js';
import { label } from '../../labels.js';
import { AccountsEditor } from './AccountsEditor.js';
import { usePortalDataT } from './data-i18n.js';
import { type OrderDraft, processFor } from './draft.js';

export function DataFields({ idPrefix }: { idPrefix: string }) {
  const { t } = usePortalDataT();
  const { register, control, getValues, setValue } = useFormContext<OrderDraft>();
  const kind = useWatch({ control, name: 'kind' });
  // The data asked for, one checkbox per category: the array is the form's value, kept by the controller.
  const { field: asked } = useController({ control, name: 'dataRequest.categories' });
  const categories = asked.value;
  // A kind rests on its own processes: the chosen one follows the kind.
  useEffect(() => {
    const current = getValues('dataRequest.legalProcess');
    const fitting = processFor(kind, current);
    if (fitting !== current) setValue('dataRequest.legalProcess', fitting);
  }, [kind, getValues, setValue]);
  if (!isDataRequestKind(kind)) return null;
  const prefix = `${idPrefix}data-`;
  return (
    <>
      <div className="form-row">
        <Field name="dataRequest.legalProcess" controlId="process" label={t('data.legalProcess')} idPrefix={prefix}>
          {(c) => (
            <select {...c} {...register('dataRequest.legalProcess')} data-testid="portal-data-legal-process">
              {processesFor(kind).map((p) => (
                <option key={p} value={p}>
                  {label(t, 'legalProcess', p)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <h3>{t('data.accounts')}</h3>
      <AccountsEditor idPrefix={prefix} />
      <fieldset className="field thread-elements">
        <legend>{kind === 'preservation' ? t('data.categoriesToPreserve') : t('data.categories')}</legend>
        {dataCategories.map((c) => (
          <label key={c} className="checkbox">
            <input
              type="checkbox"
              value={c}
              checked={categories.includes(c)}
              onChange={(e) => asked.onChange(e.target.checked ? [...categories, c] : categories.filter((x) => x !== c))}
              data-testid={`portal-data-category-${c}`}
            />{' '}
            {label(t, 'dataCategory', c)}
          </label>
        ))}
      </fieldset>
      <div className="form-row">
        <Field name="dataRequest.dateFrom" controlId="from" label={t('data.dateFrom')} idPrefix={prefix}>
          {(c) => <input {...c} {...register('dataRequest.dateFrom')} type="date" data-testid="portal-data-date-from" />}
        </Field>
        <Field name="dataRequest.dateTo" controlId="to" label={t('data.dateTo')} idPrefix={prefix}>
          {(c) => <input {...c} {...register('dataRequest.dateTo')} type="date" data-testid="portal-data-date-to" />}
        </Field>
        <Field
          name="dataRequest.nonDisclosureUntil"
          controlId="ndo"
          label={t('data.nonDisclosureUntil')}
          hint={t('data.nonDisclosureHint')}
          idPrefix={prefix}
        >
          {(c) => (
            <input {...c} {...register('dataRequest.nonDisclosureUntil')} type="date" data-testid="portal-data-non-disclosure" />
          )}
        </Field>
      </div>
      {kind === 'emergency_disclosure' ? (
        <div className="form-row">
          {/* A refusal names `dataRequest.emergency`: it is shown at the threat. */}
          <Field name="dataRequest.emergency" controlId="threat" label={t('data.threat')} idPrefix={prefix}>
            {(c) => (
              <select {...c} {...register('dataRequest.threat')} data-testid="portal-data-threat">
                <option value="">{t('data.chooseThreat')}</option>
                {emergencyThreats.map((th) => (
                  <option key={th} value={th}>
                    {label(t, 'emergencyThreat', th)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            name="dataRequest.emergency.justification"
            controlId="justification"
            label={t('data.justification')}
            idPrefix={prefix}
            className="portal-wide"
          >
            {(c) => (
              <textarea
                {...c}
                {...register('dataRequest.justification')}
                rows={3}
                maxLength={5000}
                data-testid="portal-data-justification"
              />
            )}
          </Field>
        </div>
      ) : null}
    </>
  );
}
