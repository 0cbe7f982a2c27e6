/** The history's lines for deadline alerts (issue 12): which threshold fired, against which deadline. */
import type { HistoryArea } from '../history-areas.js';

const field = (value: unknown, key: string): string | undefined => {
  const v = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : undefined;
};

export const alertsHistory: HistoryArea = {
  types: new Set<string>(['deadline_alert']),
  label: (t, type) => t(`alerts:history.type.${type}`, { defaultValue: type }),
  line: (t, utc, event) => {
    const threshold = field(event.after, 'threshold');
    const dueAt = field(event.after, 'dueAt');
    const time = dueAt && !Number.isNaN(Date.parse(dueAt)) ? utc(dueAt) : '';
    if (threshold === 'expired') return t('alerts:history.expired', { time });
    const share = Number(threshold);
    return Number.isFinite(share) ? t('alerts:history.share', { share, time }) : t('alerts:history.type.deadline_alert');
  },
};
