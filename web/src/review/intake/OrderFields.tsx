/** What the order is: its kind, how it came, the authority's reference, the law it cites, what it claims. */
import type { ChangeEvent } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { type Channel, channels, type RequestKind, requestKinds } from '../../../../src/domain/vocabulary.js';
import { Field } from '../../components/Field.js';
import { channelLabels, requestKindLabels } from '../../labels.js';
import type { Draft } from './draft.js';

type Props = {
  /** After the kind changed: the regime's categories differ by kind. */
  onKindChange: (kind: RequestKind) => void;
  idPrefix: string;
};

const channelHints: Partial<Record<Channel, string>> = {
  portal: 'Authorities will get their own portal; choose this only for orders that came through one.',
  api: 'For orders an authority’s system sent to the API.',
};

export function OrderFields({ onKindChange, idPrefix }: Props) {
  const { register, control } = useFormContext<Draft>();
  const channel = useWatch({ control, name: 'channel' });
  return (
    <>
      <div className="form-row">
        <Field name="kind" label="Kind of order" idPrefix={idPrefix}>
          {(control) => (
            <select
              {...control}
              {...register('kind', {
                onChange: (e: ChangeEvent<HTMLSelectElement>) => onKindChange(e.target.value as RequestKind),
              })}
              data-testid="intake-kind"
            >
              {requestKinds.map((k) => (
                <option key={k} value={k}>
                  {requestKindLabels[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="channel" label="Received by" idPrefix={idPrefix} hint={channelHints[channel]}>
          {(control) => (
            <select {...control} {...register('channel')} data-testid="intake-channel">
              {channels.map((c) => (
                <option key={c} value={c}>
                  {channelLabels[c]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="authorityReference"
          controlId="reference"
          label="Authority’s reference"
          idPrefix={idPrefix}
          hint="Optional: the number on the order."
        >
          {(control) => (
            <input
              {...control}
              {...register('authorityReference')}
              data-testid="intake-reference"
              type="text"
              autoComplete="off"
              maxLength={200}
              placeholder="e.g. No. 04-2/1187"
            />
          )}
        </Field>
      </div>
      <Field
        name="legalBasis"
        label="Legal basis as cited"
        idPrefix={idPrefix}
        hint="The law and article the order names, in its own words."
      >
        {(control) => (
          <textarea
            {...control}
            {...register('legalBasis')}
            data-testid="intake-legal-basis"
            aria-required="true"
            rows={3}
            maxLength={2000}
          />
        )}
      </Field>
      <Field
        name="claimedCategories"
        label={
          <>
            Claimed categories <span className="muted">(optional)</span>
          </>
        }
        idPrefix={idPrefix}
        hint="What the authority says the content is, separated by commas, e.g. cyberbullying of a child, extremism."
      >
        {(control) => (
          <input
            {...control}
            {...register('claimedCategories')}
            data-testid="intake-claimed-categories"
            type="text"
            autoComplete="off"
          />
        )}
      </Field>
    </>
  );
}
