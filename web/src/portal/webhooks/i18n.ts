/** The webhooks page's strings: the `portal-webhooks` namespace (web/src/i18n/locales/<language>/portal-webhooks.json). */
import { useTranslation } from '../../i18n/index.js';

export function useWebhooksT() {
  return useTranslation('portal-webhooks');
}
