/**
 * When the order reached the platform: a wall-clock time in the authority's time zone, the zone
 * itself, and the UTC instant they make, so that the reviewer sees what will be stored.
 */
import { useMemo } from 'react';
import { useFormContext } from 'react-hook-form';
import type { RegimeSummary } from '../../api.js';
import { Field } from '../../components/Field.js';
import { useFormat, useTranslation } from '../../i18n/index.js';
import { countryNameIn } from '../../labels.js';
import type { Draft } from './draft.js';
import { allZones, type LocalInstant, nowInZone, offsetLabel, zonesOfCountry } from './zones.js';

type Props = {
  /** The form's `authorityTimeZone`. */
  zone: string;
  /** The authority's country, whose zones are offered first. */
  country: string | undefined;
  received: LocalInstant | null;
  regimes: readonly RegimeSummary[];
  /** The reviewer chose the zone (a regime chosen later keeps it). */
  onZoneChosen: () => void;
  idPrefix: string;
};

export function ReceivedAtField({ zone, country, received, regimes, onZoneChosen, idPrefix }: Props) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const { register, setValue } = useFormContext<Draft>();
  const zones = useMemo(() => allZones(regimes), [regimes]);
  // The offsets shown beside the country's zones only need the day of receipt, not every minute typed.
  const day = (received?.instant ?? new Date()).toISOString().slice(0, 10);
  const countryZones = useMemo(() => {
    const at = new Date(`${day}T12:00:00Z`);
    return (country ? zonesOfCountry(country) : []).map((z) => ({ zone: z, label: `${z} (${offsetLabel(z, at)})` }));
  }, [country, day]);
  const others = zones.filter((z) => !countryZones.some((c) => c.zone === z));
  if (!zones.includes(zone) && !countryZones.some((c) => c.zone === zone)) others.unshift(zone);

  return (
    <div className="intake-received">
      <div className="form-row">
        <Field
          name="receivedAt"
          controlId="received"
          label={t('intake.receivedAt')}
          idPrefix={idPrefix}
          hint={t('intake.receivedHint')}
          remark={received?.shifted ? t('intake.skipped', { zone }) : null}
        >
          {(control) => (
            <input {...control} {...register('receivedAt')} data-testid="intake-received" type="datetime-local" step={60} />
          )}
        </Field>
        <Field name="authorityTimeZone" controlId="zone" label={t('intake.zone')} idPrefix={idPrefix}>
          {(control) => (
            <select
              {...control}
              {...register('authorityTimeZone', { onChange: onZoneChosen })}
              // Controlled: its options follow the authority's country, which may change with it.
              value={zone}
              data-testid="intake-zone"
            >
              {countryZones.length > 0 && country ? (
                <optgroup label={t('intake.zonesOf', { country: countryNameIn(country, format.locale) })}>
                  {countryZones.map((z) => (
                    <option key={z.zone} value={z.zone}>
                      {z.label}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              <optgroup label={t('intake.allZones')}>
                {others.map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </optgroup>
            </select>
          )}
        </Field>
      </div>
      <p className="intake-received-utc" aria-live="polite">
        {received ? (
          <>
            <span className="muted">{t('intake.storedAs')} </span>
            <time dateTime={received.instant.toISOString()} data-testid="intake-received-utc">
              {format.utc(received.instant.toISOString())}
            </time>
            <span className="muted"> ({t('intake.offsetIn', { offset: offsetLabel(zone, received.instant), zone })})</span>
          </>
        ) : (
          <span className="muted">{t('intake.noTime')}</span>
        )}{' '}
        <button
          type="button"
          className="button button-small"
          onClick={() => setValue('receivedAt', nowInZone(zone), { shouldDirty: true, shouldValidate: true })}
        >
          {t('intake.useNow')}
        </button>
      </p>
    </div>
  );
}
