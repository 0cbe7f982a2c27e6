/**
 * Countries as the published files name them. Meta writes names only (no code column); Google
 * writes CLDR territory codes. Both become the currently assigned ISO 3166-1 alpha-2 code from the
 * maintained list in src/domain/countries.ts, so that Meta's figures sit beside Google's. A name or
 * code that is not a country today (Somaliland, the dissolved Netherlands Antilles, Europol) is
 * reported by the importer, never guessed.
 */
import { countryName, countryNamesIn, europeanUnion, isCountryCode } from '../countries.js';

/**
 * Meta's spellings that the list does not know, and what they are. null: not a country with a
 * code today (the row is reported and not stored).
 */
const metaSpellings: Record<string, string | null> = {
  antigua: 'AG',
  'british virgin islands': 'VG',
  brunei: 'BN',
  'falkland islands': 'FK',
  'federated states of micronesia': 'FM',
  laos: 'LA',
  macau: 'MO',
  macedonia: 'MK',
  moldova: 'MD',
  'saint martin': 'MF',
  'sint maarten': 'SX',
  swaziland: 'SZ',
  syria: 'SY',
  'the bahamas': 'BS',
  'us virgin islands': 'VI',
  'vatican city': 'VA',
  // Dissolved in 2010 (AN withdrawn) into CW, SX and BQ; Meta still lists it, always with zeros.
  'netherlands antilles': null,
  // No ISO code: Somalia's claim, not an assigned territory.
  somaliland: null,
};

/** Lower case, no accents, `&` as `and`, `St.` as `Saint`, single spaces. */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\bst\.?\s/g, 'saint ')
    .replace(/\s+/g, ' ')
    .trim();
}

let byName: Map<string, string | null> | undefined;

function namesFromList(): Map<string, string | null> {
  const names = new Map<string, string | null>();
  const ambiguous = new Set<string>();
  for (const [code, list] of Object.entries(countryNamesIn('en')))
    for (const name of list) {
      const key = nameKey(name);
      if (names.has(key) && names.get(key) !== code) ambiguous.add(key);
      names.set(key, code);
    }
  // "Congo" names two countries: a file that writes only that is reported, not guessed.
  for (const key of ambiguous) names.delete(key);
  for (const [name, code] of Object.entries(metaSpellings)) names.set(nameKey(name), code);
  return names;
}

/** The ISO code for a published country name, or null when the name is not a country with a code today. */
export function countryCodeForName(name: string): string | null {
  byName ??= namesFromList();
  return byName.get(nameKey(name)) ?? null;
}

/**
 * Territory codes a published file writes that are not the assigned code: the JSON repackaging of
 * Google's data has one row under UK, ISO's code reserved at the United Kingdom's request.
 */
const territoryAliases: Record<string, string> = { UK: 'GB' };

/**
 * The code to store for a territory code as published: the assigned code (UK → GB), EU for the
 * European Union (Google counts requests from its bodies), or null for anything else (SU, QO, ZZ).
 */
export function territoryCode(published: string): string | null {
  const code = published.trim().toUpperCase();
  const canonical = territoryAliases[code] ?? code;
  return canonical === europeanUnion || isCountryCode(canonical) ? canonical : null;
}

/** An English name for a code, for codes that only ever appear as codes. */
export function countryNameForCode(code: string): string {
  return countryName(code, 'en');
}
