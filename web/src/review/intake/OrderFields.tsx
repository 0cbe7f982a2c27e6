/** What the order is: its kind, how it came, the authority's reference, the law it cites, what it claims. */
import { type Channel, channels, type RequestKind, requestKinds } from '../../../../src/domain/vocabulary.js';
import { Field } from '../../components/Field.js';
import { channelLabels, requestKindLabels } from '../../labels.js';
import type { ApiError } from '../../problem.js';
import type { Draft } from './draft.js';

type Props = {
  draft: Draft;
  onKindChange: (kind: RequestKind) => void;
  onChange: (patch: Partial<Draft>) => void;
  error: ApiError | null;
  idPrefix: string;
};

const channelHints: Partial<Record<Channel, string>> = {
  portal: 'Authorities will get their own portal; choose this only for orders that came through one.',
  api: 'For orders an authority’s system sent to the API.',
};

export function OrderFields({ draft, onKindChange, onChange, error, idPrefix }: Props) {
  return (
    <>
      <div className="form-row">
        <Field name="kind" label="Kind of order" error={error} idPrefix={idPrefix}>
          {(control) => (
            <select
              {...control}
              data-testid="intake-kind"
              value={draft.kind}
              onChange={(e) => onKindChange(e.target.value as RequestKind)}
            >
              {requestKinds.map((k) => (
                <option key={k} value={k}>
                  {requestKindLabels[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="channel" label="Received by" error={error} idPrefix={idPrefix} hint={channelHints[draft.channel]}>
          {(control) => (
            <select
              {...control}
              data-testid="intake-channel"
              value={draft.channel}
              onChange={(e) => onChange({ channel: e.target.value as Channel })}
            >
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
          error={error}
          idPrefix={idPrefix}
          hint="Optional: the number on the order."
        >
          {(control) => (
            <input
              {...control}
              data-testid="intake-reference"
              type="text"
              autoComplete="off"
              maxLength={200}
              placeholder="e.g. No. 04-2/1187"
              value={draft.authorityReference}
              onChange={(e) => onChange({ authorityReference: e.target.value })}
            />
          )}
        </Field>
      </div>
      <Field
        name="legalBasis"
        label="Legal basis as cited"
        error={error}
        idPrefix={idPrefix}
        hint="The law and article the order names, in its own words."
      >
        {(control) => (
          <textarea
            {...control}
            data-testid="intake-legal-basis"
            aria-required="true"
            rows={3}
            maxLength={2000}
            value={draft.legalBasis}
            onChange={(e) => onChange({ legalBasis: e.target.value })}
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
        error={error}
        idPrefix={idPrefix}
        hint="What the authority says the content is, separated by commas, e.g. cyberbullying of a child, extremism."
      >
        {(control) => (
          <input
            {...control}
            data-testid="intake-claimed-categories"
            type="text"
            autoComplete="off"
            value={draft.claimedCategories}
            onChange={(e) => onChange({ claimedCategories: e.target.value })}
          />
        )}
      </Field>
    </>
  );
}
