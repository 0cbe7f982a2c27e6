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
import { clockLabels, countryName, humanize, requestKindLabels } from '../../labels.js';
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
  return (
    <option value={regime.id}>
      {regime.name.en}
      {regime.currentVersion ? '' : ' (no longer in force)'}
    </option>
  );
}

export function RegimeFields(props: Props) {
  const { regimes, country, kind, regime, category, rule, need, idPrefix } = props;
  const { register } = useFormContext<Draft>();
  const { own, union } = regimesFor(country, regimes);
  const chosen = regimes.find((r) => r.id === regime);
  const { named, general, coversKind } = categoriesFor(chosen, kind);
  const regimeHint = !country
    ? 'Choose the authority first: its country’s laws are offered.'
    : chosen
      ? `${chosen.id} · ${chosen.jurisdictionKind === 'union' ? 'union law' : countryName(chosen.jurisdiction)} · ${chosen.timeZone}`
      : 'Without a regime, a platform policy deadline applies, not a legal one.';

  return (
    <>
      <div className="form-row">
        <Field name="regime" label="Regime (optional)" idPrefix={idPrefix} hint={regimeHint}>
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
              <option value="">None named: platform policy</option>
              {own.length > 0 ? (
                <optgroup label={`Laws of ${countryName(country ?? '')}`}>
                  {own.map((r) => (
                    <RegimeOption key={r.id} regime={r} />
                  ))}
                </optgroup>
              ) : null}
              {union.length > 0 ? (
                <optgroup label="Union law (EU)">
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
            label="Category"
            idPrefix={idPrefix}
            hint={
              coversKind
                ? rule
                  ? `Deadline: ${clockLabels[rule.clock].toLowerCase()}${rule.hours ? `, ${rule.hours} h` : ''}`
                  : 'Choose the category the order falls under.'
                : `This regime sets no deadline for ${requestKindLabels[kind].toLowerCase()} orders.`
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
                  {general ? (named.length ? 'Any other (the general rule)' : 'Any (one rule for all)') : 'Choose a category…'}
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
          label={need === 'required' ? 'Period set in the order (hours)' : 'Period set in the order (hours, optional)'}
          idPrefix={idPrefix}
          className="intake-period"
          hint={
            need === 'required'
              ? 'The law leaves the period to the order: enter the hours it gives.'
              : `The law gives ${rule?.hours ? `${rule.hours} h` : 'a fixed period'} and lets the order allow more; enter it only if the order does.`
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
