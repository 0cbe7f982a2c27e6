/** The history's lines for user notices and appeals (issue 12). */
import type { HistoryArea } from '../history-areas.js';

// Placeholder of the foundation commit: the helper that owns this folder fills it in.
export const noticesHistory: HistoryArea = {
  types: new Set<string>(),
  label: (_t, type) => type,
  line: () => '',
};
