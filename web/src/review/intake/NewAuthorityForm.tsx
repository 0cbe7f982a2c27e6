/**
 * Register an authority that is not in the register yet: country, name and kind. It sits inside
 * the intake form, so it is a group with its own button rather than a nested form.
 */
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { countryName, isCountryCode } from '../../../../src/domain/countries.js';
import { type AuthorityKind, authorityKinds } from '../../../../src/domain/vocabulary.js';
import { type Authority, api } from '../../api.js';
import { ProblemMessage } from '../../components/Feedback.js';
import { Field } from '../../components/Field.js';
import { authorityKindLabels } from '../../labels.js';
import type { ApiError } from '../../problem.js';
import { useFailureHandler } from '../session.js';

type Props = {
  /** The country to start from (e.g. the one of the authority chosen before). */
  country: string;
  onRegistered: (authority: Authority) => void;
  onCancel: () => void;
};

export function NewAuthorityForm({ country: initialCountry, onRegistered, onCancel }: Props) {
  const fail = useFailureHandler();
  const prefix = `${useId()}-`;
  const [country, setCountry] = useState(initialCountry);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<AuthorityKind | ''>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const [missing, setMissing] = useState<Record<'country' | 'name' | 'kind', string | null>>({
    country: null,
    name: null,
    kind: null,
  });

  async function register() {
    // What the browser can tell at once; the server still checks everything (and that the name is new).
    const found = {
      country: isCountryCode(country.trim().toUpperCase())
        ? null
        : 'Enter a country’s current two-letter code, e.g. KZ (withdrawn codes such as SU are not countries today).',
      name: name.trim() ? null : 'Enter the authority’s name.',
      kind: kind ? null : 'Choose what kind of body it is.',
    };
    setMissing(found);
    if (found.country || found.name || found.kind) return;
    setBusy(true);
    setError(null);
    try {
      if (kind) onRegistered(await api.registerAuthority({ country: country.trim(), name, kind }));
    } catch (e) {
      setError(fail(e));
      setBusy(false);
    }
  }

  // Enter registers the authority instead of submitting the whole order.
  const onKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      if (!busy) void register();
    }
  };

  return (
    <fieldset className="intake-new-authority card" data-testid="intake-new-authority" onKeyDown={onKeyDown}>
      <legend>Register a new authority</legend>
      {error ? <ProblemMessage error={error} /> : null}
      <div className="form-row intake-new-authority-row">
        <Field
          name="country"
          label="Country code"
          error={error}
          idPrefix={prefix}
          hint={isCountryCode(country.trim()) ? countryName(country.trim()) : 'ISO two letters, e.g. KZ'}
          problem={missing.country}
        >
          {(control) => (
            <input
              {...control}
              ref={first}
              data-testid="intake-new-authority-country"
              type="text"
              autoComplete="off"
              spellCheck={false}
              maxLength={2}
              value={country}
              onChange={(e) => setCountry(e.target.value.toUpperCase())}
            />
          )}
        </Field>
        <Field name="name" label="Name" error={error} idPrefix={prefix} className="intake-wide" problem={missing.name}>
          {(control) => (
            <input
              {...control}
              data-testid="intake-new-authority-name"
              type="text"
              autoComplete="off"
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field name="kind" label="Kind" error={error} idPrefix={prefix} problem={missing.kind}>
          {(control) => (
            <select
              {...control}
              data-testid="intake-new-authority-kind"
              value={kind}
              onChange={(e) => setKind(e.target.value as AuthorityKind | '')}
            >
              <option value="">Choose…</option>
              {authorityKinds.map((k) => (
                <option key={k} value={k}>
                  {authorityKindLabels[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="actions">
        <button
          type="button"
          className="button button-primary button-small"
          data-testid="intake-new-authority-submit"
          onClick={register}
          disabled={busy}
        >
          {busy ? 'Registering…' : 'Register and choose'}
        </button>
        <button type="button" className="button button-small" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
