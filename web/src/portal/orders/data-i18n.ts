/** The data order parts' strings: the `portal-data` namespace (web/src/i18n/locales/<language>/portal-data.json). */
import { useTranslation } from '../../i18n/index.js';

export const usePortalDataT = () => useTranslation('portal-data');
