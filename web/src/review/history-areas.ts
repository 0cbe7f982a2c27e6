/**
 * The history's event families of the review workflow (issue 12): each folder says which event
 * types are its own, how each is named and the line that summarises it, in its own i18n namespace.
 */
import type { RequestEvent } from '../api.js';
import type { TFunction } from '../i18n/index.js';
import { alertsHistory } from './alerts/history-lines.js';
import { enforcementHistory } from './enforcement/history-lines.js';
import { noticesHistory } from './notices/history-lines.js';
import { publicationHistory } from './publication/history-lines.js';
import { pushbackHistory } from './pushback/history-lines.js';
import { queueWorkHistory } from './queue-work/history-lines.js';
import { stagesHistory } from './stages/history-lines.js';

export type HistoryArea = {
  types: ReadonlySet<string>;
  /** The event's name in the history (a translated label). */
  label: (t: TFunction, type: string) => string;
  /** The event's one-line summary. */
  line: (t: TFunction, utc: (iso: string) => string, event: RequestEvent) => string;
};

export const historyAreas: readonly HistoryArea[] = [
  queueWorkHistory,
  stagesHistory,
  pushbackHistory,
  noticesHistory,
  enforcementHistory,
  alertsHistory,
  publicationHistory,
];

export function historyAreaOf(type: string): HistoryArea | undefined {
  return historyAreas.find((area) => area.types.has(type));
}
