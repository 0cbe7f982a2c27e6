/**
 * The static site's messages (src/static/locales/{en,ru,kk}.json): ICU messages formatted with
 * intl-messageformat, and the locale's dates and country names.
 */
import { readFileSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';
import { countryName } from '../domain/countries.js';

export const siteLanguages = ['en', 'ru', 'kk'] as const;
export type SiteLanguage = (typeof siteLanguages)[number];

/** The language's own name, for the switcher. */
export const languageNames: Record<SiteLanguage, string> = { en: 'English', ru: 'Русский', kk: 'Қазақша' };

type Catalogue = { [key: string]: string | Catalogue };

function flatten(catalogue: Catalogue, prefix = '', into = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === 'string') into.set(prefix + key, value);
    else flatten(value, `${prefix}${key}.`, into);
  }
  return into;
}

const catalogues = new Map<SiteLanguage, Map<string, string>>();

function catalogue(lang: SiteLanguage): Map<string, string> {
  let found = catalogues.get(lang);
  if (!found) {
    const text = readFileSync(new URL(`./locales/${lang}.json`, import.meta.url), 'utf8');
    found = flatten(JSON.parse(text) as Catalogue);
    catalogues.set(lang, found);
  }
  return found;
}

export type Messages = {
  lang: SiteLanguage;
  /** The message `key` with `values`; a missing key is an error (every catalogue has every key). */
  t(key: string, values?: Record<string, string | number>): string;
  /** Whether the catalogue has `key`. */
  has(key: string): boolean;
  /** A date (`YYYY-MM-DD` or an ISO instant) in the language, UTC. */
  date(value: string | Date): string;
  country(code: string): string;
  number(value: number): string;
};

export function messagesFor(lang: SiteLanguage): Messages {
  const messages = catalogue(lang);
  const formats = new Map<string, IntlMessageFormat>();
  const dateFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
  const numberFormat = new Intl.NumberFormat(lang);
  return {
    lang,
    t(key, values) {
      let format = formats.get(key);
      if (!format) {
        const message = messages.get(key);
        if (message === undefined) throw new Error(`static site: no message ${key} in ${lang}`);
        format = new IntlMessageFormat(message, lang);
        formats.set(key, format);
      }
      return String(format.format(values));
    },
    has(key) {
      return messages.has(key);
    },
    date(value) {
      const instant = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
      return Number.isNaN(instant.getTime()) ? String(value) : dateFormat.format(instant);
    },
    country(code) {
      try {
        return countryName(code, lang);
      } catch {
        return code;
      }
    },
    number(value) {
      return numberFormat.format(value);
    },
  };
}
