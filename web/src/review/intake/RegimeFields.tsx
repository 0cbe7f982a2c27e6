/**
 * The legal frame the order names: the regime (the authority's country's laws and union law), the
 * regime's category for the order's kind, and, where the law leaves it to the order, the period
 * the order sets.
 */
import type { ChangeEvent } from 'react';
import { useFormContext } from 'react-hook-form';
import type { RequestKind } from '../../../../src/domain/vocabulary.js';
import type { RegimeSummary } from '../../api.js';
import { Field } from '../../components/Field.js';
import { useLocale, useTranslation } from '../../i18n/index.js';
import { countryNameIn, humanize, label } from '../../labels.js';
import { categoriesFor, type Draft, type PeriodNeed, type RuleShape, regimesFor } from './draft.js';

type Props = {
  regimes: readonly RegimeSummary[];
  country: string | undefined;
  kind: RequestKind;
  /** The form's `regime` and `category`. */
  regime: string;
  category: string;
  rule: RuleShape | null;
  need: PeriodNeed;
  /** After another regime was chosen: its categories and zone follow. */
  onRegimeChange: (regime: RegimeSummary | undefined) => void;
  onCategoryChange: () => void;
  idPrefix: string;
};

function RegimeOption({ regime }: { regime: RegimeSummary }) {
  const { t, i18n } = useTranslation('review');
  const name = regime.name.local && regime.name.localLanguage === i18n.resolvedLanguage ? regime.name.local : regime.name.en;
  return (
    <option value={regime.id}>
      {name}
      {regime.currentVersion ? '' : ` ${t('intake.notInForce')}`}
    </option>
  );
}

export function RegimeFields(props: Props) {
  const { regimes, country, kind, regime, category, rule, need, idPrefix } = props;
  const { t } = useTranslation('review');
  const locale = useLocale();
  const { register } = useFormContext<Draft>();
  const { own, union } = regimesFor(country, regimes);
  const chosen = regimes.find((r) => r.id === regime);
  const { named, general, coversKind } = categoriesFor(chosen, kind);
  const regimeHint = !country
    ? t('intake.regimeFirst')
    : chosen
      ? `${chosen.id} · ${chosen.jurisdictionKind === 'union' ? t('intake.unionLaw') : countryNameIn(chosen.jurisdiction, locale)} · ${chosen.timeZone}`
      : t('intake.regimeNone');

  return (
    <>
      <div className="form-row">
        <Field name="regime" label={t('intake.regime')} idPrefix={idPrefix} hint={regimeHint}>
          {(control) => (
            <select
              {...control}
              {...register('regime', {
                onChange: (e: ChangeEvent<HTMLSelectElement>) =>
                  props.onRegimeChange(regimes.find((r) => r.id === e.target.value)),
              })}
              // Controlled, as the choices below: their options follow the authority and the regime.
              value={regime}
              disabled={!country}
              data-testid="intake-regime"
            >
              <option value="">{t('intake.noneNamed')}</option>
              {own.length > 0 ? (
                <optgroup label={t('intake.lawsOf', { country: countryNameIn(country ?? '', locale) })}>
                  {own.map((r) => (
                    <RegimeOption key={r.id} regime={r} />
                  ))}
                </optgroup>
              ) : null}
              {union.length > 0 ? (
                <optgroup label={t('intake.unionLawEu')}>
                  {union.map((r) => (
                    <RegimeOption key={r.id} regime={r} />
                  ))}
                </optgroup>
              ) : null}
            </select>
          )}
        </Field>
        {chosen ? (
          <Field
            name="category"
            label={t('intake.category')}
            idPrefix={idPrefix}
            hint={
              coversKind
                ? rule
                  ? t('intake.categoryDeadline', {
                      clock: label(t, 'clock', rule.clock).toLocaleLowerCase(locale),
                      hours: rule.hours ? `, ${t('common:duration.hours', { n: rule.hours })}` : '',
                    })
                  : t('intake.chooseCategoryHint')
                : t('intake.noDeadlineForKind', { kind: label(t, 'requestKind', kind).toLocaleLowerCase(locale) })
            }
          >
            {(control) => (
              <select
                {...control}
                {...register('category', { onChange: props.onCategoryChange })}
                value={category}
                disabled={!coversKind}
                data-testid="intake-category"
              >
                <option value="">
                  {general ? (named.length ? t('intake.anyOther') : t('intake.anyOne')) : t('intake.chooseCategory')}
                </option>
                {named.map((c) => (
                  <option key={c.category} value={c.category}>
                    {humanize(c.category)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </div>
      {need ? (
        <Field
          name="periodSetInOrderHours"
          controlId="period"
          label={need === 'required' ? t('intake.period') : t('intake.periodOptional')}
          idPrefix={idPrefix}
          className="intake-period"
          hint={
            need === 'required'
              ? t('intake.periodRequiredHint')
              : t('intake.periodOptionalHint', {
                  period: rule?.hours ? t('common:duration.hours', { n: rule.hours }) : t('intake.fixedPeriod'),
                })
          }
        >
          {(control) => (
            <input
              {...control}
              {...register('periodSetInOrderHours')}
              data-testid="intake-period"
              type="number"
              inputMode="decimal"
              min={0}
              step="any"
            />
          )}
        </Field>
      ) : null}
    </>
  );
}
