/**
 * The order's particulars: the law it falls under (the agency country's regimes), its kind and
 * category, the authority's reference, legal basis and signer, the statement of reasons (in the
 * order's language), the categories claimed, the territorial scope and the redress. Each element
 * the regime requires is marked so, with the reason the rule pack gives.
 */
import type { ChangeEvent, ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { type RequestKind, requestKinds } from '../../../../src/domain/vocabulary.js';
import type { RegimeSummary } from '../../api.js';
import { Field } from '../../components/Field.js';
import { label } from '../../labels.js';
import { RequiredMark } from './common.js';
import { categoriesOf, firstCategory, type OrderDraft } from './draft.js';
import { languages, usePortalT } from './i18n.js';
import { ScopePicker } from './ScopePicker.js';

type Props = {
  regimes: readonly RegimeSummary[];
  /** Element → the reason it is required (null: the platform's list); absent: not required. */
  required: ReadonlyMap<string, string | null>;
  idPrefix: string;
};

function Label({ text, element, required }: { text: string; element: string; required: Props['required'] }) {
  const { t } = usePortalT();
  const reason = required.has(element) ? (required.get(element) ?? t('form.platformReason')) : undefined;
  return (
    <>
      {text}
      <RequiredMark reason={reason} />
    </>
  );
}

export function LawFields({ regimes, required, idPrefix }: Props) {
  const { t } = usePortalT();
  const { register, control, setValue } = useFormContext<OrderDraft>();
  const [kind, regimeId] = useWatch({ control, name: ['kind', 'regime'] });
  const regime = regimes.find((r) => r.id === regimeId);
  const { named: categories, general } = categoriesOf(regime, kind);
  const startCategory = (regimeId: string, nextKind: RequestKind) =>
    setValue(
      'category',
      firstCategory(
        regimes.find((r) => r.id === regimeId),
        nextKind,
      ),
    );
  const marked = (text: string, element: string): ReactNode => <Label text={text} element={element} required={required} />;
  return (
    <>
      <div className="form-row">
        <Field
          name="regime"
          label={t('form.regime')}
          idPrefix={idPrefix}
          hint={regimes.length ? t('form.regimeHint') : t('form.noRegimes')}
        >
          {(c) => (
            <select
              {...c}
              {...register('regime', { onChange: (e: ChangeEvent<HTMLSelectElement>) => startCategory(e.target.value, kind) })}
              data-testid="order-regime"
            >
              <option value="">{t('form.noRegime')}</option>
              {regimes.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name.local ?? r.name.en}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="kind" label={t('form.kind')} idPrefix={idPrefix}>
          {(c) => (
            <select
              {...c}
              {...register('kind', {
                onChange: (e: ChangeEvent<HTMLSelectElement>) => startCategory(regimeId, e.target.value as RequestKind),
              })}
              data-testid="order-kind"
            >
              {requestKinds.map((k: RequestKind) => (
                <option key={k} value={k}>
                  {label(t, 'requestKind', k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {categories.length ? (
          <Field name="category" label={t('form.category')} idPrefix={idPrefix}>
            {(c) => (
              <select {...c} {...register('category')} data-testid="order-category">
                {general ? (
                  <option value="">{t('form.categoryNone')}</option>
                ) : (
                  <option value="">{t('form.categoryChoose')}</option>
                )}
                {categories.map((category) => (
                  <option key={category} value={category}>
                    {category.replaceAll('_', ' ')}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </div>
      <div className="form-row">
        <Field name="authorityReference" label={t('form.reference')} idPrefix={idPrefix} hint={t('form.referenceHint')}>
          {(c) => <input {...c} {...register('authorityReference')} data-testid="order-reference" type="text" maxLength={200} />}
        </Field>
        <Field name="signer" label={marked(t('form.signer'), 'signer')} idPrefix={idPrefix} hint={t('form.signerHint')}>
          {(c) => (
            <input
              {...c}
              {...register('signer')}
              data-testid="order-signer"
              type="text"
              maxLength={500}
              aria-required={required.has('signer')}
            />
          )}
        </Field>
      </div>
      <Field
        name="legalBasis"
        label={marked(t('form.legalBasis'), 'legalBasis')}
        idPrefix={idPrefix}
        hint={t('form.legalBasisHint')}
      >
        {(c) => (
          <textarea
            {...c}
            {...register('legalBasis')}
            data-testid="order-legal-basis"
            rows={2}
            maxLength={2000}
            aria-required={required.has('legalBasis')}
          />
        )}
      </Field>
    </>
  );
}

export function ReasonsFields({ required, idPrefix, country }: Omit<Props, 'regimes'> & { country: string | undefined }) {
  const { t } = usePortalT();
  const { register, control } = useFormContext<OrderDraft>();
  const language = useWatch({ control, name: 'language' });
  const marked = (text: string, element: string): ReactNode => <Label text={text} element={element} required={required} />;
  return (
    <>
      <Field name="language" label={marked(t('form.language'), 'language')} idPrefix={idPrefix}>
        {(c) => (
          <select {...c} {...register('language')} data-testid="order-language">
            {languages.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        name="statementOfReasons"
        label={marked(t('form.statementOfReasons'), 'statementOfReasons')}
        idPrefix={idPrefix}
        hint={t('form.statementOfReasonsHint')}
      >
        {(c) => (
          <textarea
            {...c}
            {...register('statementOfReasons')}
            data-testid="order-statement"
            lang={language}
            rows={6}
            maxLength={20000}
            aria-required={required.has('statementOfReasons')}
          />
        )}
      </Field>
      <Field
        name="claimedCategories"
        label={marked(t('form.claimedCategories'), 'claimedCategories')}
        idPrefix={idPrefix}
        hint={t('form.claimedCategoriesHint')}
      >
        {(c) => <input {...c} {...register('claimedCategories')} data-testid="order-claimed" type="text" />}
      </Field>
      <ScopePicker label={marked(t('form.requestedScope'), 'requestedScope')} idPrefix={idPrefix} country={country} />
      <Field name="redress" label={marked(t('form.redress'), 'redress')} idPrefix={idPrefix} hint={t('form.redressHint')}>
        {(c) => (
          <textarea
            {...c}
            {...register('redress')}
            data-testid="order-redress"
            lang={language}
            rows={2}
            maxLength={5000}
            aria-required={required.has('redress')}
          />
        )}
      </Field>
    </>
  );
}
