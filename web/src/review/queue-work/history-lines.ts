/** The history's lines for claims, releases and assignments of an order (issue 12). */
import type { HistoryArea } from '../history-areas.js';

const types = ['order_claimed', 'order_released', 'order_assigned'] as const;

/** The assignee's name in `{ assignee: { id, name } | null }`, or undefined for nobody. */
const assigneeName = (value: unknown): string | undefined => {
  const a = value !== null && typeof value === 'object' ? (value as Record<string, unknown>).assignee : undefined;
  const name = a !== null && typeof a === 'object' ? (a as Record<string, unknown>).name : undefined;
  return typeof name === 'string' ? name : undefined;
};

export const queueWorkHistory: HistoryArea = {
  types: new Set<string>(types),
  label: (t, type) => t(`queue-work:history.type.${type}`, { defaultValue: type }),
  line: (t, _utc, event) => {
    const nobody = t('queue-work:history.nobody');
    switch (event.type) {
      case 'order_claimed':
        return t('queue-work:history.claimed', { name: assigneeName(event.after) ?? nobody });
      case 'order_released':
        return t('queue-work:history.released', { name: assigneeName(event.before) ?? nobody });
      default: {
        const line = t('queue-work:history.assigned', {
          before: assigneeName(event.before) ?? nobody,
          after: assigneeName(event.after) ?? nobody,
        });
        return event.note ? `${line} · ${event.note}` : line;
      }
    }
  },
};
