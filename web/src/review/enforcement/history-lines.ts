/** The history's lines for enforcement calls and confirmations (issue 12). */
import type { EnforcementAction } from '../../../../src/domain/review-vocabulary.js';
import type { HistoryArea } from '../history-areas.js';
import { actionText } from './enforcement-api.js';

const field = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;

const actions = new Set<string>(['remove_globally', 'restrict_in_country', 'restore']);

export const enforcementHistory: HistoryArea = {
  types: new Set<string>(['enforcement_confirmed', 'enforcement_failed', 'enforcement_retried']),
  label: (t, type) => {
    switch (type) {
      case 'enforcement_confirmed':
        return t('enforcement:history.type.enforcement_confirmed');
      case 'enforcement_failed':
        return t('enforcement:history.type.enforcement_failed');
      default:
        return t('enforcement:history.type.enforcement_retried');
    }
  },
  line: (t, utc, event) => {
    const raw = field(event.after, 'action');
    const action = typeof raw === 'string' && actions.has(raw) ? actionText(t, raw as EnforcementAction) : '';
    const scope = field(event.after, 'scopeCountries');
    const where = Array.isArray(scope) ? scope.join(', ') : t('enforcement:panel.everywhere');
    if (event.type === 'enforcement_confirmed') {
      const effectiveAt = field(event.after, 'effectiveAt');
      const seconds = field(event.after, 'secondsToGiveEffect');
      return t('enforcement:history.confirmed', {
        action,
        where,
        time: typeof effectiveAt === 'string' && !Number.isNaN(Date.parse(effectiveAt)) ? utc(effectiveAt) : '',
        seconds: typeof seconds === 'number' ? seconds : 0,
      });
    }
    if (event.type === 'enforcement_failed') {
      const detail = field(event.after, 'detail');
      return t('enforcement:history.failed', { action, where, detail: typeof detail === 'string' ? detail : '' });
    }
    return t('enforcement:history.retried', { action, where });
  },
};
