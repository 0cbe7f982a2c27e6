/** The items the order names: one row per URL, account or content ID, with the product it is on. */
import { useFieldArray, useFormContext, useFormState, useWatch } from 'react-hook-form';
import { targetKinds } from '../../../../src/domain/vocabulary.js';
import { Field } from '../../components/Field.js';
import { label } from '../../labels.js';
import { newItem, type OrderDraft } from './draft.js';
import { usePortalT } from './i18n.js';

function ItemRow({
  index,
  count,
  rowId,
  idPrefix,
  onRemove,
}: {
  index: number;
  count: number;
  rowId: string;
  idPrefix: string;
  onRemove: () => void;
}) {
  const { t } = usePortalT();
  const { register, control } = useFormContext<OrderDraft>();
  const targetKind = useWatch({ control, name: `items.${index}.targetKind` });
  const prefix = `${idPrefix}item${rowId}-`;
  return (
    <li className="portal-item" data-testid="order-item">
      <fieldset>
        <legend>{t('items.item', { n: index + 1 })}</legend>
        <div className="portal-item-fields">
          <Field name={`items.${index}.targetKind`} controlId="kind" label={t('items.targetKind')} idPrefix={prefix}>
            {(c) => (
              <select {...c} {...register(`items.${index}.targetKind`)} data-testid="order-item-kind">
                {targetKinds.map((k) => (
                  <option key={k} value={k}>
                    {label(t, 'targetKind', k)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            name={`items.${index}.target`}
            controlId="target"
            label={t('items.target')}
            idPrefix={prefix}
            className="portal-wide"
          >
            {(c) => (
              <input
                {...c}
                {...register(`items.${index}.target`)}
                data-testid="order-item-target"
                type={targetKind === 'url' ? 'url' : 'text'}
                autoComplete="off"
                spellCheck={false}
                maxLength={2000}
              />
            )}
          </Field>
          <Field name={`items.${index}.product`} controlId="product" label={t('items.product')} idPrefix={prefix}>
            {(c) => (
              <input
                {...c}
                {...register(`items.${index}.product`)}
                data-testid="order-item-product"
                type="text"
                maxLength={100}
              />
            )}
          </Field>
          <button
            type="button"
            className="button button-small button-danger"
            data-testid="order-item-remove"
            onClick={onRemove}
            disabled={count === 1}
          >
            {t('items.remove', { n: index + 1 })}
          </button>
        </div>
      </fieldset>
    </li>
  );
}

export function ItemsEditor({ idPrefix }: { idPrefix: string }) {
  const { t } = usePortalT();
  const { control, getValues } = useFormContext<OrderDraft>();
  const { fields, append, remove } = useFieldArray({ control, name: 'items' });
  const { errors } = useFormState({ control, name: 'items' });
  const listProblem = errors.items?.root?.message ?? errors.items?.message;
  return (
    <>
      {listProblem ? <p className="field-error">{listProblem}</p> : null}
      <ol className="portal-items">
        {fields.map((row, index) => (
          <ItemRow
            key={row.id}
            rowId={row.id}
            index={index}
            count={fields.length}
            idPrefix={idPrefix}
            onRemove={() => remove(index)}
          />
        ))}
      </ol>
      <div className="actions">
        <button
          type="button"
          className="button"
          data-testid="order-add-item"
          onClick={() => append(newItem(getValues('items').at(-1)))}
        >
          {t('items.add')}
        </button>
      </div>
    </>
  );
}
