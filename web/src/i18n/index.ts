/**
 * The UI's languages: i18next with ICU MessageFormat (plurals per language), one namespace per area
 * (README.md beside this file says how to add a string).
 */
import i18next from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import { catalogueOf } from './catalogues.js';
import { defaultLanguage, detectLanguage, intlLocale, type Language, languageStorageKey, languages } from './language.js';

export type { TFunction } from 'i18next';
export { Trans, useTranslation } from 'react-i18next';
export { formatDay, formatInstant, formatNumber, formatPercent, languageName, useFormat, useLocale } from './format.js';
export { isLanguage, type Language, languages } from './language.js';

function storedLanguage(): string | null {
  try {
    return globalThis.localStorage?.getItem(languageStorageKey) ?? null;
  } catch {
    return null; // storage refused (private mode, policy): the browser's language then
  }
}

function browserLanguages(): readonly string[] {
  const navigator = globalThis.navigator;
  if (!navigator) return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}

export const i18n = i18next.createInstance();

/** Adds a language's catalogues once, before the UI shows it. */
async function ensureLanguage(language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, 'common')) return;
  for (const [namespace, messages] of Object.entries(await catalogueOf(language)))
    i18n.addResourceBundle(language, namespace, messages, true, true);
}

const detected = detectLanguage(storedLanguage(), browserLanguages());

await i18n
  .use(new ICU())
  .use(initReactI18next)
  .init({
    resources: { en: await catalogueOf('en') },
    // Shown in English until its catalogues are in (the first render waits for them below).
    lng: defaultLanguage,
    fallbackLng: defaultLanguage,
    supportedLngs: [...languages],
    defaultNS: 'common',
    ns: ['common'],
    // The catalogues are in memory already.
    initAsync: false,
    // React escapes what it renders; messages are never HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
  });

function markDocument(language: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
i18n.on('languageChanged', markDocument);
if (detected !== defaultLanguage) {
  await ensureLanguage(detected);
  await i18n.changeLanguage(detected);
}
markDocument(i18n.language);

/** The reader's choice of language: applied at once and kept for the next visit. */
export async function chooseLanguage(language: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(languageStorageKey, language);
  } catch {
    // not kept, but still applied
  }
  await ensureLanguage(language);
  await i18n.changeLanguage(language);
}

/** The language the UI shows now. */
export function currentLanguage(): Language {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (languages as readonly string[]).includes(language) ? (language as Language) : defaultLanguage;
}

/** The locale for Intl (numbers, dates) in the UI's language. */
export function currentLocale(): string {
  return intlLocale(currentLanguage());
}
