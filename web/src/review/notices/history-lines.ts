/** The history's lines for user notices and appeals (issue 12). */
import type { HistoryArea } from '../history-areas.js';

const field = (value: unknown, key: string): string => {
  const v = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : '';
};

export const noticesHistory: HistoryArea = {
  types: new Set<string>(['notice_held', 'notice_sent', 'notice_due', 'notice_cancelled', 'appeal_received', 'appeal_decided']),
  label: (t, type) => {
    switch (type) {
      case 'notice_held':
        return t('notices:history.type.notice_held');
      case 'notice_sent':
        return t('notices:history.type.notice_sent');
      case 'notice_due':
        return t('notices:history.type.notice_due');
      case 'notice_cancelled':
        return t('notices:history.type.notice_cancelled');
      case 'appeal_received':
        return t('notices:history.type.appeal_received');
      default:
        return t('notices:history.type.appeal_decided');
    }
  },
  line: (t, utc, event) => {
    const heldUntil = field(event.after, 'heldUntil');
    switch (event.type) {
      case 'notice_held':
        return t('notices:history.held', { recipient: field(event.after, 'recipient'), time: heldUntil ? utc(heldUntil) : '' });
      case 'notice_sent':
        return t('notices:history.sent', { recipient: field(event.after, 'recipient') });
      case 'notice_due':
        return t('notices:history.due', { recipient: field(event.after, 'recipient') });
      case 'notice_cancelled':
        return t('notices:history.cancelled', { recipient: field(event.after, 'recipient') });
      case 'appeal_received':
        return t('notices:history.appealReceived');
      default:
        return field(event.after, 'outcome') === 'reversed'
          ? t('notices:history.appealReversed')
          : t('notices:history.appealUpheld');
    }
  },
};
