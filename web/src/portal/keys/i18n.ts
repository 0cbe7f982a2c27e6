/** The API-key page's strings: the `portal-keys` namespace (web/src/i18n/locales/<language>/portal-keys.json). */
import { useLocale, useTranslation } from '../../i18n/index.js';

export function useKeysT() {
  const { t } = useTranslation('portal-keys');
  return { t, locale: useLocale() };
}
