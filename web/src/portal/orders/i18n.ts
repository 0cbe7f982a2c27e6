/** The order pages' strings: the `portal-orders` namespace (web/src/i18n/locales/<language>/portal-orders.json). */
import { isLanguage, type Language, useLocale, useTranslation } from '../../i18n/index.js';

export { languages } from '../../i18n/index.js';
export type { Language };

/** `t` of the namespace, the UI's language (for `lang` and country names) and its Intl locale. */
export function usePortalT() {
  const { t, i18n } = useTranslation('portal-orders');
  const current = i18n.resolvedLanguage ?? i18n.language;
  const language: Language = isLanguage(current) ? current : 'en';
  return { t, language, locale: useLocale() };
}
