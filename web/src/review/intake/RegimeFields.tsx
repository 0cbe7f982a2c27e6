/**
 * The legal frame the order names: the regime (the authority's country's laws and union law), the
 * regime's category for the order's kind, and, where the law leaves it to the order, the period
 * the order sets.
 */
import type { RequestKind } from '../../../../src/domain/vocabulary.js';
import type { RegimeSummary } from '../../api.js';
import { Field } from '../../components/Field.js';
import { clockLabels, countryName, humanize, requestKindLabels } from '../../labels.js';
import type { ApiError } from '../../problem.js';
import { categoriesFor, type PeriodNeed, type RuleShape, regimesFor } from './draft.js';

type Props = {
  regimes: readonly RegimeSummary[];
  country: string | undefined;
  kind: RequestKind;
  regime: string;
  category: string;
  period: string;
  rule: RuleShape | null;
  need: PeriodNeed;
  onRegimeChange: (regime: RegimeSummary | undefined) => void;
  onCategoryChange: (category: string) => void;
  onPeriodChange: (period: string) => void;
  error: ApiError | null;
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
  const { regimes, country, kind, regime, category, period, rule, need, error, idPrefix } = props;
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
        <Field name="regime" label="Regime (optional)" error={error} idPrefix={idPrefix} hint={regimeHint}>
          {(control) => (
            <select
              {...control}
              data-testid="intake-regime"
              value={regime}
              disabled={!country}
              onChange={(e) => props.onRegimeChange(regimes.find((r) => r.id === e.target.value))}
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
            error={error}
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
                data-testid="intake-category"
                value={category}
                disabled={!coversKind}
                onChange={(e) => props.onCategoryChange(e.target.value)}
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
          error={error}
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
              data-testid="intake-period"
              type="number"
              inputMode="decimal"
              min={0}
              step="any"
              value={period}
              onChange={(e) => props.onPeriodChange(e.target.value)}
            />
          )}
        </Field>
      ) : null}
    </>
  );
}
