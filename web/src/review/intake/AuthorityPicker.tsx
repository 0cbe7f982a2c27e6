/** The authority that issued the order: the register grouped by country, or a new one registered here. */
import { type ChangeEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import type { Authority } from '../../api.js';
import { DemoBadge } from '../../components/Feedback.js';
import { Field } from '../../components/Field.js';
import { useLocale, useTranslation } from '../../i18n/index.js';
import { countryNameIn, label } from '../../labels.js';
import { NewAuthorityForm } from './NewAuthorityForm.js';

type Props = {
  authorities: readonly Authority[];
  /** The form's `authorityId`. */
  value: string;
  /** After the reviewer chose another authority (`before` is the one chosen until then). */
  onChosen: (chosen: Authority | undefined, before: Authority | undefined) => void;
  onRegistered: (authority: Authority) => void;
  idPrefix: string;
};

export function AuthorityPicker({ authorities, value, onChosen, onRegistered, idPrefix }: Props) {
  const { t } = useTranslation('review');
  const locale = useLocale();
  const countryName = (code: string) => countryNameIn(code, locale);
  const { register } = useFormContext<{ authorityId: string }>();
  const [adding, setAdding] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const closed = useRef(false);
  // Back on the button after Cancel, so that keyboard users are not dropped at the top of the page.
  useEffect(() => {
    if (!adding && closed.current) toggle.current?.focus();
  }, [adding]);
  const chosen = authorities.find((a) => a.id === value);

  const byCountry = useMemo(() => {
    const groups = new Map<string, Authority[]>();
    for (const a of authorities) groups.set(a.country, [...(groups.get(a.country) ?? []), a]);
    return [...groups.entries()]
      .map(([country, list]) => ({ country, list: [...list].sort((a, b) => a.name.localeCompare(b.name)) }))
      .sort((a, b) => countryNameIn(a.country, locale).localeCompare(countryNameIn(b.country, locale), locale));
  }, [authorities, locale]);

  const hint = chosen ? (
    <>
      {countryName(chosen.country)} ({chosen.country}) · {label(t, 'authorityKind', chosen.kind)}{' '}
      {chosen.isDemo ? <DemoBadge /> : null}
    </>
  ) : (
    t('intake.authorityHint')
  );

  return (
    <div className="intake-authority">
      <Field name="authorityId" controlId="authority" label={t('intake.authority')} idPrefix={idPrefix} hint={hint}>
        {(control) => (
          <select
            {...control}
            {...register('authorityId', {
              onChange: (e: ChangeEvent<HTMLSelectElement>) =>
                onChosen(
                  authorities.find((a) => a.id === e.target.value),
                  chosen,
                ),
            })}
            // Controlled: an authority registered here is chosen before its option is drawn.
            value={value}
            data-testid="intake-authority"
          >
            <option value="">{t('intake.chooseAuthority')}</option>
            {byCountry.map(({ country, list }) => (
              <optgroup key={country} label={`${countryName(country)} (${country})`}>
                {list.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      {adding ? (
        <NewAuthorityForm
          country={chosen?.country ?? ''}
          onRegistered={(authority) => {
            setAdding(false);
            onRegistered(authority);
          }}
          onCancel={() => {
            closed.current = true;
            setAdding(false);
          }}
        />
      ) : (
        <button
          type="button"
          className="button button-small intake-register-toggle"
          data-testid="intake-new-authority-open"
          ref={toggle}
          onClick={() => setAdding(true)}
        >
          {t('intake.registerAuthority')}
        </button>
      )}
    </div>
  );
}
