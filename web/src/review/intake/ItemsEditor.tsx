/**
 * The items the order names: one row per URL, account or content ID (its kind, the target, the
 * product it is on), rows added and removed, and many URLs pasted at once, one per line.
 */
import { useId, useRef, useState } from 'react';
import { FormProvider, useFieldArray, useFormContext, useFormState, useWatch } from 'react-hook-form';
import { type TargetKind, targetKinds } from '../../../../src/domain/vocabulary.js';
import { Field } from '../../components/Field.js';
import { useSchemaForm } from '../../components/form.js';
import { useTranslation } from '../../i18n/index.js';
import { label } from '../../labels.js';
import { type Draft, newItem, pastedTargets, pasteSchema } from './draft.js';

/** Products the platform's orders usually name; any other may be typed. */
const products = ['Video', 'Short video', 'Posts', 'Comments', 'Profiles', 'Messages', 'Live stream'];

/** The target's placeholder per kind: `review:intake.targetHint.<kind>`. */
const targetHint = (kind: TargetKind) => `intake.targetHint.${kind}`;

function ItemRow(props: { rowId: string; index: number; count: number; onRemove: () => void; idPrefix: string; listId: string }) {
  const { index, count, listId } = props;
  const { t } = useTranslation('review');
  const { register, control } = useFormContext<Draft>();
  const targetKind = useWatch({ control, name: `items.${index}.targetKind` });
  const prefix = `${props.idPrefix}item${props.rowId}-`;
  return (
    <li className="intake-item" data-testid="intake-item">
      <fieldset>
        <legend>{t('item.title', { position: index + 1 })}</legend>
        <div className="intake-item-fields">
          <Field name={`items.${index}.targetKind`} controlId="kind" label={t('filters.kind')} idPrefix={prefix}>
            {(control) => (
              <select {...control} {...register(`items.${index}.targetKind`)} data-testid="intake-item-kind">
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
            label={t('intake.target')}
            idPrefix={prefix}
            className="intake-wide"
          >
            {(control) => (
              <input
                {...control}
                {...register(`items.${index}.target`)}
                data-testid="intake-item-target"
                type={targetKind === 'url' ? 'url' : 'text'}
                autoComplete="off"
                spellCheck={false}
                maxLength={2000}
                placeholder={t(targetHint(targetKind))}
              />
            )}
          </Field>
          <Field name={`items.${index}.product`} controlId="product" label={t('intake.product')} idPrefix={prefix}>
            {(control) => (
              <input
                {...control}
                {...register(`items.${index}.product`)}
                data-testid="intake-item-product"
                type="text"
                list={listId}
                autoComplete="off"
                maxLength={100}
              />
            )}
          </Field>
          <button
            type="button"
            className="button button-small button-danger intake-item-remove"
            data-testid="intake-item-remove"
            onClick={props.onRemove}
            disabled={count === 1}
          >
            {t('intake.remove')}
            <span className="visually-hidden"> {t('intake.removeWhich', { position: index + 1 })}</span>
          </button>
        </div>
      </fieldset>
    </li>
  );
}

export function ItemsEditor({ idPrefix }: { idPrefix: string }) {
  const { t } = useTranslation('review');
  const listId = `${useId()}-products`;
  const { control, getValues } = useFormContext<Draft>();
  const { fields, append, remove, replace } = useFieldArray({ control, name: 'items' });
  // Only the list as a whole (e.g. too many items): the rows show their own fields' messages.
  const { errors } = useFormState({ control, name: 'items' });
  const listProblem = errors.items?.root?.message ?? errors.items?.message;
  const list = useRef<HTMLOListElement>(null);
  const lastProduct = useWatch({ control, name: `items.${fields.length - 1}.product` });

  const focusRow = (index: number) =>
    requestAnimationFrame(() =>
      list.current?.querySelectorAll<HTMLInputElement>('[data-testid="intake-item-target"]')[index]?.focus(),
    );

  function add() {
    append(newItem(getValues('items').at(-1)), { shouldFocus: false });
    focusRow(fields.length);
  }

  /** Pasted URLs become url items; rows without a target make way for them. */
  function addPasted(targets: readonly string[]) {
    const items = getValues('items');
    const filled = items.filter((i) => i.target.trim());
    const added = targets.map((target) => newItem({ targetKind: 'url', product: items.at(-1)?.product ?? '' }, target));
    if (added.length > 0) replace([...filled, ...added]);
  }

  return (
    <>
      {listProblem ? <p className="field-error">{listProblem}</p> : null}
      <ol className="intake-items" ref={list}>
        {fields.map((row, index) => (
          <ItemRow
            key={row.id}
            rowId={row.id}
            index={index}
            count={fields.length}
            listId={listId}
            idPrefix={idPrefix}
            onRemove={() => {
              remove(index);
              focusRow(Math.max(0, index - 1));
            }}
          />
        ))}
      </ol>
      <datalist id={listId}>
        {products.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      <div className="actions">
        <button type="button" className="button" data-testid="intake-add-item" onClick={add}>
          {t('intake.addItem')}
        </button>
      </div>
      <PasteBox
        idPrefix={idPrefix}
        product={lastProduct}
        existing={() => getValues('items').map((i) => i.target)}
        onPasted={addPasted}
      />
    </>
  );
}

/**
 * Many URLs at once, one per line: all or nothing, so a line that is not a URL is said at the box,
 * which keeps the text to correct. A form of its own (react-hook-form's, not a nested <form>).
 */
function PasteBox(props: {
  idPrefix: string;
  product: string | undefined;
  existing: () => string[];
  onPasted: (targets: string[]) => void;
}) {
  const { t } = useTranslation('review');
  const form = useSchemaForm(pasteSchema, { paste: '' });
  const text = useWatch({ control: form.control, name: 'paste' });
  const [pasted, setPasted] = useState<string | null>(null);
  const add = form.handleSubmit(
    ({ paste }) => {
      const { fresh, repeated } = pastedTargets(paste, props.existing());
      props.onPasted(fresh);
      form.reset({ paste: '' });
      const skipped = repeated ? t('intake.pastedRepeated', { count: repeated }) : '';
      setPasted(`${t('intake.pasted', { count: fresh.length })}${skipped}.`);
    },
    () => setPasted(null),
  );

  return (
    <FormProvider {...form}>
      <details className="intake-paste">
        <summary>{t('intake.paste')}</summary>
        <Field
          name="paste"
          label={t('intake.pasteLabel')}
          idPrefix={props.idPrefix}
          hint={props.product ? t('intake.pasteHintOn', { product: props.product }) : t('intake.pasteHint')}
        >
          {(control) => (
            <textarea {...control} {...form.register('paste')} data-testid="intake-paste" rows={4} spellCheck={false} />
          )}
        </Field>
        <div className="actions">
          <button
            type="button"
            className="button button-small"
            data-testid="intake-paste-add"
            onClick={() => void add()}
            disabled={!text.trim()}
          >
            {t('intake.addAsItems')}
          </button>
          {pasted ? (
            <span className="saved-note" role="status">
              {pasted}
            </span>
          ) : null}
        </div>
      </details>
    </FormProvider>
  );
}
