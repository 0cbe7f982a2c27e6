/**
 * Which two-letter codes are countries today, and what they are called, from the maintained
 * `i18n-iso-countries` list (ISO 3166-1 as currently assigned). Browser-safe: the server and the web
 * UI both use it, and only the three locales Writ speaks are registered, to keep the web bundle small.
 *
 * Withdrawn codes (SU, YU, FX, TP, HV, DY, AN, …) and codes never assigned (XX, AA, ZZ) are not
 * countries. The list also holds XK for Kosovo, which has no ISO code; XK is the user-assigned code
 * the EU, CLDR and Google use for it. EU is not a country: it is ISO's exceptionally reserved code
 * for the European Union, accepted only where a figure or a law is EU-wide (`isJurisdictionCode`).
 */
import countries from 'i18n-iso-countries/index.js';
import en from 'i18n-iso-countries/langs/en.json';
import kk from 'i18n-iso-countries/langs/kk.json';
import ru from 'i18n-iso-countries/langs/ru.json';

for (const locale of [en, ru, kk]) countries.registerLocale(locale);

export type CountryLocale = 'en' | 'ru' | 'kk';

/** The European Union: accepted beside countries for EU-wide figures, laws and published counts. */
export const europeanUnion = 'EU';
const europeanUnionNames: Record<CountryLocale, string> = { en: 'European Union', ru: 'Европейский союз', kk: 'Еуропалық Одақ' };

const assigned: ReadonlySet<string> = new Set(Object.keys(countries.getAlpha2Codes()));

export const countryCodeMessage =
  'must be a currently assigned ISO 3166-1 alpha-2 country code such as KZ (not a withdrawn one such as SU)';
export const jurisdictionCodeMessage = 'must be a currently assigned ISO 3166-1 alpha-2 country code such as KZ, or EU';

/** Every currently assigned code (and XK), A–Z. */
export function countryCodes(): string[] {
  return [...assigned].sort();
}

/** True for a currently assigned ISO 3166-1 alpha-2 code (upper case), or XK; false for SU, XX, `kz`. */
export function isCountryCode(code: string): boolean {
  return assigned.has(code);
}

/** A country, or EU where a law or a figure covers the whole European Union. */
export function isJurisdictionCode(code: string): boolean {
  return code === europeanUnion || isCountryCode(code);
}

// The list gives an official name first and, for some codes, another ("Russian Federation",
// "Russia"). A reader wants the shorter, unless it is an abbreviation ("UK"), shared ("Congo" is
// two countries) or an inverted list entry ("Korea, Republic of").
const usable = (name: string, shared: ReadonlySet<string>) =>
  !/^[\p{Lu}.]+$/u.test(name) && !shared.has(name) && !name.includes(', ');

const namesByLocale = new Map<CountryLocale, Map<string, string>>();

function namesIn(locale: CountryLocale): Map<string, string> {
  let names = namesByLocale.get(locale);
  if (names) return names;
  const all = countries.getNames(locale, { select: 'all' }) as Record<string, string[]>;
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const list of Object.values(all))
    for (const name of list) {
      if (seen.has(name)) shared.add(name);
      seen.add(name);
    }
  names = new Map();
  for (const [code, [official, short]] of Object.entries(all)) {
    if (!official) continue;
    const better = short !== undefined && usable(short, shared) && short.length < official.length;
    names.set(code, better ? short : official);
  }
  namesByLocale.set(locale, names);
  return names;
}

/** `KZ` → `Kazakhstan` (`Казахстан`, `Қазақстан`); EU → `European Union`; anything else comes back as it is. */
export function countryName(code: string, locale: CountryLocale = 'en'): string {
  if (code === europeanUnion) return europeanUnionNames[locale];
  return namesIn(locale).get(code) ?? code;
}

/** Every name the list knows for each code in a locale, official first (for reading published names). */
export function countryNamesIn(locale: CountryLocale): Record<string, string[]> {
  return countries.getNames(locale, { select: 'all' }) as Record<string, string[]>;
}
