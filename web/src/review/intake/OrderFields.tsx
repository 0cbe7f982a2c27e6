/** What the order is: its kind, how it came, the authority's reference, the law it cites, what it claims. */
import type { ChangeEvent } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { type Channel, channels, type RequestKind, requestKinds } from '../../../../src/domain/vocabulary.js';
import { Field } from '../../components/Field.js';
import { useTranslation } from '../../i18n/index.js';
import { label } from '../../labels.js';
import type { Draft } from './draft.js';

type Props = {
  /** After the kind changed: the regime's categories differ by kind. */
  onKindChange: (kind: RequestKind) => void;
  idPrefix: string;
};

/** The channels whose choice gets a hint (`review:intake.channelHint.<channel>`). */
const hintedChannels: readonly Channel[] = ['portal', 'api'];

export function OrderFields({ onKindChange, idPrefix }: Props) {
  const { t } = useTranslation('review');
  const { register, control } = useFormContext<Draft>();
  const channel = useWatch({ control, name: 'channel' });
  return (
    <>
      <div className="form-row">
        <Field name="kind" label={t('intake.kind')} idPrefix={idPrefix}>
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
                  {label(t, 'requestKind', k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="channel"
          label={t('intake.channel')}
          idPrefix={idPrefix}
          hint={hintedChannels.includes(channel) ? t(`intake.channelHint.${channel}`) : undefined}
        >
          {(control) => (
            <select {...control} {...register('channel')} data-testid="intake-channel">
              {channels.map((c) => (
                <option key={c} value={c}>
                  {label(t, 'channel', c)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="authorityReference"
          controlId="reference"
          label={t('request.authorityReference')}
          idPrefix={idPrefix}
          hint={t('intake.referenceHint')}
        >
          {(control) => (
            <input
              {...control}
              {...register('authorityReference')}
              data-testid="intake-reference"
              type="text"
              autoComplete="off"
              maxLength={200}
              placeholder={t('intake.referencePlaceholder')}
            />
          )}
        </Field>
      </div>
      <Field name="legalBasis" label={t('intake.legalBasis')} idPrefix={idPrefix} hint={t('intake.legalBasisHint')}>
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
            {t('request.claimedCategories')} <span className="muted">{t('intake.optional')}</span>
          </>
        }
        idPrefix={idPrefix}
        hint={t('intake.categoriesHint')}
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
