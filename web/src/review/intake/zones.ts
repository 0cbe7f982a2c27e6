/**
 * Time zones for the intake form: the IANA zones the browser knows, a sensible zone per country,
 * and labels. The arithmetic (a wall-clock time in a zone → an instant) is the rule packs' own
 * (src/domain/regimes/time.ts, on Temporal), so the form and the server agree, e.g. that
 * Asia/Almaty is UTC+5 since Kazakhstan's change of 1 March 2024.
 */
import { formatInZone, isTimeZone, type LocalInstant, localToInstant } from '../../../../src/domain/regimes/time.js';
import type { RegimeSummary } from '../../api.js';

// The intake form's callers take these from here, with the form's other zone helpers.
export { type LocalInstant, localToInstant };

/** The zone of a country's government (its capital), where a country spans several. */
const capitalZones: Record<string, string> = {
  AE: 'Asia/Dubai',
  AM: 'Asia/Yerevan',
  AR: 'America/Argentina/Buenos_Aires',
  AT: 'Europe/Vienna',
  AU: 'Australia/Sydney',
  AZ: 'Asia/Baku',
  BD: 'Asia/Dhaka',
  BE: 'Europe/Brussels',
  BR: 'America/Sao_Paulo',
  BY: 'Europe/Minsk',
  CA: 'America/Toronto',
  CH: 'Europe/Zurich',
  CL: 'America/Santiago',
  CN: 'Asia/Shanghai',
  CO: 'America/Bogota',
  CZ: 'Europe/Prague',
  DE: 'Europe/Berlin',
  DK: 'Europe/Copenhagen',
  EG: 'Africa/Cairo',
  ES: 'Europe/Madrid',
  FI: 'Europe/Helsinki',
  FR: 'Europe/Paris',
  GB: 'Europe/London',
  GR: 'Europe/Athens',
  HU: 'Europe/Budapest',
  ID: 'Asia/Jakarta',
  IE: 'Europe/Dublin',
  IL: 'Asia/Jerusalem',
  IN: 'Asia/Kolkata',
  IT: 'Europe/Rome',
  JP: 'Asia/Tokyo',
  KE: 'Africa/Nairobi',
  KG: 'Asia/Bishkek',
  KR: 'Asia/Seoul',
  KZ: 'Asia/Almaty',
  MX: 'America/Mexico_City',
  MY: 'Asia/Kuala_Lumpur',
  NG: 'Africa/Lagos',
  NL: 'Europe/Amsterdam',
  NO: 'Europe/Oslo',
  NZ: 'Pacific/Auckland',
  PH: 'Asia/Manila',
  PK: 'Asia/Karachi',
  PL: 'Europe/Warsaw',
  PT: 'Europe/Lisbon',
  RO: 'Europe/Bucharest',
  RU: 'Europe/Moscow',
  SA: 'Asia/Riyadh',
  SE: 'Europe/Stockholm',
  SG: 'Asia/Singapore',
  TH: 'Asia/Bangkok',
  TJ: 'Asia/Dushanbe',
  TR: 'Europe/Istanbul',
  UA: 'Europe/Kyiv',
  US: 'America/New_York',
  UZ: 'Asia/Tashkent',
  VN: 'Asia/Ho_Chi_Minh',
  ZA: 'Africa/Johannesburg',
};

type LocaleWithZones = Intl.Locale & { getTimeZones?: () => string[]; timeZones?: string[] };

/** The zones ICU lists for a country (Intl Locale Info; Chromium has it), or none. */
export function zonesOfCountry(country: string): string[] {
  if (!/^[A-Z]{2}$/.test(country)) return [];
  try {
    const locale = new Intl.Locale(`und-${country}`) as LocaleWithZones;
    return locale.getTimeZones?.() ?? locale.timeZones ?? [];
  } catch {
    return [];
  }
}

/**
 * The zone to assume for an authority of `country`: its own regime's zone, else its capital's,
 * else the only zone ICU knows for it, else UTC.
 */
export function defaultZone(country: string, regimes: readonly RegimeSummary[]): string {
  const own = regimes.find((r) => r.jurisdictionKind === 'country' && r.jurisdiction === country);
  if (own && isTimeZone(own.timeZone)) return own.timeZone;
  const capital = capitalZones[country];
  if (capital && isTimeZone(capital)) return capital;
  const listed = zonesOfCountry(country);
  return listed.length === 1 && listed[0] ? listed[0] : 'UTC';
}

/** Every zone to offer: the browser's list, UTC, and the zones the packs and defaults name. */
export function allZones(regimes: readonly RegimeSummary[]): string[] {
  let known: string[] = [];
  try {
    known = Intl.supportedValuesOf('timeZone');
  } catch {
    // an old browser: the named zones below still make a usable list
  }
  const named = [...regimes.map((r) => r.timeZone), ...Object.values(capitalZones)].filter(isTimeZone);
  return [...new Set(['UTC', ...known, ...named])].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}

/** `UTC+05:00` for a zone at an instant; `UTC` where the offset is zero. */
export function offsetLabel(zone: string, at: Date): string {
  const offset = formatInZone(at, zone).slice(19);
  return `UTC${offset === '+00:00' ? '' : offset}`;
}

/** The current wall-clock time in a zone, for a datetime-local input (`2026-03-10T23:30`). */
export function nowInZone(zone: string, now = new Date()): string {
  return formatInZone(now, isTimeZone(zone) ? zone : 'UTC').slice(0, 16);
}
