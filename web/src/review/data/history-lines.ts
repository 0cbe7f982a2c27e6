/**
 * The history's line for an event of a data order (issue 11): which account, what was produced or
 * refused, what a hold holds and until when, which production. Never the produced data.
 */
import type { RequestEvent } from '../../api.js';
import type { TFunction } from '../../i18n/index.js';
import { label } from '../../labels.js';

export const dataEventTypes: ReadonlySet<string> = new Set([
  'account_decided',
  'account_decision_changed',
  'emergency_review_recorded',
  'follow_up_process_received',
  'hold_placed',
  'hold_extended',
  'hold_reminder_sent',
  'hold_released',
  'hold_kept_for_legal_process',
  'production_delivered',
  'production_downloaded',
  'production_revoked',
]);

const field = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** `All data produced · Subscriber information, Metadata · Overbroad` */
function decisionText(t: TFunction, value: unknown): string {
  const extent = str(field(value, 'extent'));
  if (!extent) return t('data-history:none');
  const parts = [label(t, 'productionExtent', extent)];
  const categories = list(field(value, 'producedCategories'));
  if (extent === 'some' && categories.length) parts.push(categories.map((c) => label(t, 'dataCategory', c)).join(', '));
  const reason = str(field(value, 'refusalReason'));
  if (reason) parts.push(label(t, 'refusalReason', reason));
  return parts.join(' · ');
}

function holdText(t: TFunction, utc: (iso: string) => string, value: unknown): string {
  const categories = list(field(value, 'categories'));
  const expiresAt = str(field(value, 'expiresAt'));
  const parts = [categories.length ? categories.map((c) => label(t, 'dataCategory', c)).join(', ') : t('data-history:allData')];
  if (expiresAt && !Number.isNaN(Date.parse(expiresAt))) parts.push(t('data-history:until', { time: utc(expiresAt) }));
  return parts.join(' · ');
}

/**
 * One line for a data order's event; `accounts` gives each account id its position (1-based), as
 * the order page numbers them.
 */
export function dataEventLine(
  t: TFunction,
  utc: (iso: string) => string,
  event: RequestEvent,
  accounts: ReadonlyMap<string, number>,
): string {
  const accountId = str(field(event.after, 'accountId')) ?? str(field(event.before, 'accountId'));
  const account = accountId ? `${t('data-history:account', { position: accounts.get(accountId) ?? '?' })}: ` : '';
  switch (event.type) {
    case 'account_decided':
      return account + decisionText(t, event.after);
    case 'account_decision_changed':
      return `${account}${decisionText(t, event.before)} → ${decisionText(t, event.after)}`;
    case 'emergency_review_recorded': {
      const conclusion = str(field(event.after, 'conclusion'));
      return conclusion === 'justified' ? t('data-history:justified') : t('data-history:notJustified');
    }
    case 'follow_up_process_received':
    case 'hold_kept_for_legal_process':
      return account + t('data-history:legalProcess', { reference: str(field(event.after, 'reference')) ?? '?' });
    case 'hold_placed':
    case 'hold_extended':
    case 'hold_reminder_sent':
      return account + holdText(t, utc, event.after);
    case 'hold_released': {
      const reason = str(field(event.after, 'releaseReason'));
      return (
        account +
        (reason === 'expired'
          ? t('data-history:releasedExpired')
          : reason === 'order_withdrawn'
            ? t('data-history:releasedWithdrawn')
            : t('data-history:releasedByReviewer'))
      );
    }
    case 'production_delivered': {
      const files = list(field(event.after, 'files'));
      return t('data-history:delivered', { count: files.length, sha256: (str(field(event.after, 'sha256')) ?? '').slice(0, 16) });
    }
    case 'production_downloaded':
      return t('data-history:downloaded');
    case 'production_revoked':
      return t('data-history:revoked');
    default:
      return '';
  }
}
