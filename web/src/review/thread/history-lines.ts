/**
 * The history's line for an event of an order's thread: what was found missing and what became of
 * the clock, how far an answer moved the deadline. The message itself is in the thread panel.
 */
import type { RequestEvent } from '../../api.js';
import type { TFunction } from '../../i18n/index.js';
import { durationText } from '../../time.js';

export const threadEventTypes: ReadonlySet<string> = new Set([
  'clarification_requested',
  'clarification_answered',
  'decision_contested',
  'order_withdrawn',
  'message_posted',
  'clock_resumed',
]);

const field = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;

export function threadEventLine(t: TFunction, utc: (iso: string) => string, event: RequestEvent): string {
  switch (event.type) {
    case 'clarification_requested': {
      const missing = field(event.after, 'missingElements');
      const names = Array.isArray(missing)
        ? missing.map((m) => String(field(m, 'element'))).map((e) => t(`review-thread:element.${e}`, { defaultValue: e }))
        : [];
      const clock =
        field(event.after, 'clockStops') === true
          ? t('review-thread:history.clockStopped')
          : t('review-thread:history.clockRuns');
      return names.length ? `${t('review-thread:history.missing', { elements: names.join(', ') })} · ${clock}` : clock;
    }
    case 'clarification_answered':
    case 'clock_resumed': {
      const before = String(field(event.before, 'dueAt') ?? '');
      const after = String(field(event.after, 'dueAt') ?? '');
      const moved = Date.parse(after) - Date.parse(before);
      if (!before || !after || !(moved > 0)) return t('review-thread:history.dueUnchanged');
      return t('review-thread:history.dueMoved', { before: utc(before), after: utc(after), paused: durationText(t, moved) });
    }
    default:
      return t('review-thread:history.inThread');
  }
}
