/** The accounts a data order names: one row per identifier and its kind, an IP address with the window it was used in. */
import { useFieldArray, useFormContext, useFormState, useWatch } from 'react-hook-form';
import { accountIdentifierKinds } from '../../../../src/contracts/authority-orders.js';
import { Field } from '../../components/Field.js';
import { label } from '../../labels.js';
import { usePortalDataT } from './data-i18n.js';
import { newAccount, type OrderDraft } from './draft.js';

function AccountRow({
  index,
  count,
  idPrefix,
  onRemove,
}: {
  index: number;
  count: number;
  idPrefix: string;
  onRemove: () => void;
}) {
  const { t } = usePortalDataT();
  const { register, control } = useFormContext<OrderDraft>();
  const kind = useWatch({ control, name: `dataRequest.accounts.${index}.identifierKind` });
  const name = `dataRequest.accounts.${index}` as const;
  const prefix = `${idPrefix}account${index}-`;
  return (
    <li className="portal-item" data-testid="portal-account">
      <fieldset>
        <legend>{t('accounts.account', { n: index + 1 })}</legend>
        <div className="portal-item-fields">
          <Field name={`${name}.identifierKind`} controlId="kind" label={t('accounts.kind')} idPrefix={prefix}>
            {(c) => (
              <select {...c} {...register(`${name}.identifierKind`)} data-testid={`portal-account-kind-${index}`}>
                {accountIdentifierKinds.map((k) => (
                  <option key={k} value={k}>
                    {label(t, 'identifierKind', k)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            name={`${name}.identifier`}
            controlId="identifier"
            label={t('accounts.identifier')}
            idPrefix={prefix}
            className="portal-wide"
          >
            {(c) => (
              <input
                {...c}
                {...register(`${name}.identifier`)}
                data-testid={`portal-account-identifier-${index}`}
                type="text"
                autoComplete="off"
                spellCheck={false}
                maxLength={500}
              />
            )}
          </Field>
          {kind === 'ip_address' ? (
            <>
              <Field name={`${name}.from`} controlId="from" label={t('accounts.from')} idPrefix={prefix}>
                {(c) => (
                  <input
                    {...c}
                    {...register(`${name}.from`)}
                    data-testid={`portal-account-from-${index}`}
                    type="datetime-local"
                  />
                )}
              </Field>
              <Field name={`${name}.to`} controlId="to" label={t('accounts.to')} idPrefix={prefix}>
                {(c) => (
                  <input {...c} {...register(`${name}.to`)} data-testid={`portal-account-to-${index}`} type="datetime-local" />
                )}
              </Field>
            </>
          ) : null}
          <button type="button" className="button button-small button-danger" onClick={onRemove} disabled={count === 1}>
            {t('accounts.remove', { n: index + 1 })}
          </button>
        </div>
      </fieldset>
    </li>
  );
}

export function AccountsEditor({ idPrefix }: { idPrefix: string }) {
  const { t } = usePortalDataT();
  const { control, getValues } = useFormContext<OrderDraft>();
  const { fields, append, remove } = useFieldArray({ control, name: 'dataRequest.accounts' });
  const { errors } = useFormState({ control, name: 'dataRequest.accounts' });
  const accountsError = errors.dataRequest?.accounts;
  const listProblem = accountsError?.root?.message ?? accountsError?.message;
  return (
    <>
      {listProblem ? <p className="field-error">{listProblem}</p> : null}
      <ol className="portal-items">
        {fields.map((row, index) => (
          <AccountRow key={row.id} index={index} count={fields.length} idPrefix={idPrefix} onRemove={() => remove(index)} />
        ))}
      </ol>
      <div className="actions">
        <button
          type="button"
          className="button"
          data-testid="portal-account-add"
          onClick={() => append(newAccount(getValues('dataRequest.accounts').at(-1)))}
        >
          {t('accounts.add')}
        </button>
      </div>
    </>
  );
}
