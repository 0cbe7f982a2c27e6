/** Which of Writ's languages a reader gets: the one they chose (kept in localStorage), else their browser's, else English. */

export const languages = ['en', 'ru', 'kk'] as const;
export type Language = (typeof languages)[number];

export const defaultLanguage: Language = 'en';

/** Where the reader's choice is kept. */
export const languageStorageKey = 'writ.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** `ru-RU` → `ru`, `kk-Cyrl-KZ` → `kk`, `de` → null. */
export function supportedLanguage(tag: string): Language | null {
  const primary = tag.toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : null;
}

/** The stored choice first, then the browser's languages in its order of preference. */
export function detectLanguage(stored: string | null, browserLanguages: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browserLanguages) {
    const language = supportedLanguage(tag);
    if (language) return language;
  }
  return defaultLanguage;
}

/** The locale Intl formats with: British English keeps `10 Mar 2026, 18:30`. */
export function intlLocale(language: string): string {
  return language === 'en' ? 'en-GB' : language;
}
