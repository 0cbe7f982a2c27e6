/** The portal's sign-in pages' strings: the `portal` namespace (web/src/i18n/locales/<language>/portal.json). */
import { useTranslation } from '../../i18n/index.js';

export function usePortalAuthT() {
  return useTranslation('portal');
}
