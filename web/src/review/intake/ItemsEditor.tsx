/**
 * The items the order names: one row per URL, account or content ID (its kind, the target, the
 * product it is on), rows added and removed, and many URLs pasted at once, one per line.
 */
import { useId, useRef, useState } from 'react';
import { FormProvider, useFieldArray, useFormContext, useFormState, useWatch } from 'react-hook-form';
import { type TargetKind, targetKinds } from '../../../../src/domain/vocabulary.js';
import { Field } from '../../components/Field.js';
import { useSchemaForm } from '../../components/form.js';
import { targetKindLabels } from '../../labels.js';
import { type Draft, newItem, pastedTargets, pasteSchema } from './draft.js';

/** Products the platform's orders usually name; any other may be typed. */
const products = ['Video', 'Short video', 'Posts', 'Comments', 'Profiles', 'Messages', 'Live stream'];

const targetHints: Record<TargetKind, string> = {
  url: 'https://…',
  account: 'Account handle or ID',
  content_id: 'The platform’s content ID',
};

function ItemRow(props: { rowId: string; index: number; count: number; onRemove: () => void; idPrefix: string; listId: string }) {
  const { index, count, listId } = props;
  const { register, control } = useFormContext<Draft>();
  const targetKind = useWatch({ control, name: `items.${index}.targetKind` });
  const prefix = `${props.idPrefix}item${props.rowId}-`;
  return (
    <li className="intake-item" data-testid="intake-item">
      <fieldset>
        <legend>Item {index + 1}</legend>
        <div className="intake-item-fields">
          <Field name={`items.${index}.targetKind`} controlId="kind" label="Kind" idPrefix={prefix}>
            {(control) => (
              <select {...control} {...register(`items.${index}.targetKind`)} data-testid="intake-item-kind">
                {targetKinds.map((k) => (
                  <option key={k} value={k}>
                    {targetKindLabels[k]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name={`items.${index}.target`} controlId="target" label="Target" idPrefix={prefix} className="intake-wide">
            {(control) => (
              <input
                {...control}
                {...register(`items.${index}.target`)}
                data-testid="intake-item-target"
                type={targetKind === 'url' ? 'url' : 'text'}
                autoComplete="off"
                spellCheck={false}
                maxLength={2000}
                placeholder={targetHints[targetKind]}
              />
            )}
          </Field>
          <Field name={`items.${index}.product`} controlId="product" label="Product" idPrefix={prefix}>
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
            Remove<span className="visually-hidden"> item {index + 1}</span>
          </button>
        </div>
      </fieldset>
    </li>
  );
}

export function ItemsEditor({ idPrefix }: { idPrefix: string }) {
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
          Add an item
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
  const form = useSchemaForm(pasteSchema, { paste: '' });
  const text = useWatch({ control: form.control, name: 'paste' });
  const [pasted, setPasted] = useState<string | null>(null);
  const add = form.handleSubmit(
    ({ paste }) => {
      const { fresh, repeated } = pastedTargets(paste, props.existing());
      props.onPasted(fresh);
      form.reset({ paste: '' });
      const skipped = repeated ? `, ${repeated} already listed` : '';
      setPasted(`${fresh.length} ${fresh.length === 1 ? 'item' : 'items'} added${skipped}.`);
    },
    () => setPasted(null),
  );

  return (
    <FormProvider {...form}>
      <details className="intake-paste">
        <summary>Paste many URLs</summary>
        <Field
          name="paste"
          label="URLs, one per line"
          idPrefix={props.idPrefix}
          hint={`Each line becomes a URL item${props.product ? ` on ${props.product}` : ''}; rows without a target are replaced.`}
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
            Add as items
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
