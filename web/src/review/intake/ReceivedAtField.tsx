/**
 * When the order reached the platform: a wall-clock time in the authority's time zone, the zone
 * itself, and the UTC instant they make, so that the reviewer sees what will be stored.
 */
import { useMemo } from 'react';
import type { RegimeSummary } from '../../api.js';
import { Field } from '../../components/Field.js';
import { countryName } from '../../labels.js';
import type { ApiError } from '../../problem.js';
import { formatUtc } from '../../time.js';
import { allZones, type LocalInstant, nowInZone, offsetLabel, zonesOfCountry } from './zones.js';

type Props = {
  local: string;
  zone: string;
  /** The authority's country, whose zones are offered first. */
  country: string | undefined;
  received: LocalInstant | null;
  regimes: readonly RegimeSummary[];
  onLocalChange: (local: string) => void;
  onZoneChange: (zone: string) => void;
  error: ApiError | null;
  idPrefix: string;
};

export function ReceivedAtField({
  local,
  zone,
  country,
  received,
  regimes,
  onLocalChange,
  onZoneChange,
  error,
  idPrefix,
}: Props) {
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
          label="Received at (authority’s local time)"
          error={error}
          idPrefix={idPrefix}
          hint="When the e-mail or letter reached the platform, on the authority’s clock. Empty: the moment you record it."
          problem={
            received?.shifted ? `This time does not exist in ${zone} (the clocks skip it); it is read as shown below.` : null
          }
        >
          {(control) => (
            <input
              {...control}
              data-testid="intake-received"
              type="datetime-local"
              step={60}
              value={local}
              onChange={(e) => onLocalChange(e.target.value)}
            />
          )}
        </Field>
        <Field name="authorityTimeZone" controlId="zone" label="Authority’s time zone" error={error} idPrefix={idPrefix}>
          {(control) => (
            <select {...control} data-testid="intake-zone" value={zone} onChange={(e) => onZoneChange(e.target.value)}>
              {countryZones.length > 0 && country ? (
                <optgroup label={`Zones of ${countryName(country)}`}>
                  {countryZones.map((z) => (
                    <option key={z.zone} value={z.zone}>
                      {z.label}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              <optgroup label="All time zones">
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
            <span className="muted">Stored as </span>
            <time dateTime={received.instant.toISOString()} data-testid="intake-received-utc">
              {formatUtc(received.instant.toISOString())}
            </time>
            <span className="muted">
              {' '}
              ({offsetLabel(zone, received.instant)} in {zone})
            </span>
          </>
        ) : (
          <span className="muted">No time given: the order is stored as received now.</span>
        )}{' '}
        <button type="button" className="button button-small" onClick={() => onLocalChange(nowInZone(zone))}>
          Use the current time
        </button>
      </p>
    </div>
  );
}
