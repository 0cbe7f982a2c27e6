/** Numbers, dates and language names in the UI's language (Intl), for components: `const format = useFormat()`. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from './language.js';

/** The Intl locale of the UI's language, re-rendering the component when the reader switches. */
export function useLocale(): string {
  const { i18n } = useTranslation();
  return intlLocale(i18n.resolvedLanguage ?? i18n.language);
}

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.DisplayNames>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.DisplayNames>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** What formats an instant: an Intl.DateTimeFormat, or the stand-in below where the browser lacks the locale's data. */
export type InstantFormat = { format(date: Date): string };

/**
 * Some browsers (Debian's Chromium among them) claim Kazakh but carry no Kazakh dates (`2026 M11 27`)
 * or numbers (`1,234.5`). There, dates are assembled from numeric parts with CLDR's Kazakh month names
 * and pattern (`2026 ж. 27 қар., 17:54`), and numbers take Russian's separators, which are Kazakh's too.
 */
const kazakhMonths = ['қаң.', 'ақп.', 'нау.', 'сәу.', 'мам.', 'мау.', 'шіл.', 'там.', 'қыр.', 'қаз.', 'қар.', 'жел.'];

const localeData = new Map<string, boolean>();
function hasDateData(locale: string): boolean {
  let known = localeData.get(locale);
  if (known === undefined) {
    const month = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, 0, 15));
    known = !/^M\d/.test(month);
    localeData.set(locale, known);
  }
  return known;
}

function numberLocale(locale: string): string {
  return locale === 'kk' && !hasDateData('kk') ? 'ru' : locale;
}

/** `2026 ж. 27 қар., 17:54` (with `withTime`) or `2026 ж. 27 қар.`, from numeric parts in `zone`. */
function kazakhFormat(zone: string, withTime: boolean): InstantFormat {
  const numeric = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
  } as Intl.DateTimeFormatOptions);
  return {
    format(date: Date) {
      const part = (type: string) => numeric.formatToParts(date).find((p) => p.type === type)?.value ?? '';
      const day = `${part('year')} ж. ${Number(part('day'))} ${kazakhMonths[Number(part('month')) - 1]}`;
      return withTime ? `${day}, ${part('hour')}:${part('minute')}` : day;
    },
  };
}

const dateTimeOptions: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

/** A date and time in `zone` without its name (`10 Mar 2026, 18:30`); one formatter per locale and zone, kept. */
export function dateTimeIn(locale: string, zone: string): InstantFormat {
  if (locale === 'kk' && !hasDateData(locale)) return instantFormats(`dtkk|${zone}`, () => kazakhFormat(zone, true));
  return cached(`dt|${locale}|${zone}`, () => new Intl.DateTimeFormat(locale, { ...dateTimeOptions, timeZone: zone }));
}

const fallbackFormats = new Map<string, InstantFormat>();
function instantFormats(key: string, make: () => InstantFormat): InstantFormat {
  let format = fallbackFormats.get(key);
  if (!format) {
    format = make();
    fallbackFormats.set(key, format);
  }
  return format;
}

/**
 * An instant in a zone with the zone named: `12 Mar 2026, 14:05 (Asia/Almaty)`, `12 мар. 2026 г., 14:05 (Asia/Almaty)`;
 * UTC reads `10 Mar 2026, 18:30 UTC`. Null when the browser does not know the zone.
 */
export function formatInstant(iso: string, zone: string, locale: string): string | null {
  try {
    const text = dateTimeIn(locale, zone).format(new Date(iso));
    return zone === 'UTC' ? `${text} UTC` : `${text} (${zone})`;
  } catch {
    return null;
  }
}

/** `2026-07-14` → `14 Jul 2026` / `14 июл. 2026 г.` (a calendar day, not an instant). */
export function formatDay(day: string, locale: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  if (locale === 'kk' && !hasDateData(locale)) return instantFormats('daykk', () => kazakhFormat('UTC', false)).format(date);
  return cached(
    `day|${locale}`,
    () => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' }),
  ).format(date);
}

/** `120000` → `120,000` / `120 000`. */
export function formatNumber(value: number, locale: string, options?: Intl.NumberFormatOptions): string {
  const key = `n|${locale}|${options ? JSON.stringify(options) : ''}`;
  return cached(key, () => new Intl.NumberFormat(numberLocale(locale), options)).format(value);
}

/** `0.123` → `12.3%`. */
export function formatPercent(share: number, locale: string, digits = 1): string {
  return formatNumber(share, locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** `kk` → `Kazakh` in English, `казахский` in Russian; the code itself when Intl does not know it. */
export function languageName(code: string, locale: string): string {
  try {
    return (
      (cached(`ln|${locale}`, () => new Intl.DisplayNames([locale], { type: 'language' })) as Intl.DisplayNames).of(code) ?? code
    );
  } catch {
    return code;
  }
}

/** Everything above bound to the UI's language. */
export function useFormat() {
  const locale = useLocale();
  return useMemo(
    () => ({
      locale,
      instant: (iso: string, zone: string) => formatInstant(iso, zone, locale),
      utc: (iso: string) => formatInstant(iso, 'UTC', locale) ?? iso,
      day: (day: string) => formatDay(day, locale),
      number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(value, locale, options),
      percent: (share: number, digits?: number) => formatPercent(share, locale, digits),
      languageName: (code: string) => languageName(code, locale),
    }),
    [locale],
  );
}
