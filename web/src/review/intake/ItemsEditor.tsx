/**
 * The items the order names: one row per URL, account or content ID (its kind, the target, the
 * product it is on), rows added and removed, and many URLs pasted at once, one per line.
 */
import { useId, useRef, useState } from 'react';
import { type TargetKind, targetKinds } from '../../../../src/domain/vocabulary.js';
import { Field } from '../../components/Field.js';
import { targetKindLabels } from '../../labels.js';
import type { ApiError } from '../../problem.js';
import { type ItemDraft, newItem, notUrlsMessage, pastedTargets } from './draft.js';

type Props = {
  items: readonly ItemDraft[];
  onChange: (items: ItemDraft[]) => void;
  error: ApiError | null;
  idPrefix: string;
};

/** Products the platform's orders usually name; any other may be typed. */
const products = ['Video', 'Short video', 'Posts', 'Comments', 'Profiles', 'Messages', 'Live stream'];

const targetHints: Record<TargetKind, string> = {
  url: 'https://…',
  account: 'Account handle or ID',
  content_id: 'The platform’s content ID',
};

function ItemRow(props: {
  item: ItemDraft;
  index: number;
  count: number;
  onChange: (item: ItemDraft) => void;
  onRemove: () => void;
  error: ApiError | null;
  idPrefix: string;
  listId: string;
}) {
  const { item, index, count, error, listId } = props;
  const prefix = `${props.idPrefix}item${item.key}-`;
  const field = (name: string) => `items/${index}/${name}`;
  const set = (patch: Partial<ItemDraft>) => props.onChange({ ...item, ...patch });
  return (
    <li className="intake-item" data-testid="intake-item">
      <fieldset>
        <legend>Item {index + 1}</legend>
        <div className="intake-item-fields">
          <Field name={field('targetKind')} controlId="kind" label="Kind" error={error} idPrefix={prefix}>
            {(control) => (
              <select
                {...control}
                data-testid="intake-item-kind"
                value={item.targetKind}
                onChange={(e) => set({ targetKind: e.target.value as TargetKind })}
              >
                {targetKinds.map((k) => (
                  <option key={k} value={k}>
                    {targetKindLabels[k]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name={field('target')} controlId="target" label="Target" error={error} idPrefix={prefix} className="intake-wide">
            {(control) => (
              <input
                {...control}
                data-testid="intake-item-target"
                type={item.targetKind === 'url' ? 'url' : 'text'}
                autoComplete="off"
                spellCheck={false}
                maxLength={2000}
                placeholder={targetHints[item.targetKind]}
                value={item.target}
                onChange={(e) => set({ target: e.target.value })}
              />
            )}
          </Field>
          <Field name={field('product')} controlId="product" label="Product" error={error} idPrefix={prefix}>
            {(control) => (
              <input
                {...control}
                data-testid="intake-item-product"
                type="text"
                list={listId}
                autoComplete="off"
                maxLength={100}
                value={item.product}
                onChange={(e) => set({ product: e.target.value })}
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

export function ItemsEditor({ items, onChange, error, idPrefix }: Props) {
  const listId = `${useId()}-products`;
  const [paste, setPaste] = useState('');
  const [pasted, setPasted] = useState<string | null>(null);
  const [pasteProblem, setPasteProblem] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const last = items.at(-1);
  // Only the list as a whole: the rows show their own fields' messages.
  const listProblem = error?.problem.errors?.find((e) => e.field === 'items')?.message;

  const focusRow = (index: number) =>
    requestAnimationFrame(() =>
      list.current?.querySelectorAll<HTMLInputElement>('[data-testid="intake-item-target"]')[index]?.focus(),
    );

  function add() {
    onChange([...items, newItem(last)]);
    focusRow(items.length);
  }

  function addPasted() {
    const { fresh, repeated, notUrls } = pastedTargets(
      paste,
      items.map((i) => i.target),
    );
    // All or nothing: a line that is not a URL is said at the box, and the box keeps the text to correct.
    const problem = notUrlsMessage(notUrls);
    setPasteProblem(problem);
    if (problem) {
      setPasted(null);
      return;
    }
    const filled = items.filter((i) => i.target.trim());
    const added = fresh.map((target) => newItem({ targetKind: 'url', product: last?.product ?? '' }, target));
    const next = [...filled, ...added];
    onChange(next.length > 0 ? next : items.slice());
    setPaste('');
    const skipped = repeated ? `, ${repeated} already listed` : '';
    setPasted(`${fresh.length} ${fresh.length === 1 ? 'item' : 'items'} added${skipped}.`);
  }

  return (
    <>
      {listProblem ? <p className="field-error">{listProblem}</p> : null}
      <ol className="intake-items" ref={list}>
        {items.map((item, index) => (
          <ItemRow
            key={item.key}
            item={item}
            index={index}
            count={items.length}
            listId={listId}
            error={error}
            idPrefix={idPrefix}
            onChange={(changed) => onChange(items.map((i) => (i.key === changed.key ? changed : i)))}
            onRemove={() => {
              onChange(items.filter((i) => i.key !== item.key));
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
      <details className="intake-paste">
        <summary>Paste many URLs</summary>
        <Field
          name="paste"
          label="URLs, one per line"
          idPrefix={idPrefix}
          error={null}
          problem={pasteProblem}
          hint={`Each line becomes a URL item${last?.product ? ` on ${last.product}` : ''}; rows without a target are replaced.`}
        >
          {(control) => (
            <textarea
              {...control}
              data-testid="intake-paste"
              rows={4}
              spellCheck={false}
              value={paste}
              onChange={(e) => {
                setPaste(e.target.value);
                setPasteProblem(null);
              }}
            />
          )}
        </Field>
        <div className="actions">
          <button
            type="button"
            className="button button-small"
            data-testid="intake-paste-add"
            onClick={addPasted}
            disabled={!paste.trim()}
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
    </>
  );
}
